package org.connectverify.core;

/** Rules about the run itself rather than the descriptor. */
public final class InternalRules {
  private InternalRules() {}

  public static final Rule CHECK_FAILED =
      Rule.of(
          "internal/check-failed",
          Severity.ERROR,
          "A check crashed on this input: a bug in connect-verify, reported as a finding so the run goes on.");
}
