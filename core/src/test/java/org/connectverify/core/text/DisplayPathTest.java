package org.connectverify.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a file is shown in reports: the quick path for a file under the base folder answers as relativize does. */
class DisplayPathTest {
  /** The rule as written first. */
  private static String byRelativize(Path file, Path baseDir) {
    Path abs = file.toAbsolutePath().normalize();
    Path shown = abs.startsWith(baseDir) ? baseDir.relativize(abs) : file.normalize();
    return shown.toString().replace('\\', '/');
  }

  @Test
  void showsAsRelativizeDoes() {
    Path cwd = Path.of("").toAbsolutePath();
    List<Path> bases =
        List.of(Path.of("/"), Path.of("/work/app"), Path.of("/work/app/"), Path.of("/work/ap"), Path.of(""),
            Path.of("work"), Path.of("/work/./app"), Path.of("/work/x/../app"), cwd, cwd.getParent());
    List<Path> files =
        List.of(Path.of("/work/app/atlassian-connect.json"), Path.of("/work/app"), Path.of("/work/apps/a.json"),
            Path.of("/work/app/src/../b.json"), Path.of("/work/app/back\\slash.json"), Path.of("a.json"),
            Path.of("../shared/x.json"), Path.of("./sub/./c.json"), Path.of("/other/d.json"), Path.of("/"));
    for (Path base : bases) {
      for (Path file : files) {
        assertEquals(byRelativize(file, base), Strings.displayPath(file, base), file + " under " + base);
      }
    }
  }

  @Test
  void aFileUnderTheBaseIsShownRelativeToIt() {
    assertEquals("sub/a.json", Strings.displayPath(Path.of("/work/app/sub/a.json"), Path.of("/work/app")));
    assertEquals("work/app/a.json", Strings.displayPath(Path.of("/work/app/a.json"), Path.of("/")));
    assertEquals("/elsewhere/a.json", Strings.displayPath(Path.of("/elsewhere/a.json"), Path.of("/work/app")));
  }
}
