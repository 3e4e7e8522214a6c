package org.connectverify.core.online;

import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;

/**
 * A check of the deployment. Before any check reads a descriptor, each sends every request of the descriptor's
 * {@link Plan} (the prober sends each once and caches it), so the network work overlaps with the offline checks;
 * when a check runs it reads the cached results through {@link OnlineRun}.
 */
interface OnlineCheck extends Check {
  @Override
  default void prepare(CheckContext ctx) {
    OnlineRun.start(ctx);
  }
}
