package org.connectverify.core.diff;

import java.util.List;
import org.connectverify.core.Rule;

/**
 * One classification of the changes between two descriptors. Implementations are final classes with their rule
 * metadata; they read both descriptors through the context, report findings into it, and claim the pointers they
 * have explained so that {@link AutomaticChanges} lists only what nothing else did.
 */
interface DiffCheck {
  /** Every rule this check can report. */
  List<Rule> rules();

  /** Compares the two descriptors of the context and reports into it. */
  void check(DiffContext ctx);
}
