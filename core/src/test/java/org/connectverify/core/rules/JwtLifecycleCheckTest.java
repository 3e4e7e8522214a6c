package org.connectverify.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.connectverify.core.Finding;
import org.junit.jupiter.api.Test;

class JwtLifecycleCheckTest {
  private static List<String> rules(String authentication, String rest) {
    String json =
        RuleRun.HEAD.replace("  \"authentication\": {\"type\": \"none\"},\n", authentication) + rest
            + "  \"modules\": {}\n}\n";
    return RuleRun.findings(json, "auth/").stream().map(Finding::ruleId).toList();
  }

  private static final String JWT = "  \"authentication\": {\"type\": \"JWT\"},\n";
  private static final String MIGRATED =
      "  \"apiMigrations\": {\"signed-install\": true, \"context-qsh\": true},\n";

  @Test
  void acceptsAMigratedJwtAppWithAnInstalledCallback() {
    assertEquals(List.of(), rules(JWT, "  \"lifecycle\": {\"installed\": \"/i\"},\n" + MIGRATED));
  }

  @Test
  void treatsAMissingTypeAsJwtButNotAMissingAuthenticationObject() {
    assertEquals(
        List.of("auth/installed-missing"), rules("  \"authentication\": {},\n", MIGRATED));
    assertEquals(List.of(), rules("", MIGRATED));
    assertEquals(List.of(), rules("  \"authentication\": {\"type\": \"oauth2\"},\n", ""));
  }

  @Test
  void asksForSignedInstallOnlyWhenTheAppHasInstallCallbacks() {
    String qshOnly = "  \"apiMigrations\": {\"context-qsh\": true},\n";
    assertEquals(List.of("auth/installed-missing"), rules(JWT, qshOnly));
    assertEquals(
        List.of("auth/installed-missing", "auth/signed-install"),
        rules(JWT, "  \"lifecycle\": {\"uninstalled\": \"/u\"},\n" + qshOnly));
    assertEquals(
        List.of("auth/signed-install"), rules(JWT, "  \"lifecycle\": {\"installed\": \"/i\"},\n" + qshOnly));
  }

  @Test
  void leavesNonBooleanFlagsToTheSchema() {
    assertEquals(
        List.of(),
        rules(
            JWT,
            "  \"lifecycle\": {\"installed\": \"/i\"},\n"
                + "  \"apiMigrations\": {\"signed-install\": \"yes\", \"context-qsh\": 1},\n"));
  }

  @Test
  void saysNothingAboutJwtForAnAppWithoutAuthentication() {
    assertEquals(List.of(), rules("  \"authentication\": {\"type\": \"NONE\"},\n", ""));
  }
}
