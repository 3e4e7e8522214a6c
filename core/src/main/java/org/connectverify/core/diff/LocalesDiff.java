package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;

/** Locales dropped from {@code translations.paths}: users of that language see the untranslated strings. */
final class LocalesDiff implements DiffCheck {
  public static final Rule LOCALE_REMOVED =
      Rule.of(
          "diff/locale-removed",
          Severity.ERROR,
          "A translation locale is removed: users of that language get the descriptor's untranslated strings.");

  private static final String POINTER = "/translations/paths";

  @Override
  public List<Rule> rules() {
    return List.of(LOCALE_REMOVED);
  }

  @Override
  public void check(DiffContext ctx) {
    if (ctx.connectRetired()) {
      return; // reported once by MigrationDiff
    }
    JsonNode before = ctx.oldAt(POINTER);
    JsonNode after = ctx.newAt(POINTER);
    if (!before.isObject()) {
      return;
    }
    Iterator<String> locales = before.fieldNames();
    while (locales.hasNext()) {
      String locale = locales.next();
      if (after.isObject() && after.has(locale)) {
        continue;
      }
      String pointer = Pointers.child(POINTER, locale);
      ctx.claimOld(pointer);
      ctx.report(
          LOCALE_REMOVED,
          ctx.keyInOld(pointer),
          "translations for "
              + JsonText.quote(locale)
              + " are removed: users with that language see the untranslated names and descriptions of the app's"
              + " modules",
          "keep the locale (an incomplete translation falls back per string); remove it only when no customer uses"
              + " that language");
    }
  }
}
