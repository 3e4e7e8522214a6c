package org.connectverify.core.run;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.Report;
import org.connectverify.core.report.ReportSettings;
import org.connectverify.core.report.Reports;

/**
 * Writes a finished report in every format asked for, to standard output or to files, the same way for every command
 * ({@code verify}, {@code diff}, {@code probe}) and host.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * The reports to write: {@code asked}, or plain text on standard output when nothing was asked.
   *
   * @throws IllegalArgumentException when more than one report goes to standard output
   */
  public static List<ReportTarget> targets(List<ReportTarget> asked) {
    List<ReportTarget> targets = asked.isEmpty() ? List.of(new ReportTarget("text", null)) : List.copyOf(asked);
    if (targets.stream().filter(ReportTarget::toStdout).count() > 1) {
      throw new IllegalArgumentException(
          "only one report can go to standard output; give the others a file (--format X --output FILE or"
              + " --report X=FILE)");
    }
    return targets;
  }

  /**
   * Writes {@code report} to every target.
   *
   * @param toStdout how the report on standard output looks (colours, snippets)
   * @param toFiles how reports in files look (plain)
   * @param baseDir files are named relative to it in the messages
   * @return one line for the user per file written, e.g. {@code sarif report written to build/cv.sarif}
   * @throws IOException when a file cannot be written
   */
  public static List<String> write(
      Report report,
      List<ReportTarget> targets,
      ReportSettings toStdout,
      ReportSettings toFiles,
      Path baseDir,
      Writer stdout)
      throws IOException {
    List<String> messages = new ArrayList<>();
    for (ReportTarget target : targets) {
      if (target.toStdout()) {
        Reports.create(target.format(), toStdout).write(report, stdout);
        stdout.flush();
      } else {
        writeFile(target.file(), out -> Reports.create(target.format(), toFiles).write(report, out));
        messages.add(target.format() + " report written to " + Runner.display(target.file(), baseDir));
      }
    }
    return messages;
  }

  @FunctionalInterface
  interface Body {
    void write(Writer out) throws IOException;
  }

  /** Renders in memory first, so a failing reporter leaves no half-written file; creates missing folders. */
  static void writeFile(Path file, Body body) throws IOException {
    StringWriter buffer = new StringWriter();
    body.write(buffer);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    // getBytes replaces what UTF-8 cannot encode (an unpaired surrogate from a descriptor value) instead of throwing,
    // which Files.writeString would do, failing every report file
    Files.write(file, buffer.toString().getBytes(StandardCharsets.UTF_8));
  }
}
