package org.connectverify.core.run;

import java.nio.file.Path;
import org.connectverify.core.report.Reports;

/**
 * One report to write: a format and a file, or standard output when {@code file} is null.
 *
 * @param format a name from {@link Reports#NAMES}
 * @param file where to write, or null for standard output
 */
public record ReportTarget(String format, Path file) {

  public ReportTarget {
    format = Reports.canonical(format);
  }

  /**
   * Parses {@code FORMAT}, {@code FORMAT=FILE} or {@code FORMAT=-} (standard output); relative files resolve against
   * {@code base} (null: as given).
   *
   * @throws IllegalArgumentException for an unknown format or an empty file name
   */
  public static ReportTarget parse(String spec, Path base) {
    int eq = spec.indexOf('=');
    if (eq < 0) {
      return new ReportTarget(spec, null);
    }
    String format = spec.substring(0, eq);
    String file = spec.substring(eq + 1).trim();
    if (file.isEmpty()) {
      throw new IllegalArgumentException("report '" + spec + "' names no file (expected FORMAT=FILE)");
    }
    if (file.equals("-")) {
      return new ReportTarget(format, null);
    }
    Path p = Path.of(file);
    return new ReportTarget(format, base == null || p.isAbsolute() ? p : base.resolve(p));
  }

  public boolean toStdout() {
    return file == null;
  }

  @Override
  public String toString() {
    return format + "=" + (file == null ? "-" : file.toString());
  }
}
