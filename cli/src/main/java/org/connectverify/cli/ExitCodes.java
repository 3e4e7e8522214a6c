package org.connectverify.cli;

/** Exit codes, as documented in the README. */
final class ExitCodes {
  private ExitCodes() {}

  /** Nothing at or above the failure threshold. */
  static final int OK = 0;
  /** Findings at or above the failure threshold. */
  static final int FINDINGS = 1;
  /** Bad option, missing or unreadable input. */
  static final int USAGE = 2;
  /** connect-verify itself failed. */
  static final int INTERNAL = 3;
}
