package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A descriptor nothing decides between Jira and Confluence for is checked against both products' install refusals:
 * what both refuse is reported (it fails wherever the app is installed), what only one refuses is not (the app may be
 * for the other).
 */
class UndecidedProductTest {
  private static final String TEMPLATE =
      """
      {
        "key": "com.example.either", "name": "Either", "baseUrl": "https://either.example.com",
        "authentication": {"type": "jwt"}, "apiVersion": 1,
        "lifecycle": {"installed": "/installed"}, "scopes": ["READ"],
        "modules": {
          "generalPages": [{"key": "home", "name": {"value": "Home"}, "url": "/home",
            "conditions": [{"condition": "%s"}]}],
          "webhooks": [{"event": "%s", "url": "/hook"}]%s
        }
      }
      """;

  private static Report verify(String condition, String event, String extraModules) {
    String json = String.format(TEMPLATE, condition, event, extraModules);
    return Verifier.create(VerifyOptions.builder().build())
        .verify("atlassian-connect.json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> rules(Report report) {
    return report.findings().stream()
        .filter(f -> f.severity() != Severity.INFO)
        .map(f -> f.ruleId() + " " + f.severity())
        .sorted()
        .toList();
  }

  @Test
  void whatBothProductsRefuseIsReported() {
    Report report = verify("no_such_condition", "connect_addon_enabled", ", \"webItem\": []");
    assertEquals(Product.COMMON, report.descriptors().get(0).product());
    assertEquals(
        List.of("conditions/unknown-name WARNING", "schema/unknown-module-type ERROR"), rules(report));
    assertEquals(
        "unknown module type \"webItem\" for Jira or Confluence: the host refuses to install an unknown module",
        report.findings().stream()
            .filter(f -> f.ruleId().equals("schema/unknown-module-type"))
            .findFirst()
            .orElseThrow()
            .message());
  }

  @Test
  void whatOnlyOneProductRefusesIsNot() {
    // user_is_admin is shared; is_admin_mode is Jira's only and favourite_space Confluence's: an undecided
    // app may be for either, so neither is an error
    for (String condition : List.of("user_is_admin", "is_admin_mode", "favourite_space")) {
      Report report = verify(condition, "connect_addon_enabled", "");
      assertEquals(Product.COMMON, report.descriptors().get(0).product(), condition);
      assertEquals(List.of(), rules(report), condition);
    }
  }
}
