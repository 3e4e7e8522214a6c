package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.connectverify.core.run.ReportTarget;
import org.junit.jupiter.api.Test;

class ReportFilesTest {
  @Test
  void jsonIsAlwaysWrittenFirstAndEveryFormatGetsItsConventionalFile() {
    Path dir = Path.of("target/connect-verify");
    ReportFiles files = new ReportFiles(List.of("SARIF", "junit", "json", " markdown "));
    assertEquals(List.of("json", "sarif", "junit", "markdown"), files.formats());
    assertEquals(
        List.of(
            new ReportTarget("json", dir.resolve("connect-verify.json")),
            new ReportTarget("sarif", dir.resolve("connect-verify.sarif")),
            new ReportTarget("junit", dir.resolve("connect-verify.junit.xml")),
            new ReportTarget("markdown", dir.resolve("connect-verify.md"))),
        files.targets(dir));
  }

  @Test
  void anUnknownFormatNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReportFiles(List.of("sarf")));
    assertTrue(e.getMessage().startsWith("unknown format 'sarf' (expected text, json, sarif, junit, github, markdown, codequality)"),
        e.getMessage());
  }
}
