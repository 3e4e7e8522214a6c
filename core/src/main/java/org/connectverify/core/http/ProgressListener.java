package org.connectverify.core.http;

/**
 * Told how a run's network probes advance. Called from the prober's threads; implementations synchronise themselves.
 * Hosts decide whether to show anything (the CLI prints to stderr for long runs on a terminal only).
 */
public interface ProgressListener {
  /** Does nothing. */
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void progress(int done, int submitted) {}
  };

  /** {@code done} of the {@code submitted} distinct requests so far have their result. */
  void progress(int done, int submitted);

  /** The run's probing is over (the prober was closed). */
  default void finished() {}
}
