package org.connectverify.core;

import java.util.Set;

/**
 * Rules about what a descriptor must be before it is released, not about what the host refuses from a finished one:
 * a placeholder still unfilled, a template not rendered, a baseUrl that is placeholder text or a developer's tunnel, a
 * links.self with no host.
 * In a repository these are normal (the file is filled at deploy time), so they are warnings by default; under release
 * strictness ({@code --strict}, config key {@code strict}) they are errors. An explicit {@code --severity} wins.
 */
public final class ReleaseGate {
  private static final Set<String> RULES =
      Set.of(
          "template/unresolved",
          "template/not-rendered",
          "base-url/placeholder",
          "base-url/tunnel-host",
          "base-url/self-no-host");

  private ReleaseGate() {}

  /** True when the rule with this id is a release-gate rule. */
  public static boolean holds(String ruleId) {
    return RULES.contains(ruleId);
  }

  /** The ids of every release-gate rule. */
  public static Set<String> rules() {
    return RULES;
  }
}
