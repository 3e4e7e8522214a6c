package org.connectverify.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;

/** How every goal shows a report in the Maven log, so {@code verify}, {@code diff} and {@code probe} look alike. */
final class ReportLog {
  private ReportLog() {}

  /** The finding as the text report shows it (canonical line, related locations, hint), every line at its level. */
  static void finding(Log log, Finding f) {
    List<String> lines = new ArrayList<>();
    lines.add(f.toString());
    for (Finding.Related r : f.related()) {
      lines.add("    " + r.position().describe() + ": " + r.message());
    }
    if (f.hint() != null) {
      lines.add("    hint: " + f.hint());
    }
    for (String line : lines) {
      switch (f.severity()) {
        case ERROR -> log.error(line);
        case WARNING -> log.warn(line);
        case INFO -> log.info(line);
      }
    }
  }

  /** Which product each descriptor was checked as, and why; then the run's notes. At INFO. */
  static void descriptorsAndNotes(Log log, Report report) {
    for (Report.Checked d : report.descriptors()) {
      if (d.product() != null) {
        log.info("connect-verify: " + d.file() + " checked as " + d.product().label() + " (" + d.productReason() + ")");
      }
    }
    report.notes().forEach(n -> log.info("connect-verify: " + n));
  }
}
