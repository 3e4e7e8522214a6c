package org.connectverify.core.report;

import java.io.IOException;
import java.io.Writer;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;

/**
 * GitHub Actions workflow commands: one {@code ::error|warning|notice file=F,line=L,col=C,title=RULE::message}
 * annotation per finding (shown on the pull request's diff), the hint and related locations on further lines of the
 * message, a {@code ::notice} per run note, then the plain summary line. Escaping follows GitHub's runner: in the
 * message {@code %}, CR and LF are percent-encoded; in properties also {@code :} and {@code ,}. File paths are relative to
 * the source root (the repository, which is the workflow's workspace), as GitHub resolves them.
 */
public final class GithubReporter implements Reporter {
  private final ReportSettings settings;

  public GithubReporter() {
    this(ReportSettings.defaults());
  }

  public GithubReporter(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    for (Finding f : report.findings()) {
      StringBuilder props = new StringBuilder();
      props.append("file=").append(property(settings.sourcePath(f.file())));
      if (f.line() > 0) {
        props.append(",line=").append(f.line());
        if (f.column() > 0) {
          props.append(",col=").append(f.column());
        }
      }
      props.append(",title=").append(property(f.ruleId()));
      StringBuilder message = new StringBuilder(f.message());
      for (Finding.Related r : f.related()) {
        message.append('\n').append(r.position().describe()).append(": ").append(r.message());
      }
      if (f.hint() != null) {
        message.append("\nhint: ").append(f.hint());
      }
      out.write("::" + command(f) + " " + props + "::" + data(message.toString()) + "\n");
    }
    for (String note : report.notes()) {
      out.write("::notice title=connect-verify::" + data(note) + "\n");
    }
    out.write("connect-verify: " + TextReporter.summary(report) + "\n");
  }

  private static String command(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /** Escaping of a command's message (GitHub's {@code escapeData}). */
  static String data(String s) {
    String d = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    // any other control character (a terminal escape from a descriptor or a server) is shown, never interpreted
    return org.connectverify.core.text.Strings.printable(d);
  }

  /** Escaping of a command property value (GitHub's {@code escapeProperty}). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
