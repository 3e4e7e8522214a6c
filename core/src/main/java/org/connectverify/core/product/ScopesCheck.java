package org.connectverify.core.product;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;

/**
 * The top-level {@code scopes}: names written in mixed case (the host accepts only all-lower or all-upper case), scopes
 * already implied by another listed scope, and scopes that declared modules need: an app with webhooks must request
 * READ (the webhook module documentation), except for the app's own lifecycle events ({@code connect_addon_*}).
 */
public final class ScopesCheck implements Check {
  public static final Rule MISSING_FOR_MODULE =
      Rule.of(
          "scopes/missing-for-module",
          Severity.ERROR,
          "A module needs a scope the descriptor does not request.");
  public static final Rule REDUNDANT =
      Rule.of(
          "scopes/redundant",
          Severity.INFO,
          "A scope is listed twice or is implied by another listed scope.");
  public static final Rule MIXED_CASE =
      Rule.of(
          "scopes/mixed-case",
          Severity.ERROR,
          "A scope name in mixed case: the host accepts only all-lower-case or all-upper-case names.");

  private final ProductFacts facts;

  public ScopesCheck(ProductFacts facts) {
    this.facts = facts;
  }

  @Override
  public List<Rule> rules() {
    return List.of(MISSING_FOR_MODULE, REDUNDANT, MIXED_CASE);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode scopes = ctx.root().path("scopes");
    Map<String, Integer> listed = new LinkedHashMap<>(); // upper-case name -> first index
    boolean foreign = false;
    if (scopes.isArray()) {
      for (int i = 0; i < scopes.size(); i++) {
        JsonNode s = scopes.get(i);
        if (!s.isTextual()) {
          foreign = true;
          continue;
        }
        String text = s.asText();
        String upper = text.toUpperCase(Locale.ROOT);
        if (!facts.scopes().contains(upper)) {
          foreign = true; // reported by schema/enum
          continue;
        }
        String pointer = Pointers.child("/scopes", i);
        if (!text.equals(upper) && !text.equals(text.toLowerCase(Locale.ROOT))) {
          ctx.report(
              MIXED_CASE,
              ctx.at(pointer),
              "scope \"" + text + "\" is in mixed case: the host accepts only \"" + upper + "\" or \""
                  + text.toLowerCase(Locale.ROOT) + "\"",
              "write \"" + upper + "\"");
        }
        Integer first = listed.putIfAbsent(upper, i);
        if (first != null) {
          ctx.report(
              REDUNDANT,
              ctx.at(pointer),
              "scope \"" + text + "\" is listed twice (first as scopes[" + first + "])",
              "remove the second entry");
        }
      }
      reportImplied(ctx, scopes, listed);
    }
    if (!foreign) {
      checkWebhooks(ctx, listed.keySet());
    }
  }

  private void reportImplied(CheckContext ctx, JsonNode scopes, Map<String, Integer> listed) {
    for (Map.Entry<String, Integer> e : listed.entrySet()) {
      String scope = e.getKey();
      for (String other : listed.keySet()) {
        if (facts.implies(other, scope)) {
          ctx.report(
              REDUNDANT,
              ctx.at(Pointers.child("/scopes", e.getValue())),
              "scope \"" + scopes.get(e.getValue()).asText() + "\" is implied by \""
                  + scopes.get(listed.get(other)).asText() + "\", which is also listed",
              "remove \"" + scopes.get(e.getValue()).asText() + "\"");
          break;
        }
      }
    }
  }

  /** Webhooks need READ; the app's own lifecycle events ({@code connect_addon_*}) need no scope. */
  private void checkWebhooks(CheckContext ctx, Set<String> listed) {
    JsonNode webhooks = ctx.descriptor().modules().path("webhooks");
    if (!webhooks.isArray() || facts.grants(listed, "READ")) {
      return;
    }
    for (int i = 0; i < webhooks.size(); i++) {
      String event = webhooks.get(i).path("event").asText("");
      if (event.isEmpty() || event.startsWith("connect_addon_")) {
        continue;
      }
      ctx.report(
          MISSING_FOR_MODULE,
          ctx.at(Pointers.child("/modules/webhooks", i)),
          "webhook \"" + event + "\" (modules.webhooks[" + i + "]) needs scope READ, which the descriptor does not"
              + " request" + (listed.isEmpty() ? "" : " (it requests " + String.join(", ", listed) + ")"),
          "add \"READ\" to the top-level \"scopes\" array");
      return; // one finding per descriptor: the fix is the same for every webhook
    }
  }
}
