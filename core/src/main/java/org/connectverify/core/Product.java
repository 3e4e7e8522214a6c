package org.connectverify.core;

import java.util.Locale;

/** The host product whose schema and rules a descriptor is checked against. */
public enum Product {
  JIRA("jira"),
  CONFLUENCE("confluence"),
  /** Undecided: checked against what Jira and Confluence share. */
  COMMON("common");

  private final String label;

  Product(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The name messages use: {@code Jira}, {@code Confluence}, or {@code Jira or Confluence} when undecided. */
  public String displayName() {
    return switch (this) {
      case JIRA -> "Jira";
      case CONFLUENCE -> "Confluence";
      case COMMON -> "Jira or Confluence";
    };
  }

  /** The other product (for JIRA and CONFLUENCE), or null for COMMON. */
  public Product other() {
    return switch (this) {
      case JIRA -> CONFLUENCE;
      case CONFLUENCE -> JIRA;
      case COMMON -> null;
    };
  }

  /** Parses {@code jira|confluence|auto} (null for auto). */
  public static Product parseChoice(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "jira" -> JIRA;
      case "confluence" -> CONFLUENCE;
      case "auto" -> null;
      default ->
          throw new IllegalArgumentException(
              "unknown product '" + text + "' (expected jira, confluence or auto)");
    };
  }
}
