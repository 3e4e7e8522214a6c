package org.connectverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.report.ReportSettings;
import org.connectverify.core.report.RuleDocs;
import org.connectverify.core.run.ReportTarget;
import org.connectverify.core.run.ReportWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The report options every command shares: {@code --format X [--output FILE]} pairs and {@code --report FORMAT=FILE},
 * in any of the formats of core's {@code Reports}; and how a command ends once its report is written. Commands hold it
 * as a picocli argument group ({@code @ArgGroup(exclusive = false, multiplicity = "0..1")}), not a mixin: a mixin
 * holding the repeating group made picocli list its options twice in the help.
 */
final class ReportOptions {

  /** One {@code --format X [--output FILE]} pair; picocli starts a new pair when an option repeats. */
  static final class Output {
    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "text, json, sarif, junit, github, markdown or codequality (default: text). Repeatable, each with its"
            + " --output.")
    String format = "text";

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write the report of the preceding --format to FILE ('-': stdout) instead of stdout.")
    Path output;
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<Output> outputs = new ArrayList<>();

  @Option(
      names = "--report",
      paramLabel = "FORMAT=FILE",
      description = "Also write a report in FORMAT to FILE ('-' for stdout); the findings still show on the terminal"
          + " unless -q. Repeatable.")
  List<String> reports = new ArrayList<>();

  /**
   * The reports asked for, in order (empty when none was).
   *
   * @throws IllegalArgumentException for an unknown format or a {@code --report} without a file
   */
  List<ReportTarget> asked() {
    List<ReportTarget> out = new ArrayList<>();
    outputs.forEach(o -> out.add(new ReportTarget(o.format, isStdout(o.output) ? null : o.output)));
    reports.forEach(r -> out.add(ReportTarget.parse(r, null)));
    return out;
  }

  private static boolean isStdout(Path output) {
    return output != null && output.toString().equals("-");
  }

  /**
   * The asked reports plus, when none goes to standard output and the user did not ask for quiet, the text findings
   * there (what {@code verify} does through {@code RunOptions.Builder#terminalText}).
   */
  static List<ReportTarget> withTerminalText(List<ReportTarget> asked, boolean quiet) {
    if (quiet || asked.isEmpty() || asked.stream().anyMatch(ReportTarget::toStdout)) {
      return asked;
    }
    List<ReportTarget> out = new ArrayList<>();
    out.add(new ReportTarget("text", null));
    out.addAll(asked);
    return out;
  }

  /**
   * Writes a finished report (of {@code diff} or {@code probe}) as {@code verify} writes its own, then ends like it.
   *
   * @param targets from {@link ReportWriter#targets} over {@link #asked()}
   * @param rulesRun the rules the command ran (JUnit lists one test case per rule)
   * @return the exit code
   */
  static int write(
      Report report,
      List<ReportTarget> targets,
      Collection<Rule> rulesRun,
      boolean quiet,
      PrintWriter out,
      PrintWriter err) {
    Path cwd = Path.of("").toAbsolutePath();
    ReportSettings settings =
        org.connectverify.core.run.SourceRoot.applyTo(ReportSettings.builder(), null, cwd)
            .quiet(quiet)
            .ruleHelp(RuleDocs::page)
            .rulesRun(rulesRun)
            .build();
    List<String> messages;
    try {
      messages = ReportWriter.write(report, targets, settings, settings, cwd, out);
    } catch (IOException e) {
      err.println("connect-verify: cannot write: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return finish(report, targets, messages, quiet, err);
  }

  /**
   * Tells the user what was written and, when no report went to standard output, the summary; returns the exit code.
   */
  static int finish(Report report, List<ReportTarget> targets, List<String> messages, boolean quiet, PrintWriter err) {
    if (!quiet) {
      messages.forEach(err::println);
      if (targets.stream().noneMatch(ReportTarget::toStdout)) {
        err.println(report.summary());
      }
    }
    err.flush();
    return report.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
