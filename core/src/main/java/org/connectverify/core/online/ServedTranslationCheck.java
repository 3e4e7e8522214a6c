package org.connectverify.core.online;

import org.connectverify.core.CheckContext;

/**
 * Further checks on a translation file as the deployment serves it, run by {@link ServedTranslationsCheck} after it
 * has made sure the file is served (HTTP 200) and is a JSON object of strings. This is the seam for the i18n key
 * checks of the translation rules, so they run on the served files too: findings inside the file use {@code url}
 * as their file name.
 */
@FunctionalInterface
public interface ServedTranslationCheck {
  /** No further checks. */
  ServedTranslationCheck NONE = (ctx, locale, pointer, url, body) -> {};

  /**
   * @param ctx the descriptor's context, to report into
   * @param locale the locale key in {@code translations.paths}, e.g. {@code en-US}
   * @param pointer the descriptor pointer of the path, e.g. {@code /translations/paths/en-US}
   * @param url the URL the file was served from (use it as the display name of the file)
   * @param body the served bytes (UTF-8 JSON, an object whose values are all strings)
   */
  void check(CheckContext ctx, String locale, String pointer, String url, byte[] body);
}
