package org.connectverify.core.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.connectverify.core.Checks;
import org.junit.jupiter.api.Test;

class SecurityRulesTest {

  @Test
  void everyListedRuleExistsInTheCatalogue() {
    for (String id : SecurityRules.ids()) {
      assertTrue(Checks.catalogue().containsKey(id), "no such rule: " + id);
    }
  }

  @Test
  void scoresAreCvssLikeNumbers() {
    for (String id : SecurityRules.ids()) {
      double score = Double.parseDouble(SecurityRules.score(id));
      assertTrue(score > 0 && score <= 10, id);
    }
  }
}
