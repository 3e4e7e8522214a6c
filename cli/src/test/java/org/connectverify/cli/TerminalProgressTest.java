package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
  private final StringWriter err = new StringWriter();
  private final AtomicLong now = new AtomicLong(0);
  private final TerminalProgress progress = new TerminalProgress(new PrintWriter(err), now::get);

  @Test
  void staysSilentForShortRuns() {
    progress.progress(1, 10);
    now.set(TerminalProgress.DELAY_NANOS - 1);
    progress.progress(10, 10);
    progress.finished();
    assertEquals("", err.toString());
  }

  @Test
  void rewritesOneLineForLongRunsAtMostFiveTimesASecondAndClearsIt() {
    now.set(TerminalProgress.DELAY_NANOS);
    progress.progress(5, 200);
    now.addAndGet(TerminalProgress.INTERVAL_NANOS / 2);
    progress.progress(6, 200);
    now.addAndGet(TerminalProgress.INTERVAL_NANOS);
    progress.progress(150, 200);
    progress.finished();
    String line1 = "connect-verify: probed 5 of 200 URLs";
    String line2 = "connect-verify: probed 150 of 200 URLs";
    assertEquals(
        "\r" + line1 + "\r" + line2 + "\r" + " ".repeat(line2.length()) + "\r", err.toString());
  }
}
