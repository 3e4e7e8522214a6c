package org.connectverify.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the repository and the shared reference material. */
public final class TestPaths {
  private TestPaths() {}

  /** The repository root (set by surefire; falls back to the parent of the working directory). */
  public static Path root() {
    String p = System.getProperty("connectverify.root");
    Path root = p != null ? Path.of(p) : Path.of("..");
    return root.toAbsolutePath().normalize();
  }

  /** Rule fixtures: {@code core/src/test/resources/rules/<category>/<name>/<case>/}. */
  public static Path ruleFixtures() {
    return root().resolve("core/src/test/resources/rules");
  }

  /**
   * {@code ../shared} beside the repository (or beside the folder of worktrees holding it), or null when it is absent
   * (a plain clone).
   */
  public static Path shared() {
    for (String candidate : new String[] {"../shared", "../../shared"}) {
      Path s = root().resolve(candidate).normalize();
      if (Files.isDirectory(s.resolve("corpus"))) {
        return s;
      }
    }
    return null;
  }
}
