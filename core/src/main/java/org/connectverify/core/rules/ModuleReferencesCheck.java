package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.text.Strings;

/**
 * References from one module to another of the same app that point nowhere: a web item opening a dialog module that
 * is not declared, a web item or section placed in a web panel (a panel is not a section, so the element never
 * shows), and a location naming this app's own section ({@code <app-key>__<section-key>}) that no module declares.
 * Only references that are clearly to this app are checked: a location that may be the product's own section is
 * never reported.
 */
public final class ModuleReferencesCheck implements Check {
  public static final Rule UNKNOWN_DIALOG =
      Rule.of(
          "modules/unknown-dialog",
          Severity.ERROR,
          "A web item opens a dialog module (target type dialogmodule) whose key names no dialog of the app.");

  public static final Rule LOCATION_IS_PANEL =
      Rule.of(
          "modules/location-is-panel",
          Severity.ERROR,
          "A web item or section is placed in a web panel of the app; a panel is not a section, so it never shows.");

  public static final Rule UNKNOWN_SECTION =
      Rule.of(
          "modules/unknown-section",
          Severity.ERROR,
          "A location names a section of this app (<app-key>__<key>) that the app does not declare.");

  @Override
  public List<Rule> rules() {
    return List.of(UNKNOWN_DIALOG, LOCATION_IS_PANEL, UNKNOWN_SECTION);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode modules = ctx.descriptor().modules();
    if (!modules.isObject()) {
      return;
    }
    Map<String, String> typeOfKey = new LinkedHashMap<>();
    java.util.Set<String> dialogs = new java.util.LinkedHashSet<>();
    Iterator<Map.Entry<String, JsonNode>> types = modules.fields();
    while (types.hasNext()) {
      Map.Entry<String, JsonNode> type = types.next();
      for (JsonNode module : list(type.getValue())) {
        String key = module.path("key").asText("");
        if (!key.isEmpty()) {
          typeOfKey.putIfAbsent(key, type.getKey());
          if (type.getKey().equals("dialogs")) {
            dialogs.add(key);
          }
        }
      }
    }
    String appKey = ctx.root().path("key").asText("");
    boolean literalAppKey = !appKey.isEmpty() && AppKeyCheck.allKeyChars(appKey);
    Iterator<Map.Entry<String, JsonNode>> all = modules.fields();
    while (all.hasNext()) {
      Map.Entry<String, JsonNode> type = all.next();
      JsonNode value = type.getValue();
      List<JsonNode> modulesOfType = list(value);
      for (int i = 0; i < modulesOfType.size(); i++) {
        JsonNode module = modulesOfType.get(i);
        String pointer =
            value.isArray()
                ? Pointers.child(Pointers.child("/modules", type.getKey()), i)
                : Pointers.child("/modules", type.getKey());
        checkDialogTarget(ctx, module, pointer, dialogs, literalAppKey ? appKey : null);
        if (type.getKey().equals("webItems") || type.getKey().equals("webSections")) {
          checkLocation(ctx, module, pointer, typeOfKey, literalAppKey ? appKey : null);
        }
      }
    }
  }

  private static void checkDialogTarget(
      CheckContext ctx, JsonNode module, String pointer, java.util.Set<String> dialogs, String appKey) {
    JsonNode target = module.path("target");
    if (!target.path("type").asText("").toLowerCase(Locale.ROOT).equals("dialogmodule")) {
      return;
    }
    JsonNode key = target.path("options").path("key");
    if (!key.isTextual() || key.asText().isEmpty() || isTemplated(key.asText())) {
      return; // the schema reports a missing key; a placeholder is not checkable
    }
    String named = key.asText();
    String local = appKey != null && named.startsWith(appKey + "__") ? named.substring(appKey.length() + 2) : named;
    if (dialogs.contains(local)) {
      return;
    }
    List<String> closest = Strings.closest(local, dialogs);
    String message =
        "web item \"" + module.path("key").asText("") + "\" opens dialog module \"" + named + "\", but the app"
            + (dialogs.isEmpty() ? " declares no dialogs" : " declares no dialog with that key")
            + ": the web item opens nothing";
    String hint =
        closest.isEmpty()
            ? "declare a module with that key under modules.dialogs, or name one that exists"
            : "did you mean " + Strings.quoteList(closest, "or") + "?";
    ctx.report(UNKNOWN_DIALOG, ctx.at(pointer + "/target/options/key"), message, hint);
  }

  private static void checkLocation(
      CheckContext ctx, JsonNode module, String pointer, Map<String, String> typeOfKey, String appKey) {
    JsonNode node = module.path("location");
    if (!node.isTextual() || isTemplated(node.asText())) {
      return;
    }
    String location = node.asText().trim();
    String last = location.substring(location.lastIndexOf('/') + 1);
    boolean appLocal = appKey != null && last.startsWith(appKey + "__");
    String key = appLocal ? last.substring(appKey.length() + 2) : location;
    String what = pointer.startsWith("/modules/webSections") ? "web section" : "web item";
    String own = module.path("key").asText("");
    String type = typeOfKey.get(key);
    if ("webPanels".equals(type) && (appLocal || key.equals(location))) {
      ctx.report(
          LOCATION_IS_PANEL,
          ctx.at(pointer + "/location"),
          what + " \"" + own + "\" is placed in \"" + location + "\", which names the app's web panel"
              + (appLocal ? " \"" + key + "\"" : "") + ", not a section: it never shows",
          "place it in a web section (declare one under modules.webSections and use its key) or a product location");
      return;
    }
    if (appLocal && type == null) {
      List<String> sections = new ArrayList<>();
      typeOfKey.forEach((k, t) -> {
        if (t.equals("webSections") || t.equals("webItems")) {
          sections.add(k);
        }
      });
      List<String> closest = Strings.closest(key, sections);
      ctx.report(
          UNKNOWN_SECTION,
          ctx.at(pointer + "/location"),
          what + " \"" + own + "\" is placed in \"" + location + "\", this app's section \"" + key
              + "\", but the app declares no module with that key: it never shows",
          closest.isEmpty()
              ? "declare the section under modules.webSections, or fix the location"
              : "did you mean \"" + appKey + "__" + closest.get(0) + "\"?");
    }
  }

  private static boolean isTemplated(String s) {
    return s.contains("{") || s.contains("$") || s.contains("%") || s.contains("@");
  }

  private static List<JsonNode> list(JsonNode value) {
    List<JsonNode> out = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(out::add);
    } else if (value.isObject()) {
      out.add(value);
    }
    return out;
  }
}
