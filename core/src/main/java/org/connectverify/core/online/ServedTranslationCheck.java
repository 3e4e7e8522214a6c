package org.connectverify.core.online;

import java.util.List;
import org.connectverify.core.CheckContext;

/**
 * Further checks on the translation files as the deployment serves them, run by {@link ServedTranslationsCheck} once
 * it has probed every {@code translations.paths} entry. This is how the i18n key checks of the translation rules run
 * on the served files too: findings inside a file use its URL as their file name.
 */
@FunctionalInterface
public interface ServedTranslationCheck {
  /** No further checks. */
  ServedTranslationCheck NONE = (ctx, files) -> {};

  /**
   * One {@code translations.paths} entry as the deployment serves it.
   *
   * @param locale the locale key in {@code translations.paths}, e.g. {@code en-US}
   * @param pointer the descriptor pointer of the path, e.g. {@code /translations/paths/en-US}
   * @param url the URL the file was served from (use it as the display name of the file)
   * @param body the served bytes when the file is served (HTTP 200) and is a JSON object of strings; null when it is
   *     not (already reported by {@link ServedTranslationsCheck}, or not probed because the deployment is down)
   */
  record Served(String locale, String pointer, String url, byte[] body) {
    public boolean usable() {
      return body != null;
    }
  }

  /**
   * @param ctx the descriptor's context, to report into
   * @param files every entry, in descriptor order; called only when at least one is {@link Served#usable() usable}
   */
  void check(CheckContext ctx, List<Served> files);
}
