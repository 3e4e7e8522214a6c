package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.text.Strings;

/**
 * Scopes beyond NONE in an app whose {@code authentication.type} is {@code none}: such an app gets no shared secret,
 * so its server cannot call the product's REST API, and the scopes only govern what its pages do in the browser
 * through {@code AP.request}. That is a legitimate design (static apps such as draw.io's work this way), so the rule
 * informs rather than warns: it is the combination to double-check when the app has a server that expected to call
 * the product.
 */
public final class ScopesWithoutAuthCheck implements Check {
  public static final Rule SCOPES_WITHOUT_AUTH =
      Rule.of(
          "auth/scopes-without-auth",
          Severity.INFO,
          "The app asks for scopes beyond NONE but uses authentication \"none\": only browser-side AP.request calls"
              + " can use them.");

  @Override
  public List<Rule> rules() {
    return List.of(SCOPES_WITHOUT_AUTH);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode root = ctx.root();
    if (Authentication.of(root) != Authentication.NONE) {
      return;
    }
    List<String> scopes = new ArrayList<>();
    for (JsonNode scope : root.path("scopes")) {
      if (scope.isTextual() && !scope.asText().equalsIgnoreCase("none") && !scopes.contains(scope.asText())) {
        scopes.add(scope.asText());
      }
    }
    if (scopes.isEmpty()) {
      return;
    }
    ctx.report(
        SCOPES_WITHOUT_AUTH,
        ctx.atKey("/scopes"),
        "scope" + (scopes.size() == 1 ? " " : "s ") + Strings.quoteList(scopes, "and") + " with authentication"
            + " \"none\": the app gets no shared secret, so its server cannot call the REST API; only AP.request"
            + " calls from its pages use the scope" + (scopes.size() == 1 ? "" : "s"),
        "if the app's server calls the product, use \"authentication\": {\"type\": \"jwt\"} with a"
            + " lifecycle.installed callback; otherwise this is fine");
  }
}
