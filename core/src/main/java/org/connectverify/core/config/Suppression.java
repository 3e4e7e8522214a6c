package org.connectverify.core.config;

import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.json.Pointers;

/**
 * One entry of {@code suppressions}: findings of a rule (an id, a category as {@code schema/*}, or any), in files
 * matching a glob, at or under a JSON pointer ({@code *} matches one segment, e.g. an array index), are accepted for a
 * stated reason. Never by message text: messages are for people and change.
 */
public final class Suppression {
  private final String rule;
  private final String files;
  private final String pointer;
  private final String reason;
  private final Position position;
  /** {@code files} compiled once: every finding of a run is matched against every entry. */
  private final Glob glob;

  /**
   * @param rule rule id, {@code category/*}, or null for any rule
   * @param files glob relative to the configuration file's folder, or null for any file
   * @param pointer JSON pointer prefix, or null for anywhere
   * @param reason why these findings are acceptable (required)
   * @param position where the entry stands in the configuration file
   */
  public Suppression(String rule, String files, String pointer, String reason, Position position) {
    this.rule = rule;
    this.files = files;
    this.pointer = pointer;
    this.reason = reason;
    this.position = position;
    this.glob = files == null ? null : new Glob(files);
  }

  public String rule() {
    return rule;
  }

  public String files() {
    return files;
  }

  public String pointer() {
    return pointer;
  }

  public String reason() {
    return reason;
  }

  public Position position() {
    return position;
  }

  /** True when this entry covers the finding; {@code relativeFile} is its path relative to the config's folder. */
  public boolean matches(Finding f, String relativeFile) {
    return matchesRule(f.ruleId()) && matchesFile(relativeFile) && matchesPointer(f.pointer());
  }

  boolean matchesRule(String ruleId) {
    if (rule == null) {
      return true;
    }
    if (rule.endsWith("/*")) {
      return ruleId.startsWith(rule.substring(0, rule.length() - 1));
    }
    return rule.equals(ruleId);
  }

  boolean matchesFile(String relativeFile) {
    return glob == null || glob.matches(relativeFile);
  }

  boolean matchesPointer(String findingPointer) {
    if (pointer == null || pointer.isEmpty()) {
      return true;
    }
    List<String> want = Pointers.tokens(pointer);
    List<String> have = Pointers.tokens(findingPointer);
    if (have.size() < want.size()) {
      return false;
    }
    for (int i = 0; i < want.size(); i++) {
      if (!want.get(i).equals("*") && !want.get(i).equals(have.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A short description for messages: {@code rule "x", files "y", pointer "z"}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("rule \"").append(rule == null ? "*" : rule).append('"');
    if (files != null) {
      sb.append(", files \"").append(files).append('"');
    }
    if (pointer != null) {
      sb.append(", pointer \"").append(pointer).append('"');
    }
    return sb.toString();
  }
}
