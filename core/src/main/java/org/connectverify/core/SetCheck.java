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

  /** Reads the set and reports findings into it. */
  void check(SetContext ctx);
}
