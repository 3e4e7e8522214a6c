package org.connectverify.core.crossapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.SetCheck;
import org.connectverify.core.SetContext;
import org.connectverify.core.Severity;
import org.connectverify.core.template.TemplateEngine;

/** Two apps of one run with the same key: the product and the Marketplace would take them for one app. */
public final class DuplicateAppKeyCheck implements SetCheck {
  public static final Rule DUPLICATE_KEY =
      Rule.of(
          "crossapp/duplicate-key",
          Severity.ERROR,
          "Two descriptors verified together have the same app key: each app needs its own.");

  @Override
  public List<Rule> rules() {
    return List.of(DUPLICATE_KEY);
  }

  @Override
  public void check(SetContext ctx) {
    Map<String, SetContext.Member> first = new LinkedHashMap<>();
    for (SetContext.Member m : ctx.members()) {
      String key = m.descriptor().key();
      if (key == null || key.isBlank() || TemplateEngine.holdsPlaceholder(key)) {
        continue;
      }
      SetContext.Member earlier = first.putIfAbsent(key, m);
      if (earlier == null || Apps.same(earlier, m)) {
        continue;
      }
      ctx.report(
          DUPLICATE_KEY,
          m.at("/key"),
          "app key \""
              + key
              + "\" is also the key of "
              + earlier.descriptor().file()
              + ": the product treats both as one app, so installing one replaces the other",
          "give each app its own key; if this file is the same app for another environment (dev, staging), verify"
              + " it in a separate run",
          List.of(new Finding.Related(earlier.at("/key"), "first used by " + Apps.describe(earlier))));
    }
  }
}
