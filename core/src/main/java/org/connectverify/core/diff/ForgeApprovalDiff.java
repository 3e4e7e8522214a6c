package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.connectverify.core.Descriptor;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.manifest.ConnectParts;

/**
 * What makes a Forge update major, so that each customer's admin must approve it before it reaches the site (Forge
 * versioning rules, connect-on-forge.md §4): Forge scopes beyond the old version's, a new remote or a remote's changed
 * baseUrl, {@code inScopeEUD} becoming true, content or external permissions added, auth providers added, removed or
 * re-pointed. Only when the new side is a Forge manifest; a descriptor side has one remote (its baseUrl) and nothing
 * else of these. Connect scopes, licensing, region URLs and the Connect remote's baseUrl are compared by their own
 * checks on the mapped descriptor.
 */
final class ForgeApprovalDiff implements DiffCheck {
  public static final Rule NEEDS_APPROVAL_FORGE_SCOPES =
      Rule.of(
          "diff/needs-approval-forge-scopes",
          Severity.WARNING,
          "The Forge manifest asks for Forge scopes the old version did not have: a major version each customer's"
              + " admin must approve.");
  public static final Rule NEEDS_APPROVAL_REMOTES =
      Rule.of(
          "diff/needs-approval-remotes",
          Severity.WARNING,
          "A remote is added, a remote's baseUrl changes, a region is added or inScopeEUD becomes true: a major"
              + " version each customer's admin must approve.");
  public static final Rule NEEDS_APPROVAL_PERMISSIONS =
      Rule.of(
          "diff/needs-approval-permissions",
          Severity.WARNING,
          "Content or external permissions (CSP, egress) are added: a major version each customer's admin must"
              + " approve.");
  public static final Rule NEEDS_APPROVAL_PROVIDERS =
      Rule.of(
          "diff/needs-approval-providers",
          Severity.WARNING,
          "An auth provider is added, removed or gets another client id: a major version each customer's admin must"
              + " approve.");

  static final String HINT =
      "ship it as its own major release and tell admins to approve it; keep other fixes in minor releases that roll"
          + " out automatically";

  @Override
  public List<Rule> rules() {
    return List.of(
        NEEDS_APPROVAL_FORGE_SCOPES, NEEDS_APPROVAL_REMOTES, NEEDS_APPROVAL_PERMISSIONS, NEEDS_APPROVAL_PROVIDERS);
  }

  @Override
  public void check(DiffContext ctx) {
    Descriptor newer = ctx.newer();
    if (!newer.origin().isManifest()) {
      return;
    }
    JsonNode oldDoc = ctx.older().origin().isManifest() ? ctx.older().origin().document() : MissingNode.getInstance();
    JsonNode newDoc = newer.origin().document();
    scopes(ctx, oldDoc, newDoc);
    remotes(ctx, oldDoc, newDoc);
    permissions(ctx, oldDoc, newDoc);
    providers(ctx, oldDoc, newDoc);
  }

  /**
   * Forge scopes the old version did not have, in one finding (a first Forge version often lists dozens). On a
   * Connect app's first Forge version, Forge scopes that inherit what a Connect scope already granted need no approval
   * (Atlassian's Connect-to-Forge update rules): read, search and readonly scopes of the product under READ, write
   * scopes under WRITE, delete under DELETE, manage under ADMIN; those are listed as automatic.
   */
  private static void scopes(DiffContext ctx, JsonNode oldDoc, JsonNode newDoc) {
    Map<String, String> before = forgeScopes(oldDoc);
    boolean first = !ctx.older().origin().isManifest();
    List<String> added = new ArrayList<>();
    List<String> inherited = new ArrayList<>();
    String firstAdded = null;
    String firstInherited = null;
    for (Map.Entry<String, String> e : forgeScopes(newDoc).entrySet()) {
      if (before.containsKey(e.getKey())) {
        continue;
      }
      if (first && inherited(e.getKey(), ctx.older(), ctx.newer())) {
        inherited.add(e.getKey());
        firstInherited = firstInherited == null ? e.getValue() : firstInherited;
      } else {
        added.add(e.getKey());
        firstAdded = firstAdded == null ? e.getValue() : firstAdded;
      }
    }
    if (!added.isEmpty()) {
      String had =
          first
              ? "beyond what the Connect scopes granted"
              : before.isEmpty() ? "the old version had none" : "beyond " + String.join(", ", before.keySet());
      ctx.report(
          NEEDS_APPROVAL_FORGE_SCOPES,
          ctx.newer().sourcePosition(firstAdded),
          (added.size() == 1 ? "Forge scope " : added.size() + " Forge scopes are new (" + had + "): ")
              + String.join(", ", added)
              + (added.size() == 1 ? " is new (" + had + ")" : "")
              + ": each customer's admin must approve the update, and until then the site keeps the old version",
          HINT);
    }
    if (!inherited.isEmpty()) {
      ctx.report(
          AutomaticChanges.RULE,
          ctx.newer().sourcePosition(firstInherited),
          inherited.size() + " Forge scope" + (inherited.size() == 1 ? " inherits" : "s inherit")
              + " what the Connect scopes already granted, so the first Forge version needs no approval for "
              + (inherited.size() == 1 ? "it" : "them") + ": " + String.join(", ", inherited),
          "a later version that adds such scopes needs approval; list every inherited scope in this first one");
    }
  }

  /** Connect scope level needed for a Forge scope to be inherited, by its verb. */
  private static final Map<String, String> INHERITED_BY =
      Map.of("read", "READ", "readonly", "READ", "search", "READ", "write", "WRITE", "delete", "DELETE",
          "manage", "ADMIN");

  /** True when a Connect scope of the old descriptor already grants what this Forge scope of its product does. */
  private static boolean inherited(String scope, Descriptor old, Descriptor newer) {
    int colon = scope.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    org.connectverify.core.Product p =
        old.product() == org.connectverify.core.Product.JIRA || old.product() == org.connectverify.core.Product.CONFLUENCE
            ? old.product()
            : newer.product();
    String product = p == null ? "" : p.label();
    if (product.isEmpty() || !scope.contains(product) || scope.contains("app-user-token")
        || scope.contains("app-system-token")) {
      return false;
    }
    String needs = INHERITED_BY.get(scope.substring(0, colon));
    if (needs == null) {
      return false;
    }
    for (JsonNode s : old.root().path("scopes")) {
      String held = Scopes.normalize(s.asText(""));
      if (Scopes.implies(held, needs)) {
        return true;
      }
    }
    return false;
  }

  /** Scope name to manifest pointer, for the scopes that are not Connect's ({@code :connect-*}). */
  private static Map<String, String> forgeScopes(JsonNode manifest) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode scopes = manifest.path("permissions").path("scopes");
    if (scopes.isArray()) {
      for (int i = 0; i < scopes.size(); i++) {
        String s = scopes.get(i).asText("");
        if (!s.isBlank() && !s.contains(":connect-")) {
          out.putIfAbsent(s, "/permissions/scopes/" + i);
        }
      }
    } else if (scopes.isObject()) {
      scopes.fieldNames().forEachRemaining(s -> {
        if (!s.contains(":connect-")) {
          out.putIfAbsent(s, Pointers.child("/permissions/scopes", s));
        }
      });
    }
    return out;
  }

  private static void remotes(DiffContext ctx, JsonNode oldDoc, JsonNode newDoc) {
    ConnectParts.RemoteRef oldConnect = oldDoc.isMissingNode() ? null : ConnectParts.remote(oldDoc);
    ConnectParts.RemoteRef newConnect = ConnectParts.remote(newDoc);
    JsonNode remotes = newDoc.path("remotes");
    for (int i = 0; i < remotes.size(); i++) {
      JsonNode remote = remotes.get(i);
      String at = "/remotes/" + i;
      String key = remote.path("key").asText("");
      boolean connect = newConnect != null && newConnect.index() == i;
      JsonNode was;
      if (connect) {
        // the Connect remote continues the descriptor's baseUrl (compared by the baseUrl and region checks)
        was =
            oldConnect != null
                ? oldConnect.node()
                : ctx.older().origin().isManifest()
                    ? null
                    : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      } else {
        was = find(oldDoc.path("remotes"), key);
      }
      if (was == null) {
        ctx.report(
            NEEDS_APPROVAL_REMOTES,
            ctx.newer().sourceKeyPosition(at),
            "remote " + JsonText.quoteFull(key) + " is new" + url(remote) + ": the app may send site data there,"
                + " so each customer's admin must approve the update (a major version)",
            HINT);
        continue;
      }
      if (!connect) {
        String before = defaultUrl(was);
        String after = defaultUrl(remote);
        if (before != null && after != null && !before.equals(after)) {
          ctx.report(
              NEEDS_APPROVAL_REMOTES,
              ctx.newer().sourcePosition(at + "/baseUrl" + (remote.path("baseUrl").isObject() ? "/default" : "")),
              "remote " + JsonText.quoteFull(key) + " moves from " + JsonText.quoteFull(before) + " to "
                  + JsonText.quoteFull(after) + ": each customer's admin must approve the update (a major version)",
              HINT);
        }
        JsonNode oldRegions = was.path("baseUrl");
        for (Iterator<String> it = remote.path("baseUrl").fieldNames(); it.hasNext(); ) {
          String region = it.next();
          if (!region.equals("default") && !oldRegions.has(region)) {
            ctx.report(
                NEEDS_APPROVAL_REMOTES,
                ctx.newer().sourcePosition(Pointers.child(at + "/baseUrl", region)),
                "remote " + JsonText.quoteFull(key) + " adds region " + region + ": each customer's admin must"
                    + " approve the update (a major version)",
                HINT);
          }
        }
      }
      JsonNode eud = remote.path("storage").path("inScopeEUD");
      if (JsonText.isTrue(eud) && !JsonText.isTrue(was.path("storage").path("inScopeEUD"))) {
        ctx.report(
            NEEDS_APPROVAL_REMOTES,
            ctx.newer().sourcePosition(at + "/storage/inScopeEUD"),
            "remote " + JsonText.quoteFull(key) + " now stores end-user data (storage.inScopeEUD: true): each"
                + " customer's admin must approve the update (a major version)",
            HINT);
      }
    }
  }

  private static JsonNode find(JsonNode remotes, String key) {
    for (JsonNode r : remotes) {
      if (r.path("key").asText("").equals(key)) {
        return r;
      }
    }
    return null;
  }

  private static String defaultUrl(JsonNode remote) {
    JsonNode b = remote.path("baseUrl");
    return JsonText.text(b.isObject() ? b.get("default") : b);
  }

  private static String url(JsonNode remote) {
    String u = defaultUrl(remote);
    return u == null ? "" : " (" + JsonText.quoteFull(u) + ")";
  }

  /** Every leaf value under permissions.content and permissions.external not present at the same path before. */
  private static void permissions(DiffContext ctx, JsonNode oldDoc, JsonNode newDoc) {
    for (String section : List.of("content", "external")) {
      List<String[]> before = leaves(oldDoc.path("permissions").path(section), "/permissions/" + section);
      List<String[]> after = leaves(newDoc.path("permissions").path(section), "/permissions/" + section);
      List<String> had = new ArrayList<>();
      before.forEach(l -> had.add(l[0] + "=" + l[1]));
      List<String> adds = new ArrayList<>();
      String first = null;
      for (String[] l : after) {
        if (had.contains(l[0] + "=" + l[1])) {
          continue;
        }
        adds.add(l[0].substring(("/permissions/" + section).length() + 1).replace('/', '.') + " "
            + JsonText.quoteFull(l[1]));
        first = first == null ? l[2] : first;
      }
      if (!adds.isEmpty()) {
        ctx.report(
            NEEDS_APPROVAL_PERMISSIONS,
            ctx.newer().sourcePosition(first),
            "permissions." + section + " adds " + String.join(", ", adds) + ": each customer's admin must approve"
                + " the update (a major version)",
            HINT);
      }
    }
  }

  /** [path without array indices, value, pointer] of every leaf. */
  private static List<String[]> leaves(JsonNode node, String pointer) {
    List<String[]> out = new ArrayList<>();
    walk(node, pointer, pointer, out);
    return out;
  }

  private static void walk(JsonNode node, String shape, String pointer, List<String[]> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(
          e -> walk(e.getValue(), Pointers.child(shape, e.getKey()), Pointers.child(pointer, e.getKey()), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), shape, Pointers.child(pointer, i), out);
      }
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(new String[] {shape, node.asText(), pointer});
    }
  }

  private static void providers(DiffContext ctx, JsonNode oldDoc, JsonNode newDoc) {
    JsonNode before = oldDoc.path("providers").path("auth");
    JsonNode after = newDoc.path("providers").path("auth");
    for (int i = 0; i < after.size(); i++) {
      JsonNode p = after.get(i);
      String key = p.path("key").asText("");
      JsonNode was = find(before, key);
      Position at = ctx.newer().sourcePosition("/providers/auth/" + i);
      if (was == null) {
        ctx.report(
            NEEDS_APPROVAL_PROVIDERS,
            at,
            "auth provider " + JsonText.quoteFull(key) + " is added: each customer's admin must approve the update"
                + " (a major version)",
            HINT);
      } else if (!Objects.equals(JsonText.text(was.get("clientId")), JsonText.text(p.get("clientId")))) {
        ctx.report(
            NEEDS_APPROVAL_PROVIDERS,
            ctx.newer().sourcePosition("/providers/auth/" + i + "/clientId"),
            "auth provider " + JsonText.quoteFull(key) + " changes its clientId: each customer's admin must approve"
                + " the update (a major version)",
            HINT);
      }
    }
    for (int i = 0; i < before.size(); i++) {
      String key = before.get(i).path("key").asText("");
      if (find(after, key) == null) {
        ctx.report(
            NEEDS_APPROVAL_PROVIDERS,
            ctx.older().sourcePosition("/providers/auth/" + i),
            "auth provider " + JsonText.quoteFull(key) + " is removed: each customer's admin must approve the update"
                + " (a major version)",
            HINT);
      }
    }
  }
}
