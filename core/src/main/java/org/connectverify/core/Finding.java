package org.connectverify.core;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem found: which rule, how severe (after configuration), where, and what. Immutable. Its {@link #toString()}
 * is the canonical line {@code path:line:col: severity: message [rule-id]}.
 */
public final class Finding {
  /** Sort order of every report: file, line, column, rule, then message. */
  public static final Comparator<Finding> ORDER = Finding::compareInOrder;

  /**
   * By file, line, column, rule and message. Written out rather than chained from {@link Comparator#comparing}: a run
   * sorts all its findings, and the findings of one file share its name, which is then not compared character by
   * character.
   */
  private static int compareInOrder(Finding a, Finding b) {
    String fa = a.position.file();
    String fb = b.position.file();
    if (fa != fb) {
      int c = fa.compareTo(fb);
      if (c != 0) {
        return c;
      }
    }
    int c = Integer.compare(a.position.line(), b.position.line());
    if (c == 0) {
      c = Integer.compare(a.position.column(), b.position.column());
    }
    if (c == 0) {
      c = a.ruleId.compareTo(b.ruleId);
    }
    return c != 0 ? c : a.message.compareTo(b.message);
  }

  /** A second location that explains the first, such as where a duplicate was first defined. */
  public record Related(Position position, String message) {}

  private final String ruleId;
  private final Severity severity;
  private final Position position;
  private final String message;
  private final String hint;
  private final List<Related> related;

  public Finding(
      String ruleId, Severity severity, Position position, String message, String hint, List<Related> related) {
    this.ruleId = Objects.requireNonNull(ruleId);
    this.severity = Objects.requireNonNull(severity);
    this.position = Objects.requireNonNull(position);
    this.message = oneLine(Objects.requireNonNull(message));
    this.hint = hint == null || hint.isBlank() ? null : oneLine(hint);
    this.related = related == null ? List.of() : List.copyOf(related);
  }

  private static String oneLine(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s.strip(); // nearly every message: one scan for both breaks, not three passes
    }
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
  }

  public String ruleId() {
    return ruleId;
  }

  public Severity severity() {
    return severity;
  }

  public Position position() {
    return position;
  }

  public String file() {
    return position.file();
  }

  public int line() {
    return position.line();
  }

  public int column() {
    return position.column();
  }

  public String pointer() {
    return position.pointer();
  }

  public String message() {
    return message;
  }

  /** How to fix it, or null. */
  public String hint() {
    return hint;
  }

  public List<Related> related() {
    return related;
  }

  /** The same finding with another severity (configuration overrides). */
  public Finding withSeverity(Severity newSeverity) {
    return new Finding(ruleId, newSeverity, position, message, hint, related);
  }

  /** Canonical line: {@code path:line:col: severity: message [rule-id]}. */
  @Override
  public String toString() {
    return position.describe() + ": " + severity.label() + ": " + message + " [" + ruleId + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finding f
        && f.ruleId.equals(ruleId)
        && f.severity == severity
        && f.position.equals(position)
        && f.message.equals(message)
        && Objects.equals(f.hint, hint)
        && f.related.equals(related);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ruleId, severity, position, message);
  }
}
