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
   * {@code ../shared} beside the repository (or the folder named by the {@code connectverify.shared} system property or
   * the {@code CONNECT_VERIFY_SHARED} environment variable, for worktrees kept elsewhere), or null when it is absent
   * (a plain clone).
   */
  public static Path shared() {
    String override = System.getProperty("connectverify.shared", System.getenv("CONNECT_VERIFY_SHARED"));
    Path s = override != null && !override.isBlank() ? Path.of(override) : root().resolve("../shared").normalize();
    return Files.isDirectory(s) ? s : null;
  }
}
