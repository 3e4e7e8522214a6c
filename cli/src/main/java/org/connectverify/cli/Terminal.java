package org.connectverify.cli;

/**
 * The host's decision about colours: {@code --color=always|never} decide; {@code auto} (the default) means a terminal,
 * unless {@code --no-color} or a non-empty {@code NO_COLOR} (https://no-color.org) turns colours off, and a
 * {@code FORCE_COLOR} other than empty, {@code 0} or {@code false} turns them on where there is no terminal (CI logs
 * that render ANSI, as GitHub Actions and GitLab do). An explicit {@code --color} wins over both variables.
 */
final class Terminal {
  private Terminal() {}

  static boolean colour(boolean isTerminal, String when, boolean noColorFlag, String noColorEnv, String forceColorEnv) {
    String w = when == null ? "auto" : when.trim().toLowerCase(java.util.Locale.ROOT);
    switch (w) {
      case "always":
        return true;
      case "never":
        return false;
      case "auto":
        break;
      default:
        throw new IllegalArgumentException("--color takes always, never or auto, not '" + when + "'");
    }
    if (noColorFlag || (noColorEnv != null && !noColorEnv.isEmpty())) {
      return false;
    }
    if (forceColorEnv != null && !forceColorEnv.isEmpty() && !forceColorEnv.equals("0")
        && !forceColorEnv.equalsIgnoreCase("false")) {
      return true;
    }
    return isTerminal;
  }
}
