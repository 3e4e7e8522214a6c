package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.resources.ResourceResolver;
import org.connectverify.core.text.Strings;
import org.connectverify.core.translations.Locales;

/**
 * Forge's own i18n for native modules (not Connect's {@code <p>:translations}, which the translation rules check):
 * the top-level {@code translations} with {@code resources} (a locale Forge supports each, unique, with a {@code path}
 * relative to the manifest's folder) and {@code fallback.default} (required, with a resource); each file present and a
 * JSON object; and every {@code {i18n: key}} in {@code modules} present in the default locale's file (flat {@code
 * "a.b": ...} or nested {@code "a": {"b": ...}}). Forge's linter refuses each of these at deploy.
 */
public final class ForgeTranslationsCheck implements Check {
  public static final Rule LOCALE =
      Rule.of(
          "manifest/translations-locale",
          Severity.ERROR,
          "A translations resource (or fallback) names a locale Forge does not support: forge deploy refuses the"
              + " manifest.");
  public static final Rule DECLARATION =
      Rule.of(
          "manifest/translations-declaration",
          Severity.ERROR,
          "translations lacks resources or fallback.default, repeats a resource key, or its default locale has no"
              + " resource: forge deploy refuses the manifest.");
  public static final Rule FILE =
      Rule.of(
          "manifest/translations-file",
          Severity.ERROR,
          "A translations resource's file does not exist next to the manifest or is not a JSON object: forge deploy"
              + " refuses the manifest.");
  public static final Rule MISSING_KEY =
      Rule.of(
          "manifest/i18n-missing-key",
          Severity.ERROR,
          "An i18n key used by a Forge module is not in the default locale's translation file: forge deploy refuses"
              + " the manifest.");
  public static final Rule NOT_DECLARED =
      Rule.of(
          "manifest/i18n-not-declared",
          Severity.ERROR,
          "Forge modules use i18n keys but the manifest declares no translations: forge deploy refuses the"
              + " manifest.");

  /**
   * Built on first use: a first ObjectMapper costs a cold start about 30 ms, and only manifests with translation files
   * need it.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Override
  public List<Rule> rules() {
    return List.of(LOCALE, DECLARATION, FILE, MISSING_KEY, NOT_DECLARED);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null) {
      return;
    }
    Map<String, String> used = new LinkedHashMap<>();
    collectI18n(doc.path("modules"), "/modules", used);
    JsonNode translations = doc.path("translations");
    if (translations.isMissingNode() || translations.isNull()) {
      if (!used.isEmpty()) {
        Map.Entry<String, String> first = used.entrySet().iterator().next();
        ctx.report(
            NOT_DECLARED,
            ManifestDoc.at(ctx, first.getValue()),
            "Forge modules use " + used.size() + " i18n key" + (used.size() == 1 ? "" : "s") + " (first '"
                + first.getKey() + "') but the manifest declares no translations",
            "add translations: {resources: [{key: en-US, path: locales/en-US.json}], fallback: {default: en-US}}");
      }
      return;
    }
    Map<String, Integer> resources = checkDeclaration(ctx, translations);
    Path folder = ctx.descriptor().path() == null ? null : ctx.descriptor().path().toAbsolutePath().getParent();
    if (folder == null) {
      ctx.note(
          ctx.descriptor().file() + ": Forge translation files not checked: the manifest was not read from a file,"
              + " so there is no folder to find them in");
      return;
    }
    String defaultLocale = translations.path("fallback").path("default").asText(null);
    JsonNode defaultFile = null;
    for (Map.Entry<String, Integer> r : resources.entrySet()) {
      JsonNode file = readFile(ctx, folder, translations, r.getKey(), r.getValue());
      if (r.getKey().equals(defaultLocale)) {
        defaultFile = file;
      }
    }
    if (defaultFile == null) {
      return;
    }
    int index = resources.get(defaultLocale);
    String path = translations.path("resources").get(index).path("path").asText();
    for (Map.Entry<String, String> use : used.entrySet()) {
      if (!has(defaultFile, use.getKey())) {
        ctx.report(
            MISSING_KEY,
            ManifestDoc.at(ctx, use.getValue()),
            "i18n key '" + use.getKey() + "' could not be found in default locale file " + path + " ("
                + defaultLocale + ")",
            "add \"" + use.getKey() + "\" to " + path + ", or correct the key",
            List.of(new Finding.Related(
                ManifestDoc.at(ctx, "/translations/resources/" + index + "/path"), "default locale file")));
      }
    }
  }

  /** Checks resources and fallback; returns each valid, first-seen locale with its index in resources. */
  private static Map<String, Integer> checkDeclaration(CheckContext ctx, JsonNode translations) {
    Map<String, Integer> out = new LinkedHashMap<>();
    JsonNode resources = translations.path("resources");
    if (!resources.isArray() || resources.isEmpty()) {
      ctx.report(
          DECLARATION,
          ManifestDoc.atKey(ctx, resources.isMissingNode() ? "/translations" : "/translations/resources"),
          "translations has no resources: list each locale's file",
          "add resources: [{key: en-US, path: locales/en-US.json}]");
    } else {
      Map<String, String> seen = new HashMap<>();
      for (int i = 0; i < resources.size(); i++) {
        JsonNode r = resources.get(i);
        String at = "/translations/resources/" + i;
        if (!r.path("key").isTextual() || !r.path("path").isTextual()) {
          ctx.report(
              DECLARATION,
              ManifestDoc.at(ctx, at),
              "translations resource " + i + " needs a key (the locale) and a path (its file)",
              "write it as {key: en-US, path: locales/en-US.json}");
          continue;
        }
        String locale = r.get("key").asText();
        if (!Locales.FORGE.contains(locale)) {
          reportLocale(ctx, locale, at + "/key", "translations resource");
          continue;
        }
        String earlier = seen.putIfAbsent(locale, at + "/key");
        if (earlier != null) {
          ctx.report(
              DECLARATION,
              ManifestDoc.at(ctx, at + "/key"),
              "translations resource key '" + locale + "' is declared twice (first at line "
                  + ManifestDoc.at(ctx, earlier).line() + ")",
              "keep one resource per locale",
              List.of(new Finding.Related(ManifestDoc.at(ctx, earlier), "first declared here")));
          continue;
        }
        out.put(locale, i);
      }
    }
    JsonNode fallback = translations.path("fallback");
    JsonNode def = fallback.path("default");
    if (!def.isTextual()) {
      ctx.report(
          DECLARATION,
          ManifestDoc.atKey(ctx, fallback.isObject() ? "/translations/fallback" : "/translations"),
          "translations has no fallback.default: Forge needs the locale to fall back to",
          "add fallback: {default: en-US} (a locale listed under resources)");
    } else if (!Locales.FORGE.contains(def.asText())) {
      reportLocale(ctx, def.asText(), "/translations/fallback/default", "fallback.default");
    } else if (resources.isArray() && !resources.isEmpty() && !out.containsKey(def.asText())) {
      ctx.report(
          DECLARATION,
          ManifestDoc.at(ctx, "/translations/fallback/default"),
          "fallback.default is '" + def.asText() + "', but no translations resource has that key",
          out.isEmpty()
              ? "add a resource for " + def.asText()
              : "add a resource for " + def.asText() + ", or fall back to one of "
                  + Strings.quoteList(out.keySet(), "or"));
    }
    return out;
  }

  private static void reportLocale(CheckContext ctx, String locale, String at, String what) {
    List<String> close = Strings.closest(locale, Locales.FORGE);
    ctx.report(
        LOCALE,
        ManifestDoc.at(ctx, at),
        what + " '" + locale + "' is not a locale Forge supports",
        (close.isEmpty() ? "" : "did you mean '" + close.get(0) + "'? ")
            + "Forge supports " + String.join(", ", Locales.FORGE));
  }

  /** Reads one resource's file; reports and returns null when it is missing or not a JSON object. */
  private static JsonNode readFile(
      CheckContext ctx, Path folder, JsonNode translations, String locale, int index) {
    String path = translations.path("resources").get(index).path("path").asText();
    String at = "/translations/resources/" + index + "/path";
    ResourceResolver resolver = ctx.services().resources();
    Path file;
    try {
      file = folder.resolve(path).normalize();
    } catch (InvalidPathException e) {
      ctx.report(FILE, ManifestDoc.at(ctx, at), "translation file path '" + path + "' is not a valid path",
          "write the path relative to the manifest's folder, e.g. locales/" + locale + ".json");
      return null;
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      ctx.report(
          FILE,
          ManifestDoc.at(ctx, at),
          "translation file '" + path + "' for " + locale + " does not exist (looked for " + resolver.display(file)
              + ")",
          "paths are relative to the manifest's folder; add the file or correct the path");
      return null;
    }
    ResourceResolver.Content content = resolver.read(file);
    String problem = content.error();
    JsonNode tree = null;
    if (problem == null) {
      try {
        tree = Json.MAPPER.readTree(content.bytes());
        if (tree == null || !tree.isObject()) {
          problem = "it is not a JSON object";
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        problem = "it is not valid JSON" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")") + ": " + e.getOriginalMessage();
      } catch (IOException e) {
        problem = "it is not valid JSON";
      }
    }
    if (problem != null) {
      ctx.report(
          FILE,
          ManifestDoc.at(ctx, at),
          "translation file '" + path + "' for " + locale + " cannot be used: " + problem,
          "make it a JSON object of keys to strings (nested objects allowed)");
      return null;
    }
    return tree;
  }

  /** Collects every {@code {i18n: key}} below {@code node}: key to the pointer of its first use. */
  static void collectI18n(JsonNode node, String pointer, Map<String, String> used) {
    if (node.isObject()) {
      JsonNode key = node.get("i18n");
      if (key != null && key.isTextual() && node.size() == 1) {
        used.putIfAbsent(key.asText(), pointer + "/i18n");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collectI18n(e.getValue(), Pointers.child(pointer, e.getKey()), used);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectI18n(node.get(i), Pointers.child(pointer, i), used);
      }
    }
  }

  /** True when the file has the key: flat ({@code "a.b"}), nested ({@code a: {b}}) or any mix of the two. */
  static boolean has(JsonNode file, String key) {
    if (file.path(key).isTextual()) {
      return true;
    }
    for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
      JsonNode inner = file.path(key.substring(0, dot));
      if (inner.isObject() && has(inner, key.substring(dot + 1))) {
        return true;
      }
    }
    return false;
  }
}
