package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.connectverify.core.Checks;
import org.connectverify.core.Rule;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

  @Test
  void textListsEveryRuleWithSeverityCategoryNetworkAndSummary() {
    CliRun r = CliRun.of("rules");
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("RULE +SEVERITY +CATEGORY +NETWORK +SUMMARY"), lines.get(0));
    for (Rule rule : Checks.catalogue().values()) {
      String expected =
          rule.id() + " +" + rule.defaultSeverity().label() + " +" + rule.category() + " +"
              + (rule.network() ? "yes" : "no") + " +" + java.util.regex.Pattern.quote(rule.summary());
      assertTrue(lines.stream().anyMatch(l -> l.matches(expected)), rule.id() + " missing:\n" + r.out());
    }
    assertEquals(Checks.catalogue().size() + 2, lines.size());
  }

  @Test
  void jsonListsEveryRule() throws Exception {
    CliRun r = CliRun.of("rules", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode rules = new ObjectMapper().readTree(r.out()).get("rules");
    assertEquals(Checks.catalogue().size(), rules.size());
    JsonNode dup = null;
    for (JsonNode n : rules) {
      if (n.get("id").asText().equals("json/duplicate-key")) {
        dup = n;
      }
    }
    assertEquals("error", dup.get("severity").asText());
    assertEquals("json", dup.get("category").asText());
    assertEquals(false, dup.get("network").asBoolean());
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertEquals(2, CliRun.of("rules", "--format", "xml").code());
  }
}
