package org.connectverify.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.connectverify.core.Finding;
import org.junit.jupiter.api.Test;

class AppKeyCheckTest {
  private static List<Finding> findings(String key) {
    return RuleRun.findings(
        RuleRun.HEAD.replace("\"com.example.app\"", "\"" + key + "\"") + "  \"modules\": {}\n}\n", "descriptor/app-key");
  }

  @Test
  void acceptsLettersDigitsDashDotAndUnderscoreUpTo64Characters() {
    assertEquals(List.of(), findings("com.Example_app-2"));
    assertEquals(List.of(), findings("k".repeat(64)));
  }

  @Test
  void listsEveryDisallowedCharacterOnce() {
    List<Finding> f = findings("my app/key@x/y");
    assertEquals(1, f.size());
    assertEquals("descriptor/app-key-format", f.get(0).ruleId());
    assertTrue(f.get(0).message().contains("contains a space, '/' and '@'"), f.get(0).message());
  }

  @Test
  void leavesAnUnfilteredBuildTokenToTheTemplatingStep() {
    assertEquals(List.of(), findings("@pluginKey@")); // template/unresolved reports it, once
  }

  @Test
  void warnsAbove64AndFailsAbove80Characters() {
    assertEquals(List.of("descriptor/app-key-length"), findings("k".repeat(65)).stream().map(Finding::ruleId).toList());
    assertEquals(List.of("descriptor/app-key-length"), findings("k".repeat(80)).stream().map(Finding::ruleId).toList());
    assertEquals(List.of("descriptor/app-key-format"), findings("k".repeat(81)).stream().map(Finding::ruleId).toList());
  }

  @Test
  void leavesEmptyAndTemplatedKeysToOtherRules() {
    assertEquals(List.of(), findings(""));
    assertEquals(List.of(), findings("${addon.key}"));
    assertEquals(List.of(), findings("{{appKey}}"));
  }
}
