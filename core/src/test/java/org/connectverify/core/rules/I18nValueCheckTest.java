package org.connectverify.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.connectverify.core.Finding;
import org.junit.jupiter.api.Test;

class I18nValueCheckTest {
  private static String webItems(String... names) {
    StringBuilder b = new StringBuilder(RuleRun.HEAD).append("  \"modules\": {\"webItems\": [\n");
    for (int i = 0; i < names.length; i++) {
      b.append("    {\"key\": \"i").append(i).append("\", \"location\": \"x\", \"name\": ").append(names[i]).append('}');
      b.append(i + 1 < names.length ? ",\n" : "\n");
    }
    return b.append("  ]}\n}\n").toString();
  }

  @Test
  void reportsEveryUseThatDiffersFromTheFirst() {
    String json =
        webItems(
            "{\"value\": \"Open\", \"i18n\": \"k.open\"}",
            "{\"value\": \"Open\", \"i18n\": \"k.open\"}",
            "{\"value\": \"open\", \"i18n\": \"k.open\"}",
            "{\"value\": \"Close\", \"i18n\": \"k.open\"}");
    List<Finding> findings = RuleRun.findings(json, "i18n/");
    assertEquals(2, findings.size(), findings.toString());
    assertEquals("/modules/webItems/2/name/value", findings.get(0).pointer());
    assertEquals("/modules/webItems/3/name/value", findings.get(1).pointer());
    assertEquals(
        "i18n key \"k.open\" has value \"Close\" here but \"Open\" at modules.webItems[0].name (line 7): one key"
            + " shows one text",
        findings.get(1).message());
    assertEquals("/modules/webItems/0/name/value", findings.get(1).related().get(0).position().pointer());
  }

  @Test
  void acceptsTheSameKeyWithTheSameValueAndPropertiesWithoutKeys() {
    String json =
        webItems(
            "{\"value\": \"Open\", \"i18n\": \"k.open\"}",
            "{\"value\": \"Open\", \"i18n\": \"k.open\"}",
            "{\"value\": \"Other\"}",
            "{\"value\": \"Else\", \"i18n\": \"k.else\"}");
    assertEquals(List.of(), RuleRun.findings(json, "i18n/"));
  }
}
