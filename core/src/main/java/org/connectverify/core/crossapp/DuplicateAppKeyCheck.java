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

/**
 * Two apps of one run with the same key that cannot be one app. The same key means the same app (a folder holds its
 * dev and prod variants, a template and its build output, a stale copy), so a shared key is reported only when the
 * two descriptors are for different products: a Jira app and a Confluence app are separate Marketplace listings, and
 * an app key names exactly one.
 */
public final class DuplicateAppKeyCheck implements SetCheck {
  public static final Rule DUPLICATE_KEY =
      Rule.of(
          "crossapp/duplicate-key",
          Severity.ERROR,
          "A Jira descriptor and a Confluence descriptor have the same app key: one key names one Marketplace app.");

  private static boolean differentProducts(SetContext.Member a, SetContext.Member b) {
    org.connectverify.core.Product pa = a.descriptor().product();
    org.connectverify.core.Product pb = b.descriptor().product();
    return pa != pb && pa != org.connectverify.core.Product.COMMON && pb != org.connectverify.core.Product.COMMON;
  }

  @Override
  public List<Rule> rules() {
    return List.of(DUPLICATE_KEY);
  }

  @Override
  public void check(SetContext ctx) {
    Map<String, SetContext.Member> first = new LinkedHashMap<>();
    for (SetContext.Member m : ctx.members()) {
      String key = m.descriptor().key();
      if (key == null || key.isBlank() || TemplateEngine.holdsPlaceholder(key) || Apps.scaffoldKey(key)) {
        continue;
      }
      if (ctx.options().vars().containsValue(key) || ctx.options().environment().containsValue(key)) {
        continue; // one --var (or environment value) filled both: the run made them collide, not the files
      }
      SetContext.Member earlier = first.putIfAbsent(key, m);
      if (earlier == null || !differentProducts(earlier, m)) {
        continue;
      }
      ctx.report(
          DUPLICATE_KEY,
          m.at("/key"),
          "app key \""
              + key
              + "\" of this "
              + m.descriptor().product().label()
              + " app is also the key of the "
              + earlier.descriptor().product().label()
              + " app "
              + earlier.descriptor().file()
              + ": an app key names one Marketplace app for one product",
          "give the " + m.descriptor().product().label() + " app its own key (e.g. \"" + key + "."
              + m.descriptor().product().name().toLowerCase(java.util.Locale.ROOT) + "\")",
          List.of(new Finding.Related(earlier.at("/key"), "first used by " + Apps.describe(earlier))));
    }
  }
}
