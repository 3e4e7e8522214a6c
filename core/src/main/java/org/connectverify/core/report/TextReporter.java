package org.connectverify.core.report;

import java.io.IOException;
import java.io.Writer;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;

/**
 * Plain text: one canonical line per finding ({@code path:line:col: severity: message [rule-id]}), its hint and related
 * locations indented below, then which product each descriptor was checked as and a summary line.
 */
public final class TextReporter implements Reporter {
  private final boolean quiet;

  /** @param quiet print only the finding lines */
  public TextReporter(boolean quiet) {
    this.quiet = quiet;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    for (Finding f : report.findings()) {
      out.write(f.toString());
      out.write('\n');
      if (quiet) {
        continue;
      }
      for (Finding.Related r : f.related()) {
        out.write("    " + r.position().describe() + ": " + r.message() + "\n");
      }
      if (f.hint() != null) {
        out.write("    hint: " + f.hint() + "\n");
      }
    }
    if (quiet) {
      return;
    }
    if (!report.findings().isEmpty()) {
      out.write('\n');
    }
    for (Report.Checked d : report.descriptors()) {
      if (d.product() != null) {
        out.write(d.file() + ": checked as " + d.product().label() + " (" + d.productReason() + ")\n");
      }
    }
    for (String note : report.notes()) {
      out.write("note: " + note + "\n");
    }
    out.write(report.summary() + (report.failed() ? " (failed at --fail-on " + report.failOn().label() + ")" : "") + "\n");
  }
}
