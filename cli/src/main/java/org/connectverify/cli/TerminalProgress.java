package org.connectverify.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.connectverify.core.http.ProgressListener;

/**
 * Shows how many URLs have been probed on one self-rewriting stderr line, only for long runs (after the first two
 * seconds) and at most five times a second; the line is cleared at the end. Used only when on a terminal.
 */
final class TerminalProgress implements ProgressListener {
  static final long DELAY_NANOS = 2_000_000_000L;
  static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final LongSupplier clock;
  private final long start;
  private long lastShown;
  private int width;

  TerminalProgress(PrintWriter err) {
    this(err, System::nanoTime);
  }

  TerminalProgress(PrintWriter err, LongSupplier clock) {
    this.err = err;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  @Override
  public synchronized void progress(int done, int submitted) {
    long now = clock.getAsLong();
    if (now - start < DELAY_NANOS || (width > 0 && now - lastShown < INTERVAL_NANOS && done < submitted)) {
      return;
    }
    lastShown = now;
    String line = "connect-verify: probed " + done + " of " + submitted + " URLs";
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = line.length();
  }

  @Override
  public synchronized void finished() {
    if (width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }
}
