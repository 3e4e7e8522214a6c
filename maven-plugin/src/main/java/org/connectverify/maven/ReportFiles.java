package org.connectverify.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.connectverify.core.report.Reports;
import org.connectverify.core.run.ReportTarget;

/**
 * The reports a run writes into a folder: one {@code connect-verify.<ext>} file per format (names and file names are
 * core's, {@link Reports}), JSON always and first.
 */
final class ReportFiles {
  private final Set<String> formats = new LinkedHashSet<>();

  /** @throws IllegalArgumentException for an unknown format, naming the known ones */
  ReportFiles(List<String> requested) {
    formats.add("json");
    for (String f : requested == null ? List.<String>of() : requested) {
      if (!f.isBlank()) {
        formats.add(Reports.canonical(f));
      }
    }
  }

  List<String> formats() {
    return List.copyOf(formats);
  }

  /** Where each format goes in {@code dir}; the JSON report first. */
  List<ReportTarget> targets(Path dir) {
    return targets(dir, null);
  }

  /** Where each format goes: in {@code dir}, except JUnit to {@code junit} when given; the JSON report first. */
  List<ReportTarget> targets(Path dir, Path junit) {
    List<ReportTarget> out = new ArrayList<>();
    for (String format : formats) {
      Path file = format.equals("junit") && junit != null ? junit : dir.resolve(Reports.defaultFileName(format));
      out.add(new ReportTarget(format, file));
    }
    return out;
  }

  static Path json(Path dir) {
    return dir.resolve(Reports.defaultFileName("json"));
  }
}
