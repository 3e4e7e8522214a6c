package org.connectverify.core;

import java.util.Locale;

/** How serious a finding is. Ordered from most to least severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in every report and option ({@code error}, {@code warning}, {@code info}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses {@code error|warning|info}, any case; throws {@link IllegalArgumentException} with the choices otherwise. */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + text + "' (expected error, warning or info)");
  }
}
