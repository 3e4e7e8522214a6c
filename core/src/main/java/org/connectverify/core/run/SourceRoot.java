package org.connectverify.core.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root that CI systems resolve report paths against (GitHub code scanning, GitLab Code Quality): the
 * nearest folder at or above the base folder holding {@code .git} (a folder, or a file in a worktree or submodule).
 */
public final class SourceRoot {
  private SourceRoot() {}

  /** The nearest folder at or above {@code start} with a {@code .git} entry, or null outside any repository. */
  public static Path find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    return null;
  }

  /**
   * What to put before a display path (relative to {@code baseDir}) to make it relative to {@code root}: {@code ""}
   * when they are the same folder, else e.g. {@code "apps/jira/"}; null when {@code baseDir} is not inside
   * {@code root}.
   */
  public static String prefix(Path root, Path baseDir) {
    Path r = root.toAbsolutePath().normalize();
    Path b = baseDir.toAbsolutePath().normalize();
    if (!b.startsWith(r)) {
      return null;
    }
    String rel = r.relativize(b).toString().replace('\\', '/');
    return rel.isEmpty() ? "" : rel + "/";
  }

  /**
   * Settings that map display paths (relative to {@code baseDir}) to paths relative to {@code root} when given
   * ({@code --source-root}), else to the repository found above {@code baseDir}; unchanged when there is neither.
   */
  public static org.connectverify.core.report.ReportSettings.Builder applyTo(
      org.connectverify.core.report.ReportSettings.Builder settings, Path root, Path baseDir) {
    Path r = root != null ? root : find(baseDir);
    return r == null ? settings : settings.sourceRoot(r, baseDir);
  }
}
