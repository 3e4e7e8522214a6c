package org.connectverify.core.translations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** A descriptor that gives its strings i18n keys but declares no translation files: the keys do nothing. */
public final class TranslationsDeclaredCheck implements Check {
  public static final Rule NOT_DECLARED =
      Rule.of(
          "translations/not-declared",
          Severity.INFO,
          "The descriptor uses i18n keys but declares no translations, so the keys cannot be translated.");

  @Override
  public List<Rule> rules() {
    return List.of(NOT_DECLARED);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode translations = ctx.root().get("translations");
    JsonNode paths = translations == null ? null : translations.get("paths");
    if (paths != null && paths.isObject() && paths.size() > 0) {
      return;
    }
    if (translations != null && (paths == null || !paths.isObject())) {
      return; // malformed: the schema reports it
    }
    Map<String, Translations.Usage> usages = Translations.usages(ctx);
    if (usages.isEmpty()) {
      return;
    }
    Translations.Usage first = usages.values().iterator().next();
    int n = usages.size();
    ctx.report(
        NOT_DECLARED,
        ctx.at(first.pointer()),
        "i18n key \""
            + first.key()
            + "\" is used"
            + (n > 1 ? " (with " + (n - 1) + " other key" + (n > 2 ? "s" : "") + ")" : "")
            + ", but the descriptor declares no translations.paths, so no key can be translated",
        "add \"translations\": {\"paths\": {\"en-US\": \"/i18n/en_US.json\", ...}} with a file per locale, or drop"
            + " the i18n keys");
  }
}
