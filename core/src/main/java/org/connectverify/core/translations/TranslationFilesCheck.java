package org.connectverify.core.translations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.JsonRules;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.resources.Resolution;

/**
 * Each {@code translations.paths} entry: a supported locale code, a file that exists under the app's web roots, and a
 * file that is a JSON object of strings. This is the check that would have stopped the Outlook Calendars for
 * Confluence outage: the app installed, then could not be enabled, because its translation paths pointed at files the
 * build had moved.
 */
public final class TranslationFilesCheck implements Check {
  public static final Rule MISSING_FILE =
      Rule.of(
          "translations/missing-file",
          Severity.ERROR,
          "A translations.paths entry points at a file that is not in the app's web roots: the app installs but"
              + " cannot be enabled.");
  public static final Rule INVALID_FILE =
      Rule.of(
          "translations/invalid-file",
          Severity.ERROR,
          "A translation file is not a JSON object whose values are all strings.");
  public static final Rule UNKNOWN_LOCALE =
      Rule.of(
          "translations/unknown-locale",
          Severity.ERROR,
          "A translations.paths key is not a locale Atlassian supports.");

  @Override
  public List<Rule> rules() {
    return List.of(MISSING_FILE, INVALID_FILE, UNKNOWN_LOCALE);
  }

  @Override
  public void check(CheckContext ctx) {
    Set<String> filesSeen = new HashSet<>();
    List<Translations.Entry> entries = Translations.load(ctx);
    if (!entries.isEmpty()
        && ctx.resources().noWebRootFound(ctx.descriptor().path())
        && entries.stream().allMatch(e -> e.resolution() instanceof Resolution.Missing)) {
      // No file found and no web root known: the files may well be served from a folder we were not told about.
      entries.forEach(e -> locale(ctx, e));
      ctx.note(
          ctx.descriptor().file()
              + ": translation files not checked: none of the "
              + entries.size()
              + " is next to the descriptor and no web root was found (public/, static/, src/main/webapp, ...);"
              + " pass --resources DIR with the folder the app serves them from");
      return;
    }
    for (Translations.Entry e : entries) {
      locale(ctx, e);
      if (e.resolution() instanceof Resolution.Missing m) {
        missing(ctx, e, m);
      } else if (e.resolution() instanceof Resolution.Found found) {
        if (e.readError() != null) {
          ctx.report(
              INVALID_FILE,
              ctx.at(e.pointer()),
              "translation file for " + e.locale() + " " + found.display() + " cannot be read: " + e.readError());
        } else if (filesSeen.add(found.display())) {
          contents(ctx, e);
        }
      }
    }
  }

  private static void locale(CheckContext ctx, Translations.Entry e) {
    if (Locales.supported(e.locale())) {
      return;
    }
    String suggestion = Locales.suggestion(e.locale());
    ctx.report(
        UNKNOWN_LOCALE,
        ctx.atKey(e.pointer()),
        "unknown locale \""
            + e.locale()
            + "\" in translations.paths; supported ("
            + Locales.SOURCE
            + "): "
            + String.join(", ", Locales.SUPPORTED),
        suggestion != null
            ? "did you mean \"" + suggestion + "\"?"
            : "use one of the supported codes (language-REGION, e.g. \"en-US\")");
  }

  private static void missing(CheckContext ctx, Translations.Entry e, Resolution.Missing m) {
    String hint;
    if (m.caseMismatch() != null) {
      hint =
          "a file "
              + m.caseMismatch()
              + " exists, but its name differs in letter case: web servers on case-sensitive file systems will not"
              + " serve it";
    } else if (m.sameName() != null) {
      hint =
          "a file with that name is at "
              + m.sameName().display()
              + ", served as "
              + m.sameName().servedPath()
              + ": if the build moved it, ship it where the descriptor says or change the path";
    } else {
      hint =
          "add the file there, fix the path, or point "
              + ctx.options().optionNames().of("resources", null)
              + " at the folder the app serves";
    }
    String served =
        m.servedPath().equals(e.reference()) ? "" : " (path " + m.servedPath() + " under the app's baseUrl)";
    ctx.report(
        MISSING_FILE,
        ctx.at(e.pointer()),
        "translation file for "
            + e.locale()
            + " not found: \""
            + e.reference()
            + "\""
            + served
            + " is in none of the app's web roots ("
            + ctx.resources().describeRoots(ctx.options().optionNames())
            + ")",
        hint);
  }

  private static void contents(CheckContext ctx, Translations.Entry e) {
    String file = e.file();
    if (!e.parsed().parsed()) {
      Finding first =
          e.parsed().findings().stream()
              .filter(f -> f.severity() == Severity.ERROR)
              .findFirst()
              .orElse(null);
      Position at = first != null ? first.position() : Position.ofFile(file);
      String why = first != null ? first.message().replaceFirst("^invalid JSON: ", "") : "unreadable";
      ctx.report(
          INVALID_FILE,
          at,
          "translation file for " + e.locale() + " is not valid JSON: " + why,
          "the file must be one JSON object of \"key\": \"text\" pairs",
          List.of(new Finding.Related(ctx.at(e.pointer()), "referenced here")));
      return;
    }
    for (Finding f : e.parsed().findings()) {
      ctx.report(ruleOf(f), f.position(), f.message(), f.hint(), f.related());
    }
    JsonNode root = e.parsed().root();
    if (!root.isObject()) {
      int[] lc = e.parsed().sourceMap().value("");
      ctx.report(
          INVALID_FILE,
          new Position(file, lc[0], lc[1], ""),
          "translation file for " + e.locale() + " must be a JSON object of \"key\": \"text\" pairs, found " + kind(root),
          null,
          List.of(new Finding.Related(ctx.at(e.pointer()), "referenced here")));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> m = it.next();
      if (m.getValue().isTextual()) {
        continue;
      }
      String p = Pointers.child("", m.getKey());
      int[] lc = e.parsed().sourceMap().value(p);
      ctx.report(
          INVALID_FILE,
          new Position(file, lc[0], lc[1], p),
          "translation file for "
              + e.locale()
              + ": the value of \""
              + m.getKey()
              + "\" is "
              + kind(m.getValue())
              + "; every value must be a string",
          m.getValue().isObject() ? "translation files are flat: use dotted keys instead of nested objects" : null);
    }
  }

  /** The rule of a finding the JSON reader made for a translation file (duplicate keys, comments). */
  private static Rule ruleOf(Finding f) {
    for (Rule r : List.of(JsonRules.DUPLICATE_KEY, JsonRules.COMMENTS, JsonRules.SYNTAX, JsonRules.ENCODING)) {
      if (r.id().equals(f.ruleId())) {
        return r;
      }
    }
    return INVALID_FILE;
  }

  private static String kind(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    if (n.isNull()) {
      return "null";
    }
    return "a string";
  }
}
