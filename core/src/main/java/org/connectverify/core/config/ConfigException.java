package org.connectverify.core.config;

import java.util.List;

/**
 * A configuration file that cannot be used: each problem is one line {@code file:line:col: message}. A usage error
 * (exit 2), never a finding.
 */
public final class ConfigException extends Exception {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
