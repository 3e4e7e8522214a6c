package org.connectverify.core;

import java.util.List;

/**
 * One check over all the descriptors of a run together (several apps verified as one set: the same key twice, a
 * shared resource missing for one app). Runs after every per-descriptor {@link Check}, when a run has two Connect
 * descriptors or more (one alone has nothing to be compared with); like them, a final class with its rule metadata, no
 * logging and no I/O except through the context. A set check that throws becomes an {@code internal/check-failed}
 * finding.
 */
public interface SetCheck {
  /** Every rule this check can report. */
  List<Rule> rules();

  /**
   * Works out, from one member alone, what {@link #check} will need of it, and keeps it on the member ({@link
   * SetContext.Member#memo}). The verifier calls it on the verifying threads, right after the member's own checks, so
   * that this work is spread over the cores; {@link #check} then runs on one thread over the whole set. It reports
   * nothing, and {@link #check} must find the same whether or not it ran. By default it does nothing.
   */
  default void prepare(SetContext.Member member) {}

  /** Reads the set and reports findings into it. */
  void check(SetContext ctx);
}
