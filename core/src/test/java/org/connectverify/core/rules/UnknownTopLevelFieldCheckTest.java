package org.connectverify.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.connectverify.core.Finding;
import org.junit.jupiter.api.Test;

class UnknownTopLevelFieldCheckTest {
  private static List<Finding> findings(String extra) {
    return RuleRun.findings(RuleRun.HEAD + extra + "  \"modules\": {}\n}\n", "descriptor/unknown-field");
  }

  @Test
  void suggestsTheClosestKnownField() {
    List<Finding> f = findings("  \"apiMigration\": {},\n");
    assertEquals(1, f.size());
    assertEquals("d.json:6:3: warning: unknown top-level field \"apiMigration\": the host ignores it"
        + " [descriptor/unknown-field]", f.get(0).toString());
    assertEquals("did you mean \"apiMigrations\"?", f.get(0).hint());
  }

  @Test
  void explainsKnownMistakes() {
    assertEquals(
        "\"contexts\" is a Bitbucket Connect field; Jira and Confluence ignore it",
        findings("  \"contexts\": [\"account\"],\n").get(0).hint());
  }

  @Test
  void listsTheKnownFieldsWhenNothingIsClose() {
    String hint = findings("  \"imagePlaceholder\": \"x\",\n").get(0).hint();
    assertEquals(true, hint.contains("\"baseUrl\""), hint);
  }

  @Test
  void acceptsEveryKnownFieldAndDollarSchema() {
    assertEquals(
        List.of(),
        findings("  \"$schema\": \"x\",\n  \"vendor\": {},\n  \"links\": {},\n  \"version\": \"1\",\n"
            + "  \"regionBaseUrls\": {},\n  \"apiVersion\": 1,\n  \"enableLicensing\": false,\n"));
  }
}
