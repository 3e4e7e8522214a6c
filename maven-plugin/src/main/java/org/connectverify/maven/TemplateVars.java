package org.connectverify.maven;

import java.util.LinkedHashMap;

/**
 * The {@code vars} parameter: template values written as a map ({@code <addon.base-url>https://...</addon.base-url>})
 * or as a list of {@code <var>NAME=VALUE</var>} entries, in any mix; in document order, a later value for a name wins.
 * Maven fills a map parameter by calling {@link #put} once per child element, so an element named {@code var} whose
 * text has a {@code =} is read as {@code NAME=VALUE} (Maven would otherwise keep only the last {@code <var>}).
 */
public final class TemplateVars extends LinkedHashMap<String, String> {
  private static final long serialVersionUID = 1L;

  /** The element name that holds {@code NAME=VALUE}. */
  static final String ENTRY = "var";

  public TemplateVars() {}

  @Override
  public String put(String key, String value) {
    if (ENTRY.equals(key) && value != null) {
      int eq = value.indexOf('=');
      if (eq > 0) {
        return super.put(value.substring(0, eq).trim(), value.substring(eq + 1));
      }
    }
    return super.put(key, value == null ? "" : value);
  }
}
