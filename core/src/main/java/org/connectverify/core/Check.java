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

  /**
   * Called before any check of the run reads any descriptor, once per descriptor this check will read. A check that
   * waits on the network starts its requests here (through {@link CheckContext#http()}), so they are in flight while
   * the offline checks work. It must not report findings. By default it does nothing.
   */
  default void prepare(CheckContext ctx) {}
}
