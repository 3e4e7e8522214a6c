package org.connectverify.core;

import java.util.Locale;

/** The run's failure threshold: the lowest severity that makes the run fail, or never. */
public enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  INFO(Severity.INFO),
  NEVER(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /** True when a finding of this severity fails the run. */
  public boolean fails(Severity severity) {
    return threshold != null && severity.atLeast(threshold);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FailOn parse(String text) {
    for (FailOn f : values()) {
      if (f.label().equalsIgnoreCase(text.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown fail-on level '" + text + "' (expected error, warning, info or never)");
  }
}
