package org.connectverify.core.report;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.connectverify.core.FailOn;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;

/**
 * A summary a release manager can paste into a ticket, a pull request or a GitHub job summary: the overall verdict,
 * a verdict per app (descriptor) with its counts, the counts by severity, the run's notes and the findings table.
 * Cell text is escaped so pipes, brackets and HTML in messages cannot break the table. A {@code diff} report is
 * written as release notes instead, grouped by what each change does to customers who already have the app.
 */
public final class MarkdownReporter implements Reporter {
  private final ReportSettings settings;

  public MarkdownReporter(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    if (isDiff(report)) {
      writeReleaseNotes(report, out);
      return;
    }
    out.write("## connect-verify: " + (report.failed() ? "FAILED" : "passed") + "\n\n");
    out.write(
        report.summary() + "; the run fails on "
            + (report.failOn().label().equals("never") ? "nothing" : report.failOn().label() + " and above")
            + ".\n\n");

    out.write("| app | descriptor | product | verdict | errors | warnings | infos |\n");
    out.write("|---|---|---|---|---:|---:|---:|\n");
    Set<String> descriptorFiles = new LinkedHashSet<>();
    for (Report.Checked d : report.descriptors()) {
      descriptorFiles.add(d.file());
      List<Finding> own = report.findings().stream().filter(f -> f.file().equals(d.file())).toList();
      row(
          out,
          report.failOn(),
          d.key() == null ? "(unknown)" : code(d.key()),
          code(d.file()),
          d.product() != null ? d.product().label() : d.productReason() != null ? d.productReason() : "(not parsed)",
          own);
    }
    List<Finding> others = report.findings().stream().filter(f -> !descriptorFiles.contains(f.file())).toList();
    if (!others.isEmpty()) {
      row(out, report.failOn(), "(other files)", "", "", others);
    }
    out.write("\n| severity | count |\n|---|---:|\n");
    for (Severity s : Severity.values()) {
      out.write("| " + s.label() + " | " + report.count(s) + " |\n");
    }
    if (!report.notes().isEmpty()) {
      out.write("\n");
      for (String note : report.notes()) {
        out.write("- " + cell(note) + "\n");
      }
    }
    out.write("\n### Findings\n\n");
    if (report.findings().isEmpty()) {
      out.write("No findings.\n");
      return;
    }
    out.write("| severity | rule | location | message |\n|---|---|---|---|\n");
    for (Finding f : report.findings()) {
      String message = f.hint() == null ? f.message() : f.message() + " (hint: " + f.hint() + ")";
      out.write(
          "| " + f.severity().label()
              + " | [" + cell(f.ruleId()) + "](" + settings.rule(f.ruleId()).docUrl() + ")"
              + " | " + code(f.position().describe())
              + " | " + cell(message) + " |\n");
    }
  }

  private static final String VERDICT = "Marketplace update: ";

  /** A {@code connect-verify diff} report: it always ends with the Marketplace verdict note. */
  private static boolean isDiff(Report report) {
    return report.notes().stream().anyMatch(n -> n.startsWith(VERDICT)) && report.descriptors().size() == 2;
  }

  /**
   * A release diff as release notes: what the update is to the Marketplace, then the changes grouped by what they do
   * to customers who have the app (break or lose data, need each admin's approval, roll out automatically), each with
   * where it is and what to do instead, then the other notes.
   */
  private void writeReleaseNotes(Report report, Writer out) throws IOException {
    Report.Checked older = report.descriptors().get(0);
    Report.Checked newer = report.descriptors().get(1);
    String app = newer.key() != null ? newer.key() : older.key();
    out.write("## Release notes" + (app == null ? "" : ": " + code(app)) + "\n\n");
    out.write(code(older.file()) + " → " + code(newer.file())
        + (newer.product() == null ? "" : " (" + newer.product().label() + ")") + "\n\n");
    String verdict = report.notes().stream().filter(n -> n.startsWith(VERDICT)).findFirst().orElse("");
    out.write("**" + cell(verdict) + "**\n\n");
    out.write(report.summary() + "; the check fails on "
        + (report.failOn().label().equals("never") ? "nothing" : report.failOn().label() + " and above")
        + (report.failed() ? ": **fix before release**" : ": ready to release") + ".\n");
    section(out, "Breaking for existing customers: fix before release", report, Severity.ERROR);
    section(out, "Needs each admin's approval, or changes behaviour on existing sites", report, Severity.WARNING);
    section(out, "Rolls out automatically", report, Severity.INFO);
    List<String> others = report.notes().stream().filter(n -> !n.startsWith(VERDICT)).toList();
    if (!others.isEmpty()) {
      out.write("\n### Notes\n\n");
      for (String note : others) {
        out.write("- " + cell(note) + "\n");
      }
    }
  }

  private void section(Writer out, String title, Report report, Severity severity) throws IOException {
    List<Finding> findings = report.findings().stream().filter(f -> f.severity() == severity).toList();
    if (findings.isEmpty()) {
      return;
    }
    out.write("\n### " + title + " (" + findings.size() + ")\n\n");
    for (Finding f : findings) {
      out.write("- " + cell(f.message()) + " (" + code(f.position().describe()) + ", ["
          + cell(f.ruleId()) + "](" + settings.rule(f.ruleId()).docUrl() + "))\n");
      if (f.hint() != null) {
        out.write("  - Do instead: " + cell(f.hint()) + "\n");
      }
    }
  }

  private static void row(Writer out, FailOn failOn, String app, String file, String product, List<Finding> findings) throws IOException {
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long infos = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
    boolean failed = findings.stream().anyMatch(f -> failOn.fails(f.severity()));
    out.write(
        "| " + app + " | " + file + " | " + product + " | " + (failed ? "**failed**" : "passed") + " | " + errors
            + " | " + warnings + " | " + infos + " |\n");
  }

  /** Escapes text for a table cell: Markdown punctuation, HTML and pipes; line breaks become spaces. */
  static String cell(String raw) {
    String s = org.connectverify.core.text.Strings.printable(raw.replace('\n', ' ').replace('\r', ' '));
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~' -> sb.append('\\').append(c);
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A code span, long enough to hold any backticks inside; pipes still escaped for tables. */
  static String code(String s) {
    String fence = s.contains("`") ? "``" : "`";
    String pad = s.contains("`") ? " " : "";
    return fence + pad + s.replace("|", "\\|").replace('\n', ' ') + pad + fence;
  }
}
