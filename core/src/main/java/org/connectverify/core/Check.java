package org.connectverify.core;

import java.util.List;

/**
 * One check over one descriptor. Implementations are final classes with their rule metadata, configured through the
 * constructor, with no logging and no I/O except through the context. A check that throws is turned into an
 * {@code internal/check-failed} finding by the runner.
 */
public interface Check {
  /** Every rule this check can report. */
  List<Rule> rules();

  /** Reads the context and reports findings into it. */
  void check(CheckContext ctx);
}
