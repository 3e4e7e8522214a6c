package org.connectverify.core.translations;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.online.ServedTranslationCheck;

/**
 * The i18n keys the descriptor uses against the keys its translation files define: a key missing from the default
 * locale's file is an error, from another locale's file a warning; keys no descriptor field uses are listed; the
 * {@code {0}}-style placeholders of each translation must match the descriptor's {@code value}. With
 * {@code --online} the same checks run on the files as the deployment serves them (see {@link ServedTranslationCheck}).
 */
public final class TranslationKeysCheck implements Check, ServedTranslationCheck {
  public static final Rule MISSING_KEY =
      Rule.of(
          "translations/missing-key",
          Severity.ERROR,
          "An i18n key used in the descriptor is missing from the default locale's translation file.");
  public static final Rule MISSING_KEY_IN_LOCALE =
      Rule.of(
          "translations/missing-key-in-locale",
          Severity.WARNING,
          "An i18n key used in the descriptor is missing from the translation files of other locales.");
  public static final Rule UNUSED_KEY =
      Rule.of(
          "translations/unused-key",
          Severity.INFO,
          "A translation file defines a key that no i18n field of the descriptor uses.");
  public static final Rule PLACEHOLDER_MISMATCH =
      Rule.of(
          "translations/placeholder-mismatch",
          Severity.WARNING,
          "A translation has other {0}-style placeholders than the descriptor's value for the same key.");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,[^{}]*)?}");

  @Override
  public List<Rule> rules() {
    return List.of(MISSING_KEY, MISSING_KEY_IN_LOCALE, UNUSED_KEY, PLACEHOLDER_MISMATCH);
  }

  @Override
  public void check(CheckContext ctx) {
    keys(ctx, Translations.load(ctx));
  }

  /**
   * The same checks on the translation files as the deployment serves them ({@code --online}); findings inside a file
   * name its URL. Skipped when the deployment serves exactly the local files: the findings would only repeat the
   * local ones with URLs for paths.
   */
  @Override
  public void check(CheckContext ctx, List<ServedTranslationCheck.Served> files) {
    List<Translations.Entry> served = new ArrayList<>();
    for (ServedTranslationCheck.Served f : files) {
      served.add(Translations.Entry.served(ctx, f.locale(), f.pointer(), f.url(), f.body()));
    }
    if (!sameContent(served, Translations.load(ctx))) {
      keys(ctx, served);
    }
  }

  private static void keys(CheckContext ctx, List<Translations.Entry> all) {
    List<Translations.Entry> usable = new ArrayList<>();
    for (Translations.Entry e : all) {
      if (e.usable() && usable.stream().noneMatch(u -> u.locale().equals(e.locale()))) {
        usable.add(e);
      }
    }
    if (usable.isEmpty()) {
      return;
    }
    Translations.Entry def = Translations.defaultEntry(all, ctx.options().defaultLocale());
    Map<String, Translations.Usage> usages = Translations.usages(ctx);
    for (Translations.Usage u : usages.values()) {
      missing(ctx, u, def, usable);
      placeholders(ctx, u, usable);
    }
    unused(ctx, usages, def, usable);
  }

  /** True when both lists have the same locales in the same order, usable alike and with equal JSON when usable. */
  private static boolean sameContent(List<Translations.Entry> a, List<Translations.Entry> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Translations.Entry x = a.get(i);
      Translations.Entry y = b.get(i);
      if (!x.locale().equals(y.locale())
          || x.usable() != y.usable()
          || (x.usable() && !x.parsed().root().equals(y.parsed().root()))) {
        return false;
      }
    }
    return true;
  }

  private static void missing(
      CheckContext ctx, Translations.Usage u, Translations.Entry def, List<Translations.Entry> usable) {
    String used = u.count() > 1 ? " (used " + u.count() + " times)" : "";
    if (def != null && def.usable() && !def.has(u.key())) {
      boolean hasFallback = u.value() != null && !u.value().isBlank();
      ctx.reportAs(
          hasFallback ? Severity.WARNING : MISSING_KEY.defaultSeverity(),
          MISSING_KEY,
          ctx.at(u.pointer()),
          "i18n key \""
              + u.key()
              + "\" is missing from the "
              + def.locale()
              + " translation file "
              + def.file()
              + " (the default locale)"
              + used
              + (hasFallback
                  ? ": the product shows the fallback \"" + u.value() + "\" instead"
                  : " and the module has no \"value\" fallback, so the product shows the bare key"),
          "add the key to that file, or correct the key in the descriptor");
    }
    List<Translations.Entry> others = new ArrayList<>();
    for (Translations.Entry e : usable) {
      if (e != def && !e.has(u.key())) {
        others.add(e);
      }
    }
    if (others.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Translations.Entry e : others) {
      names.add(e.locale() + " (" + fileName(e.file()) + ")");
    }
    ctx.report(
        MISSING_KEY_IN_LOCALE,
        ctx.at(u.pointer()),
        "i18n key \""
            + u.key()
            + "\" is missing from the translation file"
            + (others.size() > 1 ? "s" : "")
            + " of "
            + String.join(", ", names)
            + used,
        "add the key to " + (others.size() > 1 ? "each of these files" : "that file") + ", or correct the key in the"
            + " descriptor");
  }

  private static void placeholders(CheckContext ctx, Translations.Usage u, List<Translations.Entry> usable) {
    if (u.value() == null) {
      return;
    }
    TreeSet<Integer> expected = placeholders(u.value());
    for (Translations.Entry e : usable) {
      String text = e.text(u.key());
      if (text == null) {
        continue;
      }
      TreeSet<Integer> actual = placeholders(text);
      if (!actual.equals(expected)) {
        ctx.report(
            PLACEHOLDER_MISMATCH,
            e.valueAt(u.key()),
            "the "
                + e.locale()
                + " translation of \""
                + u.key()
                + "\" has "
                + show(actual)
                + ", but the descriptor's value \""
                + u.value()
                + "\" has "
                + show(expected),
            "use the same {n} placeholders in every translation",
            List.of(new Finding.Related(ctx.at(u.pointer()), "i18n key used here")));
      }
    }
  }

  private static void unused(
      CheckContext ctx,
      Map<String, Translations.Usage> usages,
      Translations.Entry def,
      List<Translations.Entry> usable) {
    List<Translations.Entry> order = new ArrayList<>();
    if (def != null && usable.contains(def)) {
      order.add(def);
    }
    for (Translations.Entry e : usable) {
      if (!order.contains(e)) {
        order.add(e);
      }
    }
    Map<String, List<Translations.Entry>> unused = new LinkedHashMap<>();
    for (Translations.Entry e : order) {
      Iterator<String> keys = e.parsed().root().fieldNames();
      while (keys.hasNext()) {
        String key = keys.next();
        if (!usages.containsKey(key)) {
          unused.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
      }
    }
    unused.forEach(
        (key, entries) -> {
          Translations.Entry first = entries.get(0);
          int more = entries.size() - 1;
          ctx.report(
              UNUSED_KEY,
              first.keyAt(key),
              "translation key \""
                  + key
                  + "\" ("
                  + first.locale()
                  + ") is used by no i18n field of the descriptor"
                  + (more > 0 ? " (also in " + more + " other translation file" + (more > 1 ? "s" : "") + ")" : ""),
              "remove it, or use it as \"i18n\": \"" + key + "\" on a name or description");
        });
  }

  static TreeSet<Integer> placeholders(String text) {
    TreeSet<Integer> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      try {
        out.add(Integer.parseInt(m.group(1)));
      } catch (NumberFormatException e) {
        // an absurdly long index is no placeholder
      }
    }
    return out;
  }

  private static String show(TreeSet<Integer> set) {
    if (set.isEmpty()) {
      return "no placeholders";
    }
    List<String> parts = new ArrayList<>();
    set.forEach(i -> parts.add("{" + i + "}"));
    return (set.size() > 1 ? "placeholders " : "placeholder ") + String.join(", ", parts);
  }

  /** The file name of a local file; a served file's whole URL, so it is never mistaken for the local one. */
  private static String fileName(String display) {
    if (display.contains("://")) {
      return display;
    }
    int slash = display.lastIndexOf('/');
    return slash < 0 ? display : display.substring(slash + 1);
  }
}
