package org.connectverify.core.rules;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Product;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;

/** Runs the default checks over an in-memory descriptor and keeps the findings of some rules. */
final class RuleRun {
  private RuleRun() {}

  /** A valid Jira descriptor's first fields, to be completed and closed by the test. */
  static final String HEAD =
      "{\n"
          + "  \"key\": \"com.example.app\",\n"
          + "  \"name\": \"App\",\n"
          + "  \"baseUrl\": \"https://app.example.com\",\n"
          + "  \"authentication\": {\"type\": \"none\"},\n";

  static List<Finding> findings(String json, String rulePrefix) {
    VerifyOptions options = VerifyOptions.builder().product(Product.JIRA).build();
    return Verifier.create(options).verify("d.json", json.getBytes(StandardCharsets.UTF_8)).findings().stream()
        .filter(f -> f.ruleId().startsWith(rulePrefix))
        .toList();
  }

  static List<String> lines(String json, String rulePrefix) {
    return findings(json, rulePrefix).stream().map(Finding::toString).toList();
  }

  /** A minimal descriptor with this baseUrl (a JSON string literal's content). */
  static String withBaseUrl(String baseUrl) {
    return HEAD.replace("https://app.example.com", baseUrl) + "  \"modules\": {}\n}\n";
  }
}
