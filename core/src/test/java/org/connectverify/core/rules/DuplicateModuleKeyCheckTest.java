package org.connectverify.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.connectverify.core.Finding;
import org.junit.jupiter.api.Test;

class DuplicateModuleKeyCheckTest {
  @Test
  void comparesKeysAcrossTypesIncludingSingleObjectModulesAndPointsBackToTheFirst() {
    String json =
        RuleRun.HEAD
            + "  \"modules\": {\n"
            + "    \"configurePage\": {\"key\": \"page\", \"name\": {\"value\": \"C\"}, \"url\": \"/c\"},\n"
            + "    \"generalPages\": [\n"
            + "      {\"key\": \"page\", \"name\": {\"value\": \"G\"}, \"url\": \"/g\"},\n"
            + "      {\"key\": \"other\", \"name\": {\"value\": \"O\"}, \"url\": \"/o\"}\n"
            + "    ],\n"
            + "    \"notAModuleType\": [{\"key\": \"other\"}]\n"
            + "  }\n"
            + "}\n";
    List<Finding> findings = RuleRun.findings(json, "modules/duplicate-key");
    assertEquals(2, findings.size(), findings.toString());
    Finding first = findings.get(0);
    assertEquals("/modules/generalPages/0/key", first.pointer());
    assertEquals(9, first.line());
    assertEquals(
        "module key \"page\" is already used by modules.configurePage (line 7): module keys must be unique across all"
            + " module types",
        first.message());
    assertEquals(1, first.related().size());
    assertEquals("/modules/configurePage/key", first.related().get(0).position().pointer());
    assertEquals(7, first.related().get(0).position().line());
    assertEquals("/modules/notAModuleType/0/key", findings.get(1).pointer());
  }

  @Test
  void ignoresMissingEmptyAndNonStringKeys() {
    String json =
        RuleRun.HEAD
            + "  \"modules\": {\"webhooks\": [{\"event\": \"a\", \"url\": \"/a\"}, {\"event\": \"b\", \"url\": \"/b\"}],"
            + " \"dialogs\": [{\"key\": \"\", \"url\": \"/d\"}, {\"key\": \"\", \"url\": \"/e\"}, {\"key\": 1},"
            + " {\"key\": 1}]}\n}\n";
    assertEquals(List.of(), RuleRun.findings(json, "modules/duplicate-key"));
  }

  @Test
  void survivesModulesThatAreNotObjects() {
    String json = RuleRun.HEAD + "  \"modules\": {\"webItems\": [1, \"x\", null], \"dialogs\": 3}\n}\n";
    assertEquals(List.of(), RuleRun.findings(json, "modules/"));
  }
}
