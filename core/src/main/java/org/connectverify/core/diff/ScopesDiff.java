package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * Scopes that the new descriptor asks for and the old one did not grant (added, or widened along READ &lt; WRITE
 * &lt; DELETE &lt; PROJECT_ADMIN/SPACE_ADMIN &lt; ADMIN) need every customer's admin to approve the update. Every
 * other scope change (removed, narrowed, re-spelled, or already implied) is listed as automatic.
 */
final class ScopesDiff implements DiffCheck {
  public static final Rule NEEDS_APPROVAL_SCOPES =
      Rule.of(
          "diff/needs-approval-scopes",
          Severity.WARNING,
          "The update adds or widens scopes: each customer's admin must approve it, and until then the customer keeps"
              + " the old version.");

  private static final String POINTER = "/scopes";

  @Override
  public List<Rule> rules() {
    return List.of(NEEDS_APPROVAL_SCOPES);
  }

  @Override
  public void check(DiffContext ctx) {
    Map<String, String> olds = scopes(ctx.oldAt(POINTER));
    Map<String, String> news = scopes(ctx.newAt(POINTER));
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    List<String> oldSpelled = new ArrayList<>();
    olds.values().forEach(p -> oldSpelled.add(spelled(ctx.older(), p)));
    String oldList = olds.isEmpty() ? "the old version declares none" : "old scopes: " + String.join(", ", oldSpelled);
    for (Map.Entry<String, String> e : news.entrySet()) {
      String scope = e.getKey();
      String pointer = e.getValue();
      String shown = JsonText.quote(spelled(ctx.newer(), pointer));
      if (olds.containsKey(scope)) {
        String before = ctx.oldAt(olds.get(scope)).asText();
        if (!before.equals(ctx.newAt(pointer).asText())) {
          ctx.report(
              AutomaticChanges.RULE,
              ctx.inNew(pointer),
              "scope " + JsonText.quote(before) + " is now spelled " + shown,
              AutomaticChanges.HINT);
        }
        continue;
      }
      String holder = holder(olds, scope);
      if (holder != null || scope.equals("NONE")) {
        ctx.report(
            AutomaticChanges.RULE,
            ctx.inNew(pointer),
            holder == null
                ? "scope " + shown + " is added; it grants nothing that needs approval"
                : "scope " + shown + " is added, but the old scope " + spelled(ctx.older(), olds.get(holder))
                    + " already grants it",
            AutomaticChanges.HINT);
        continue;
      }
      String narrower = narrowerHeld(olds, scope);
      String what =
          narrower != null
              ? "scope " + shown + " widens the app's access beyond " + spelled(ctx.older(), olds.get(narrower))
                  + " (" + oldList + ")"
              : "scope " + shown + " is new (" + oldList + ")";
      ctx.report(
          NEEDS_APPROVAL_SCOPES,
          ctx.inNew(pointer),
          what + ": each customer's admin must approve the update, and until then the customer keeps the old version",
          "release new scopes on their own and tell customers' admins beforehand; drop the scope if the feature can"
              + " do without it");
    }
    for (Map.Entry<String, String> e : olds.entrySet()) {
      String scope = e.getKey();
      if (news.containsKey(scope)) {
        continue;
      }
      String shown = JsonText.quote(spelled(ctx.older(), e.getValue()));
      String holder = holder(news, scope);
      ctx.report(
          AutomaticChanges.RULE,
          ctx.inOld(e.getValue()),
          holder != null
              ? "scope " + shown + " is removed, but the new scope " + spelled(ctx.newer(), news.get(holder))
                  + " still grants it"
              : "scope " + shown + " is removed: the app loses this access (no approval needed)",
          holder != null
              ? AutomaticChanges.HINT
              : "make sure the released app no longer calls APIs that need this scope");
    }
  }

  /** Normalized scope name to the pointer of its first occurrence, in order; non-strings are ignored. */
  private static Map<String, String> scopes(JsonNode array) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!array.isArray()) {
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isTextual() && !array.get(i).asText().isBlank()) {
        out.putIfAbsent(Scopes.normalize(array.get(i).asText()), POINTER + "/" + i);
      }
    }
    return out;
  }

  /** A held scope (other than itself) that implies {@code scope}, or null. */
  private static String holder(Map<String, String> held, String scope) {
    for (String h : held.keySet()) {
      if (!h.equals(scope) && Scopes.implies(h, scope)) {
        return h;
      }
    }
    return null;
  }

  /** The widest held scope that {@code scope} widens, or null. */
  private static String narrowerHeld(Map<String, String> held, String scope) {
    String best = null;
    for (String h : held.keySet()) {
      if (Scopes.widens(scope, h) && (best == null || Scopes.widens(h, best))) {
        best = h;
      }
    }
    return best;
  }

  /** The scope as its file spells it: {@code READ} in a descriptor, {@code read:connect-jira} in a manifest. */
  private static String spelled(org.connectverify.core.Descriptor side, String pointer) {
    if (!side.origin().isManifest()) {
      return side.at(pointer).asText();
    }
    String source = side.origin().toSource(pointer);
    JsonNode node = side.origin().document().at(source);
    return node.isTextual()
        ? node.asText()
        : org.connectverify.core.json.Pointers.unescape(org.connectverify.core.json.Pointers.lastToken(source));
  }
}
