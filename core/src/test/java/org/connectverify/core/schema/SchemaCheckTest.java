package org.connectverify.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Product;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.Test;

/** The schema check seen through the verifier: where each kind of violation is reported, and with which hint. */
class SchemaCheckTest {
  private static final String HEAD =
      "{\n"
          + "  \"key\": \"com.example.app\",\n"
          + "  \"baseUrl\": \"https://app.example.com\",\n"
          + "  \"authentication\": {\"type\": \"none\"},\n";

  private static List<Finding> schemaFindings(String json, Product product) {
    VerifyOptions options = VerifyOptions.builder().product(product).build();
    return Verifier.create(options).verify("d.json", json.getBytes(StandardCharsets.UTF_8)).findings().stream()
        .filter(f -> f.ruleId().startsWith("schema/"))
        .toList();
  }

  @Test
  void reportsAMissingPropertyAtItsParentObject() {
    String json =
        HEAD
            + "  \"modules\": {\n"
            + "    \"generalPages\": [\n"
            + "      {\"key\": \"home\", \"name\": {\"value\": \"Home\"}}\n"
            + "    ]\n"
            + "  }\n"
            + "}\n";
    List<Finding> findings = schemaFindings(json, Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    Finding f = findings.get(0);
    assertEquals("schema/required", f.ruleId());
    assertEquals("/modules/generalPages/0", f.pointer());
    assertEquals(7, f.line());
    assertEquals(7, f.column());
    assertEquals("modules.generalPages[0] is missing required property \"url\"", f.message());
  }

  @Test
  void reportsAMissingTopLevelPropertyAtTheRoot() {
    List<Finding> findings =
        schemaFindings("{\n  \"key\": \"a\",\n  \"authentication\": {\"type\": \"none\"}\n}\n", Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("d.json:1:1: error: descriptor is missing required property \"baseUrl\" [schema/required]",
        findings.get(0).toString());
  }

  @Test
  void reportsAnUnknownPropertyAtItsKeyWithTheClosestKnownOne() {
    String json = HEAD + "  \"lifecycle\": {\n    \"instaled\": \"/installed\"\n  }\n}\n";
    List<Finding> findings = schemaFindings(json, Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    Finding f = findings.get(0);
    assertEquals("schema/ignored-property", f.ruleId());
    assertEquals("/lifecycle/instaled", f.pointer());
    assertEquals(6, f.line());
    assertEquals(5, f.column());
    assertEquals("lifecycle has unknown property \"instaled\", which the host ignores", f.message());
    assertEquals("did you mean \"installed\"?", f.hint());
  }

  @Test
  void reportsAnUnknownModuleTypeAtItsKeyWithADidYouMeanHint() {
    String json =
        HEAD
            + "  \"modules\": {\n"
            + "    \"webItem\": [{\"key\": \"a\", \"location\": \"x\", \"name\": {\"value\": \"A\"}}]\n"
            + "  }\n"
            + "}\n";
    List<Finding> findings = schemaFindings(json, Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    Finding f = findings.get(0);
    assertEquals("schema/unknown-module-type", f.ruleId());
    assertEquals(6, f.line());
    assertEquals(5, f.column());
    assertTrue(f.message().startsWith("unknown module type \"webItem\" for Jira"), f.message());
    assertEquals("did you mean \"webItems\"?", f.hint());
  }

  @Test
  void leavesTheOtherProductsModuleTypesToTheirOwnRule() {
    String json =
        HEAD
            + "  \"modules\": {\n"
            + "    \"dynamicContentMacros\": [{\"key\": \"m\", \"name\": {\"value\": \"M\"}, \"url\": \"/m\"}]\n"
            + "  }\n"
            + "}\n";
    assertEquals(List.of(), schemaFindings(json, Product.JIRA));
  }

  @Test
  void reportsANameThatPropertyNamesForbidsAtTheKeyWithTheAllowedNames() {
    String json = HEAD + "  \"regionBaseUrls\": {\"XX\": \"https://eu.example.com\"}\n}\n";
    List<Finding> findings = schemaFindings(json, Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    Finding f = findings.get(0);
    assertEquals("schema/unknown-property", f.ruleId());
    assertEquals(5, f.line());
    assertEquals(22, f.column());
    assertEquals("regionBaseUrls does not allow property \"XX\": the host refuses the descriptor", f.message());
    assertTrue(f.hint().startsWith("allowed names: \"EU\", \"US\""), f.hint());
  }

  @Test
  void quotesEnumValuesInSchemaOrder() {
    String json = HEAD.replace("\"none\"", "\"oauth2\"") + "  \"scopes\": [\"READ\"]\n}\n";
    List<Finding> findings = schemaFindings(json, Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(
        "authentication.type: \"oauth2\" is not one of the allowed values \"jwt\" or \"none\" (all upper or all lower"
            + " case)",
        findings.get(0).message());
    assertEquals("/authentication/type", findings.get(0).pointer());
  }

  @Test
  void reportsAValueAtTheValueItself() {
    List<Finding> findings = schemaFindings(HEAD + "  \"apiVersion\": \"2\"\n}\n", Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(
        "d.json:5:17: error: apiVersion: \"2\" is a string; expected an integer [schema/type]",
        findings.get(0).toString());
  }

  @Test
  void saysWhenAValueFitsMoreThanOneOfItsExclusiveForms() {
    String json =
        HEAD
            + "  \"modules\": {\"jiraWorkflowValidators\": [{\"key\": \"v\", \"name\": {\"value\": \"V\"},"
            + " \"expression\": \"true\", \"errorMessage\": {\"value\": \"a\", \"expression\": \"b\"}}]}\n}\n";
    List<Finding> findings = schemaFindings(json, Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("schema/invalid", findings.get(0).ruleId());
    String message = findings.get(0).message();
    assertTrue(message.endsWith("fits more than one of the allowed forms; exactly one is allowed"), message);
  }

  @Test
  void reportsAnEmptyModuleKeyOnceAsTooShortNotAlsoAsAPatternMismatch() {
    String json =
        HEAD + "  \"modules\": {\"dialogs\": [{\"key\": \"\", \"url\": \"/d\"}]}\n}\n";
    List<Finding> findings = schemaFindings(json, Product.JIRA);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("schema/length", findings.get(0).ruleId());
    assertEquals("modules.dialogs[0].key: \"\" is 0 characters long, at least 1 required", findings.get(0).message());
  }
}
