package org.connectverify.maven;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.connectverify.core.Report;
import org.connectverify.core.report.JsonReporter;
import org.connectverify.core.report.Reporter;
import org.connectverify.core.report.TextReporter;

/**
 * Writes a report as {@code connect-verify.<ext>} files, one per format; JSON always. The format names are the CLI's
 * {@code --format} names; when the core gains its reporter factory this switch becomes a call to it.
 */
final class ReportFiles {
  static final String BASE_NAME = "connect-verify";

  private final Set<String> formats = new LinkedHashSet<>();

  /** @throws IllegalArgumentException for an unknown format, naming the known ones */
  ReportFiles(List<String> requested) {
    formats.add("json");
    for (String f : requested == null ? List.<String>of() : requested) {
      String name = f.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        extension(name);
        formats.add(name);
      }
    }
  }

  List<String> formats() {
    return List.copyOf(formats);
  }

  /** Writes every format into {@code dir}; returns the files written. */
  List<Path> write(Report report, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (String format : formats) {
      Path file = dir.resolve(BASE_NAME + "." + extension(format));
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        reporter(format).write(report, w);
      }
      written.add(file);
    }
    return written;
  }

  private static String extension(String format) {
    return switch (format) {
      case "json" -> "json";
      case "text" -> "txt";
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected json or text)");
    };
  }

  private static Reporter reporter(String format) {
    return switch (format) {
      case "text" -> new TextReporter(false);
      default -> new JsonReporter();
    };
  }
}
