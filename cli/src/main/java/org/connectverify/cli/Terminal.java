package org.connectverify.cli;

/** The host's decision about colours, per https://no-color.org: a terminal, no --no-color, no non-empty NO_COLOR. */
final class Terminal {
  private Terminal() {}

  static boolean colour(boolean isTerminal, boolean noColorFlag, String noColorEnv) {
    return isTerminal && !noColorFlag && (noColorEnv == null || noColorEnv.isEmpty());
  }
}
