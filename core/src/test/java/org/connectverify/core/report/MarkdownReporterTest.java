package org.connectverify.core.report;

import static org.connectverify.core.report.SampleReports.assertGolden;
import static org.connectverify.core.report.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownReporterTest {

  @Test
  void outputMatchesGolden() throws Exception {
    assertGolden("report.md", render(new MarkdownReporter(SampleReports.settings().build()), SampleReports.findings()));
  }

  @Test
  void cleanOutputMatchesGolden() throws Exception {
    assertGolden("clean.md", render(new MarkdownReporter(SampleReports.settings().build()), SampleReports.clean()));
  }

  @Test
  void everyTableRowHasExactlyItsColumnsDespitePipesInMessages() throws Exception {
    String out = render(new MarkdownReporter(SampleReports.settings().build()), SampleReports.findings());
    for (String line : out.lines().filter(l -> l.startsWith("| ")).toList()) {
      long cells = line.replace("\\|", "").chars().filter(c -> c == '|').count() - 1;
      long header = line.startsWith("| severity | count") || line.matches("\\| (error|warning|info) \\| \\d+ \\|") ? 2
          : line.startsWith("| app") || line.contains("checked") || line.contains("| jira |")
              || line.contains("(not parsed)") || line.contains("(other files)") ? 7 : 4;
      assertEquals(header, cells, line);
    }
    assertTrue(out.contains("Issue Helper \\| for Jira") || out.contains("key is 78 characters long \\| the"), out);
  }

  @Test
  void aMigrationDiffReadsAsReleaseNotes() throws Exception {
    java.nio.file.Path c =
        org.connectverify.core.TestPaths.root().resolve("core/src/test/resources/diff/module-forge-key-changed");
    org.connectverify.core.Report r =
        org.connectverify.core.diff.DescriptorDiff.create(
                org.connectverify.core.VerifyOptions.builder().baseDir(c).build())
            .diff(
                new org.connectverify.core.diff.DiffSide(
                    "atlassian-connect.json", java.nio.file.Files.readAllBytes(c.resolve("old.json"))),
                new org.connectverify.core.diff.DiffSide(
                    "manifest.yml", java.nio.file.Files.readAllBytes(c.resolve("new.yml"))));
    ReportSettings settings =
        ReportSettings.builder().build();
    assertGolden("diff-migration.md", render(new MarkdownReporter(settings), r));
  }

  @Test
  void escapesMarkdownAndHtmlInCells() {
    assertEquals("a \\| b \\<i\\> \\*c\\* \\_d\\_ \\[e\\] f", MarkdownReporter.cell("a | b <i> *c* _d_ [e]\nf"));
  }
}
