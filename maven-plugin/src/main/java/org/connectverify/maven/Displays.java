package org.connectverify.maven;

import java.nio.file.Path;

/** How a path is shown in logs and reports: relative to the run's base folder with {@code /}, as the core does. */
record Displays(Path baseDir) {
  Displays {
    baseDir = baseDir.toAbsolutePath().normalize();
  }

  String of(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path shown = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
    String s = shown.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
