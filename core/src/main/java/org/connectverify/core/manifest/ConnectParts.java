package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Origin;
import org.connectverify.core.Product;
import org.connectverify.core.json.Pointers;

/**
 * Turns the Connect parts of a Forge manifest into the Connect descriptor the checks read, recording for every value
 * where it stands in the manifest. The mapping is the one Atlassian's converter and the platform use: {@code
 * app.connect.key} is the key; the remote that {@code app.connect.remote} names gives the baseUrl (its {@code default}
 * URL, and the rest as {@code regionBaseUrls}); authentication is JWT; {@code <p>:lifecycle}, {@code <p>:translations}
 * and {@code <p>:cloudAppMigration} become the top-level fields; {@code read:connect-jira} becomes {@code READ}; {@code
 * app.licensing} becomes {@code enableLicensing}/{@code editionsEnabled}; every other {@code <p>:<type>} list becomes
 * {@code modules.<type>}. A manifest cannot set Connect's {@code apiMigrations}: Connect on Forge always signs installs
 * and puts {@code qsh: context-qsh} in context tokens, so the descriptor says {@code signed-install} and
 * {@code context-qsh}, pointing at {@code app.connect}.
 */
public final class ConnectParts {
  /** Module types that a descriptor holds as one object and a manifest as a list of one. */
  static final Set<String> SINGLE_OBJECT_TYPES =
      Set.of(
          "configurePage",
          "postInstallPage",
          "jiraBuildInfoProvider",
          "jiraDeploymentGating",
          "jiraDeploymentInfoProvider",
          "jiraDevelopmentTool",
          "jiraDevOpsComponentProvider",
          "jiraFeatureFlagInfoProvider",
          "jiraOperationsInfoProvider",
          "jiraRemoteLinkInfoProvider",
          "jiraSecurityInfoProvider");

  /** {@code connectModules} entries that are top-level fields of a descriptor, not modules. */
  static final Set<String> TOP_LEVEL_TYPES = Set.of("lifecycle", "translations", "cloudAppMigration");

  private ConnectParts() {}

  /**
   * The descriptor a manifest stands for.
   *
   * @param root the descriptor tree (empty when the manifest has no Connect modules)
   * @param origin the manifest and the pointer map back into it
   * @param product the product of the {@code connectModules} prefix, or null when there is none
   * @param reason why that product, for the report
   */
  public record Mapped(JsonNode root, Origin origin, Product product, String reason) {}

  /** True when the tree looks like a Forge manifest rather than a Connect descriptor. */
  public static boolean isManifest(JsonNode root) {
    return root.isObject()
        && (root.has("connectModules")
            || root.path("app").isObject()
            || root.has("remotes")
            || (root.has("modules") && !root.has("baseUrl") && !root.has("key")));
  }

  /** The product prefix used by most {@code connectModules} entries; null when there are none. */
  public static Product productOf(JsonNode manifest) {
    int jira = 0;
    int confluence = 0;
    for (Iterator<String> it = manifest.path("connectModules").fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.startsWith("jira:")) {
        jira++;
      } else if (name.startsWith("confluence:")) {
        confluence++;
      }
    }
    if (jira == 0 && confluence == 0) {
      return null;
    }
    return jira >= confluence ? Product.JIRA : Product.CONFLUENCE;
  }

  /** Maps a manifest; {@code chosen} is the product the user named (or null to take the prefix's). */
  public static Mapped map(JsonNode manifest, Product chosen) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode d = nodes.objectNode();
    Map<String, String> at = new LinkedHashMap<>();
    at.put("", "");
    Product prefixProduct = productOf(manifest);
    JsonNode connectModules = manifest.path("connectModules");
    boolean connect = prefixProduct != null && hasItems(connectModules);
    if (!connect && !manifest.path("app").path("connect").isObject()) {
      return new Mapped(d, Origin.manifest(manifest, at, false), chosen, "a Forge app without Connect parts");
    }
    // A Forge app that kept app.connect but no Connect modules still has its Connect key, remote, licensing and
    // scopes: mapped too, so that a diff compares them; verify checks only the manifest's own rules for it.
    Product product = chosen != null ? chosen : connect ? prefixProduct : keptProductOf(manifest);
    String reason =
        !connect
            ? "a Forge app with app.connect but no Connect modules"
            : chosen != null
                ? "chosen with --product"
                : "connectModules use the \"" + prefixProduct.label() + ":\" prefix";
    // the modules of the product chosen, when the manifest has any; else those it has (--product jira on a Confluence
    // manifest checks its confluence: modules against Jira, as it would a Confluence descriptor)
    Product prefixed =
        product == null
                || product == Product.COMMON
                || (prefixProduct != null && !hasPrefix(connectModules, product))
            ? prefixProduct
            : product;
    String prefix = (prefixed == null ? Product.JIRA : prefixed).label() + ":";

    JsonNode connectPart = manifest.path("app").path("connect");
    if (connectPart.path("key").isValueNode()) {
      d.set("key", connectPart.get("key"));
      at.put("/key", "/app/connect/key");
    }

    RemoteRef remote = remote(manifest);
    if (remote != null) {
      String remoteAt = "/remotes/" + remote.index() + "/baseUrl";
      JsonNode baseUrl = remote.node().path("baseUrl");
      if (baseUrl.isTextual()) {
        d.set("baseUrl", baseUrl);
        at.put("/baseUrl", remoteAt);
      } else if (baseUrl.isObject()) {
        if (baseUrl.has("default")) {
          d.set("baseUrl", baseUrl.get("default"));
          at.put("/baseUrl", remoteAt + "/default");
        }
        ObjectNode regions = nodes.objectNode();
        baseUrl.fields()
            .forEachRemaining(
                e -> {
                  if (!e.getKey().equals("default")) {
                    regions.set(e.getKey(), e.getValue());
                  }
                });
        if (!regions.isEmpty()) {
          d.set("regionBaseUrls", regions);
          at.put("/regionBaseUrls", remoteAt);
        }
      }
    }

    // Connect on Forge has no "authentication: none": the JWT a Connect app uses is the one app.connect.authentication
    // declares (the legacy field the converter writes), or that an installed callback receives the secret for. An app
    // with neither (a static app such as the entity property tool) never verifies a JWT: as a descriptor it is "none".
    // A manifest that kept only app.connect (no Connect modules) has no Connect authentication left to compare.
    if (connect) {
      JsonNode declared = connectPart.path("authentication");
      String authType;
      if (declared.isValueNode()) {
        authType = declared.asText().toLowerCase(Locale.ROOT);
      } else {
        JsonNode lifecycle = connectModules.path(prefix + "lifecycle");
        boolean installed = (lifecycle.isArray() ? lifecycle.path(0) : lifecycle).has("installed");
        authType = installed ? "jwt" : "none";
      }
      ObjectNode auth = nodes.objectNode();
      auth.put("type", authType);
      d.set("authentication", auth);
      String authAt = declared.isValueNode() ? "/app/connect/authentication" : "/app/connect";
      at.put("/authentication", authAt);
      at.put("/authentication/type", authAt);
    }
    ObjectNode migrations = nodes.objectNode();
    migrations.put("signed-install", true);
    migrations.put("context-qsh", true);
    d.set("apiMigrations", migrations);
    at.put("/apiMigrations", "/app/connect");

    JsonNode licensing = manifest.path("app").path("licensing");
    // any value, so that the descriptor schema reports a non-boolean where the manifest has it
    if (licensing.path("enabled").isValueNode()) {
      d.set("enableLicensing", licensing.get("enabled"));
      at.put("/enableLicensing", "/app/licensing/enabled");
    }
    if (licensing.path("editionsEnabled").isValueNode()) {
      d.set("editionsEnabled", licensing.get("editionsEnabled"));
      at.put("/editionsEnabled", "/app/licensing/editionsEnabled");
    }

    scopes(manifest.path("permissions").path("scopes"), product, prefix, d, at);

    ObjectNode modules = nodes.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = connectModules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (!name.startsWith(prefix)) {
        continue;
      }
      String type = name.substring(prefix.length());
      String source = Pointers.child("/connectModules", name);
      JsonNode list = e.getValue();
      if (TOP_LEVEL_TYPES.contains(type)) {
        JsonNode first = list.isArray() ? list.path(0) : list;
        if (first.isObject()) {
          ObjectNode copy = ((ObjectNode) first).deepCopy();
          copy.remove("key");
          d.set(type, copy);
          at.put("/" + type, list.isArray() ? source + "/0" : source);
        }
        continue;
      }
      if (SINGLE_OBJECT_TYPES.contains(type) && list.isArray() && list.size() == 1) {
        modules.set(type, list.get(0));
        at.put(Pointers.child("/modules", type), source + "/0");
      } else {
        modules.set(type, list);
        at.put(Pointers.child("/modules", type), source);
      }
    }
    if (!modules.isEmpty()) {
      d.set("modules", modules);
      at.put("/modules", "/connectModules");
    }
    return new Mapped(d, Origin.manifest(manifest, at, connect), connect ? product : chosen, reason);
  }

  /** For a manifest without Connect modules: the product of its Connect scopes, else of its native modules. */
  private static Product keptProductOf(JsonNode manifest) {
    String scopes = manifest.path("permissions").path("scopes").toString();
    if (scopes.contains(":connect-confluence")) {
      return Product.CONFLUENCE;
    }
    if (scopes.contains(":connect-jira")) {
      return Product.JIRA;
    }
    int jira = 0;
    int confluence = 0;
    for (Iterator<String> it = manifest.path("modules").fieldNames(); it.hasNext(); ) {
      String name = it.next();
      jira += name.startsWith("jira:") ? 1 : 0;
      confluence += name.startsWith("confluence:") ? 1 : 0;
    }
    return confluence > jira ? Product.CONFLUENCE : jira > 0 ? Product.JIRA : null;
  }

  /** The remote {@code app.connect.remote} names, with its index in {@code remotes}; null when there is none. */
  public static RemoteRef remote(JsonNode manifest) {
    JsonNode name = manifest.path("app").path("connect").path("remote");
    if (!name.isTextual()) {
      return null;
    }
    JsonNode remotes = manifest.path("remotes");
    for (int i = 0; i < remotes.size(); i++) {
      if (remotes.get(i).path("key").asText("").equals(name.asText())) {
        return new RemoteRef(i, remotes.get(i));
      }
    }
    return null;
  }

  /** A remote and its index in the manifest's {@code remotes} list. */
  public record RemoteRef(int index, JsonNode node) {}

  /**
   * Connect scopes as a descriptor writes them: {@code act-as-user:connect-jira} becomes {@code ACT_AS_USER}. Only the
   * descriptor's product's scopes; Forge scopes are not Connect's and stay in the manifest.
   */
  private static void scopes(JsonNode scopes, Product product, String prefix, ObjectNode d, Map<String, String> at) {
    String suffix = ":connect-" + prefix.substring(0, prefix.length() - 1);
    var out = JsonNodeFactory.instance.arrayNode();
    List<String[]> entries = new java.util.ArrayList<>();
    if (scopes.isArray()) {
      for (int i = 0; i < scopes.size(); i++) {
        entries.add(new String[] {scopes.get(i).asText(""), "/permissions/scopes/" + i});
      }
    } else if (scopes.isObject()) {
      scopes.fieldNames()
          .forEachRemaining(n -> entries.add(new String[] {n, Pointers.child("/permissions/scopes", n)}));
    }
    for (String[] e : entries) {
      if (e[0].endsWith(suffix)) {
        String name = e[0].substring(0, e[0].length() - suffix.length());
        at.put("/scopes/" + out.size(), e[1]);
        out.add(name.toUpperCase(Locale.ROOT).replace('-', '_'));
      }
    }
    if (!out.isEmpty()) {
      d.set("scopes", out);
      at.put("/scopes", "/permissions/scopes");
    }
  }

  private static boolean hasPrefix(JsonNode connectModules, Product product) {
    for (Iterator<String> it = connectModules.fieldNames(); it.hasNext(); ) {
      if (it.next().startsWith(product.label() + ":")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasItems(JsonNode connectModules) {
    if (!connectModules.isObject()) {
      return false;
    }
    for (JsonNode list : connectModules) {
      if (!list.isArray() || !list.isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
