package org.connectverify.core.translations;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The locale codes Atlassian supports for Connect translations. No single current list is published for Connect, so
 * connect-verify accepts the union of two sources: the nine codes the 2019 Connect JSON schema allows in
 * {@code translations.paths} (jira-global-schema.json, including the odd {@code en-UK}), and the 26 locales Forge
 * supports ({@code ForgeSupportedLocaleCode} in {@code @forge/manifest} 13.7.0's manifest schema; Connect apps that
 * adopt Forge keep their translations).
 */
public final class Locales {
  private Locales() {}

  /** The locale keys of the 2019 Connect schema. */
  public static final List<String> CONNECT_2019 =
      List.of("en-US", "en-UK", "fr-FR", "de-DE", "pt-PT", "es-ES", "ja-JP", "ko-KR", "ru-RU");

  /** Forge's supported locales. */
  public static final List<String> FORGE =
      List.of(
          "zh-CN", "zh-TW", "cs-CZ", "da-DK", "nl-NL", "en-US", "en-GB", "et-EE", "fi-FI", "fr-FR", "de-DE", "hu-HU",
          "is-IS", "it-IT", "ja-JP", "ko-KR", "no-NO", "pl-PL", "pt-BR", "pt-PT", "ro-RO", "ru-RU", "sk-SK", "tr-TR",
          "es-ES", "sv-SE");

  /** Where the list comes from, for messages and docs. */
  public static final String SOURCE =
      "the 9 locales of the 2019 Connect schema jira-global-schema.json plus the 26 Forge-supported locales of"
          + " @forge/manifest 13.7.0";

  /** Every supported code, sorted. */
  public static final Set<String> SUPPORTED;

  static {
    Set<String> all = new TreeSet<>(CONNECT_2019);
    all.addAll(FORGE);
    SUPPORTED = java.util.Collections.unmodifiableSet(all);
  }

  public static boolean supported(String code) {
    return SUPPORTED.contains(code);
  }

  /** A supported code the user probably meant ({@code en_US}, {@code en-us} to {@code en-US}), or null. */
  public static String suggestion(String code) {
    String normalized = code.trim().replace('_', '-');
    for (String s : SUPPORTED) {
      if (s.equalsIgnoreCase(normalized)) {
        return s;
      }
    }
    List<String> sameLanguage =
        SUPPORTED.stream().filter(s -> s.regionMatches(true, 0, normalized, 0, 2) && normalized.length() >= 2).toList();
    return sameLanguage.size() == 1 ? sameLanguage.get(0) : null;
  }
}
