package org.connectverify.core.manifest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.connectverify.core.json.Pointers;

/**
 * Test-side converter: writes a Connect descriptor in Connect-on-Forge manifest form, the way Atlassian's converter
 * ({@code connect-to-forge}) does, and records for every descriptor pointer the manifest pointer it became and for
 * every manifest pointer the line and column of its key and value in the YAML text written. Written independently of
 * {@link ConnectParts} so that the equivalence test checks the production mapping against a second reading of the
 * same facts (reference: {@code connect-on-forge.md} §2).
 */
final class DescriptorToManifest {
  /** Module types a descriptor holds as one object and a manifest as a list of one. */
  private static final java.util.Set<String> SINGLE =
      java.util.Set.of(
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

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:/-]*");

  /** The manifest text, its pointer map and where each manifest pointer's key and value were written. */
  record Converted(String yaml, Map<String, String> pointers, Map<String, int[]> positions) {
    /**
     * The manifest pointer of a descriptor pointer (longest mapped prefix plus the rest), or null when the
     * descriptor pointer names something a manifest cannot hold.
     */
    String manifestPointer(String descriptorPointer) {
      if (descriptorPointer.isEmpty()) {
        return "";
      }
      String p = descriptorPointer;
      String suffix = "";
      while (!p.isEmpty()) {
        String mapped = pointers.get(p);
        if (mapped != null) {
          return mapped + suffix;
        }
        suffix = "/" + Pointers.escape(Pointers.lastToken(p)) + suffix;
        p = Pointers.parent(p);
      }
      return null;
    }

    /** {keyLine, keyColumn, valueLine, valueColumn} of a manifest pointer or its nearest written ancestor. */
    int[] position(String manifestPointer) {
      String p = manifestPointer;
      while (true) {
        int[] at = positions.get(p);
        if (at != null) {
          return at;
        }
        if (p.isEmpty()) {
          return new int[] {0, 0, 0, 0};
        }
        p = Pointers.parent(p);
      }
    }
  }

  private DescriptorToManifest() {}

  /** Converts {@code d} for {@code product} ("jira" or "confluence"). */
  static Converted convert(JsonNode d, String product) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    Map<String, String> ptr = new HashMap<>();
    String suffix = ":connect-" + product;
    ObjectNode m = f.objectNode();

    ObjectNode app = m.putObject("app");
    app.put("id", "ari:cloud:ecosystem::app/0b7d6f0e-1234-4d2c-9d4e-0a1b2c3d4e5f");
    if (d.has("enableLicensing") || d.has("editionsEnabled")) {
      ObjectNode lic = app.putObject("licensing");
      if (d.has("enableLicensing")) {
        lic.set("enabled", d.get("enableLicensing"));
        ptr.put("/enableLicensing", "/app/licensing/enabled");
      }
      if (d.has("editionsEnabled")) {
        lic.set("editionsEnabled", d.get("editionsEnabled"));
        ptr.put("/editionsEnabled", "/app/licensing/editionsEnabled");
      }
    }
    ObjectNode connect = app.putObject("connect");
    if (d.has("key")) {
      connect.set("key", d.get("key"));
      ptr.put("/key", "/app/connect/key");
    }
    connect.put("remote", "connect");
    // the legacy app.connect.authentication: jwt, written for a JWT app (Connect's default); a manifest cannot say
    // "none", so an app without JWT has no authentication and no installed callback
    JsonNode type = d.path("authentication").path("type");
    if (type.isMissingNode() || type.asText().equalsIgnoreCase("jwt")) {
      connect.put("authentication", "jwt");
      ptr.put("/authentication", "/app/connect/authentication");
      ptr.put("/authentication/type", "/app/connect/authentication");
    } else {
      ptr.put("/authentication", "/app/connect");
      ptr.put("/authentication/type", "/app/connect");
    }

    ObjectNode remote = m.putArray("remotes").addObject();
    remote.put("key", "connect");
    if (d.has("baseUrl")) {
      if (d.path("regionBaseUrls").isObject()) {
        ObjectNode urls = remote.putObject("baseUrl");
        urls.set("default", d.get("baseUrl"));
        ptr.put("/baseUrl", "/remotes/0/baseUrl/default");
        d.get("regionBaseUrls").fields().forEachRemaining(e -> urls.set(e.getKey(), e.getValue()));
        ptr.put("/regionBaseUrls", "/remotes/0/baseUrl");
      } else {
        remote.set("baseUrl", d.get("baseUrl"));
        ptr.put("/baseUrl", "/remotes/0/baseUrl");
      }
    }

    if (d.path("scopes").isArray()) {
      ArrayNode scopes = m.putObject("permissions").putArray("scopes");
      ptr.put("/scopes", "/permissions/scopes");
      for (JsonNode s : d.get("scopes")) {
        ptr.put("/scopes/" + scopes.size(), "/permissions/scopes/" + scopes.size());
        scopes.add(s.asText().toLowerCase(Locale.ROOT).replace('_', '-') + suffix);
      }
    }

    ObjectNode cm = m.putObject("connectModules");
    ptr.put("/modules", "/connectModules");
    topLevel(d, "lifecycle", "lifecycle-events", product, cm, ptr);
    topLevel(d, "translations", "connect-translations", product, cm, ptr);
    topLevel(d, "cloudAppMigration", "cloud-app-migration", product, cm, ptr);
    for (Iterator<Map.Entry<String, JsonNode>> it = d.path("modules").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = product + ":" + e.getKey();
      String at = Pointers.child("/connectModules", name);
      if (SINGLE.contains(e.getKey()) && e.getValue().isObject()) {
        cm.putArray(name).add(e.getValue());
        ptr.put(Pointers.child("/modules", e.getKey()), at + "/0");
      } else {
        cm.set(name, e.getValue());
        ptr.put(Pointers.child("/modules", e.getKey()), at);
      }
    }
    Emitter out = new Emitter();
    out.document(m);
    return new Converted(out.text.toString(), ptr, out.positions);
  }

  private static void topLevel(
      JsonNode d, String field, String key, String product, ObjectNode cm, Map<String, String> ptr) {
    if (!d.path(field).isObject()) {
      return;
    }
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("key", key);
    item.setAll((ObjectNode) d.get(field));
    String name = product + ":" + field;
    cm.putArray(name).add(item);
    ptr.put("/" + field, Pointers.child("/connectModules", name) + "/0");
  }

  /** Block-style YAML, every scalar in JSON (double-quoted) form, with the position of every key and value. */
  private static final class Emitter {
    final StringBuilder text = new StringBuilder();
    final Map<String, int[]> positions = new LinkedHashMap<>();
    private int line = 1;

    void document(JsonNode root) {
      positions.put("", new int[] {0, 0, 1, 1});
      members((ObjectNode) root, "", 0, -1);
    }

    /** Writes the members of {@code o} at {@code indent}; the first one continues the current line when it is a list item. */
    private void members(ObjectNode o, String pointer, int indent, int firstOnLineAtColumn) {
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int col;
        if (first && firstOnLineAtColumn > 0) {
          col = firstOnLineAtColumn;
        } else {
          text.append(" ".repeat(indent));
          col = indent + 1;
        }
        first = false;
        String child = Pointers.child(pointer, e.getKey());
        String key = key(e.getKey());
        text.append(key).append(':');
        value(e.getValue(), child, indent, line, col, col + key.length() + 2);
      }
    }

    /** Writes a value after "key:" or "-" (the cursor is just after it); records its position. */
    private void value(JsonNode v, String pointer, int indent, int keyLine, int keyCol, int inlineCol) {
      if (v.isObject() && !v.isEmpty()) {
        newline();
        int childIndent = indent + 2;
        positions.put(pointer, new int[] {keyLine, keyCol, line, childIndent + 1});
        members((ObjectNode) v, pointer, childIndent, -1);
      } else if (v.isArray() && !v.isEmpty()) {
        newline();
        positions.put(pointer, new int[] {keyLine, keyCol, line, indent + 1});
        items((ArrayNode) v, pointer, indent);
      } else {
        text.append(' ');
        positions.put(pointer, new int[] {keyLine, keyCol, line, inlineCol});
        text.append(scalar(v));
        newline();
      }
    }

    private void items(ArrayNode a, String pointer, int indent) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode item = a.get(i);
        String child = pointer + "/" + i;
        text.append(" ".repeat(indent)).append("- ");
        int col = indent + 3;
        if (item.isObject() && !item.isEmpty()) {
          positions.put(child, new int[] {0, 0, line, col});
          members((ObjectNode) item, child, indent + 2, col);
        } else if (item.isArray() && !item.isEmpty()) {
          text.setLength(text.length() - 1);
          newline();
          positions.put(child, new int[] {0, 0, line, indent + 3});
          items((ArrayNode) item, child, indent + 2);
        } else {
          positions.put(child, new int[] {0, 0, line, col});
          text.append(scalar(item));
          newline();
        }
      }
    }

    private void newline() {
      text.append('\n');
      line++;
    }

    private static String key(String k) {
      return PLAIN_KEY.matcher(k).matches() ? k : quote(k);
    }

    private static String scalar(JsonNode v) {
      if (v.isTextual()) {
        return quote(v.asText());
      }
      if (v.isObject()) {
        return "{}";
      }
      if (v.isArray()) {
        return "[]";
      }
      return v.toString();
    }

    private static String quote(String s) {
      return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
  }
}
