package org.connectverify.core;

import java.util.List;

/** Rules about the run itself rather than the descriptor. */
public final class InternalRules {
  private InternalRules() {}

  public static final Rule CHECK_FAILED =
      Rule.of(
          "internal/check-failed",
          Severity.ERROR,
          "A check crashed on this input: a bug in connect-verify, reported as a finding so the run goes on.");

  /**
   * Runs one check with the only broad catch of a run: a check that crashes becomes a {@link #CHECK_FAILED} finding
   * on {@code file} and the run goes on. (The verifier's loops over each file's checks catch the same throwables in
   * place, without a lambda per check, and report them with {@link #crashed}.)
   *
   * @param kind what sort of check it is, e.g. {@code check}; with {@code type}'s simple name it names the check in
   *     the message ({@code check SchemaCheck}), built only when the check crashes
   * @param hint the finding's hint
   */
  public static void guard(
      String kind, Class<?> type, Runnable check, String file, String hint, List<Finding> findings) {
    try {
      check.run();
    } catch (RuntimeException | StackOverflowError e) {
      findings.add(crashed(kind, type, e, file, hint));
    }
  }

  /** The {@link #CHECK_FAILED} finding for a check of {@code type} that threw {@code e}, as {@link #guard} makes it. */
  public static Finding crashed(String kind, Class<?> type, Throwable e, String file, String hint) {
    String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new Finding(
        CHECK_FAILED.id(),
        CHECK_FAILED.defaultSeverity(),
        Position.ofFile(file),
        kind + " " + type.getSimpleName() + " crashed (" + why + ")",
        hint,
        List.of());
  }
}
