package org.connectverify.core.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.I18nProperties;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;

/**
 * One i18n key, one default text: every i18n property ({@code {"value": ..., "i18n": ...}}) that uses a key must carry
 * the same {@code value}, as the Connect schema's i18n property description requires. The host shows a single text
 * for a key (the translation, or the default), so all but one of differing values are never shown.
 */
public final class I18nValueCheck implements Check {
  public static final Rule INCONSISTENT_VALUE =
      Rule.of(
          "i18n/inconsistent-value",
          Severity.WARNING,
          "One i18n key is used with different default values.");

  private record Use(String pointer, String value) {}

  @Override
  public List<Rule> rules() {
    return List.of(INCONSISTENT_VALUE);
  }

  @Override
  public void check(CheckContext ctx) {
    Map<String, Use> first = new HashMap<>();
    for (I18nProperties.Property p : I18nProperties.of(ctx)) {
      if (p.value() != null && p.value().isTextual()) {
        compare(ctx, first, p.key(), new Use(p.pointer(), p.value().asText()));
      }
    }
  }

  private static void compare(CheckContext ctx, Map<String, Use> first, String key, Use use) {
    Use earlier = first.putIfAbsent(key, use);
    if (earlier == null || earlier.value().equals(use.value())) {
      return;
    }
    String earlierValue = earlier.pointer() + "/value";
    ctx.report(
        INCONSISTENT_VALUE,
        ctx.at(use.pointer() + "/value"),
        "i18n key \"" + key + "\" has value \"" + use.value() + "\" here but \"" + earlier.value() + "\" at "
            + Pointers.readable(earlier.pointer()) + " (line " + ctx.at(earlierValue).line()
            + "): one key shows one text",
        "use the same value everywhere the key is used, or give the different texts different i18n keys",
        List.of(new Finding.Related(ctx.at(earlierValue), "first used with \"" + earlier.value() + "\" here")));
  }
}
