package org.connectverify.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Metadata of one rule: a stable id ({@code category/kebab-name}, never renamed), its default severity, whether it
 * needs the network, and a one-line summary. Each rule has a doc page at {@code docs/rules/<category>/<name>.md}.
 */
public final class Rule {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*");
  private static final String DOCS_BASE =
      "https://github.com/connect-verify/connect-verify/blob/main/docs/rules/";

  private final String id;
  private final Severity defaultSeverity;
  private final boolean network;
  private final String summary;

  private Rule(String id, Severity defaultSeverity, boolean network, String summary) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("malformed rule id: " + id);
    }
    this.id = id;
    this.defaultSeverity = Objects.requireNonNull(defaultSeverity);
    this.network = network;
    this.summary = Objects.requireNonNull(summary);
  }

  /** A rule that works offline. */
  public static Rule of(String id, Severity defaultSeverity, String summary) {
    return new Rule(id, defaultSeverity, false, summary);
  }

  /** A rule that needs the network (only runs online). */
  public static Rule online(String id, Severity defaultSeverity, String summary) {
    return new Rule(id, defaultSeverity, true, summary);
  }

  public String id() {
    return id;
  }

  public String category() {
    return id.substring(0, id.indexOf('/'));
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  public boolean network() {
    return network;
  }

  public String summary() {
    return summary;
  }

  /** Relative path of the rule's doc page inside the repository. */
  public String docPath() {
    return "docs/rules/" + id + ".md";
  }

  /** Public URL of the rule's doc page. */
  public String docUrl() {
    return DOCS_BASE + id + ".md";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rule r && r.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
