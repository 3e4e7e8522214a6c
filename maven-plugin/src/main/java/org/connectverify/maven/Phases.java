package org.connectverify.maven;

import java.util.List;

/** The default lifecycle's phases, to tell whether a build reaches the phase an execution is bound to. */
final class Phases {
  private Phases() {}

  /** The goal's default phase. */
  static final String GOAL_DEFAULT = "verify";

  /** Maven 3's default lifecycle, in order. */
  static final List<String> DEFAULT_LIFECYCLE =
      List.of(
          "validate", "initialize", "generate-sources", "process-sources", "generate-resources", "process-resources",
          "compile", "process-classes", "generate-test-sources", "process-test-sources", "generate-test-resources",
          "process-test-resources", "test-compile", "process-test-classes", "test", "prepare-package", "package",
          "pre-integration-test", "integration-test", "post-integration-test", "verify", "install", "deploy");

  /** Index of the furthest default-lifecycle phase among the build's tasks; -1 when none (only plugin goals). */
  static int highestRequested(List<String> tasks) {
    int max = -1;
    for (String task : tasks == null ? List.<String>of() : tasks) {
      max = Math.max(max, DEFAULT_LIFECYCLE.indexOf(task));
    }
    return max;
  }

  /**
   * True when an execution bound to {@code phase} runs in a build that reaches phase index {@code reached}. A phase
   * outside the default lifecycle counts as not reached (the set then runs early rather than never).
   */
  static boolean reached(String phase, int reached) {
    int i = DEFAULT_LIFECYCLE.indexOf(phase);
    return i >= 0 && i <= reached;
  }
}
