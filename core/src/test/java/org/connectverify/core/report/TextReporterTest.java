package org.connectverify.core.report;

import static org.connectverify.core.report.SampleReports.assertGolden;
import static org.connectverify.core.report.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.connectverify.core.FailOn;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.junit.jupiter.api.Test;

class TextReporterTest {

  @Test
  void plainOutputMatchesGolden() throws Exception {
    String out = render(new TextReporter(SampleReports.settings().build()), SampleReports.findings());
    assertGolden("text-plain.txt", out);
    assertFalse(out.contains("\u001b"), "no escape codes without colour");
  }

  @Test
  void terminalOutputHasSnippetsCaretsAndColoursAndMatchesGolden() throws Exception {
    String out =
        render(
            new TextReporter(SampleReports.settings().snippets(true).color(true).build()), SampleReports.findings());
    assertGolden("text-terminal.txt", out);
  }

  @Test
  void snippetWithoutColourPutsCaretUnderTheColumnKeepingTabs() throws Exception {
    String out =
        render(new TextReporter(SampleReports.settings().snippets(true).build()), SampleReports.findings());
    assertGolden("text-snippets.txt", out);
    assertTrue(out.contains("    5 | \t\"baseUrl\": \"http://example.com\",\n      | \t           ^\n"), out);
  }

  @Test
  void quietPrintsOnlyTheCanonicalLines() throws Exception {
    String out =
        render(new TextReporter(SampleReports.settings().quiet(true).snippets(true).build()), SampleReports.findings());
    assertEquals(5, out.lines().count());
    out.lines().forEach(l -> assertTrue(l.matches(".*: (error|warning|info): .* \\[[a-z0-9/-]+\\]"), l));
  }

  @Test
  void longLinesAreShownAsAWindowAroundTheColumn() throws Exception {
    String minified = "{\"key\":\"a\"," + "\"x\":1,".repeat(100) + "\"name\":2," + "\"y\":1,".repeat(100) + "\"z\":0}";
    Finding f =
        new Finding("schema/type", Severity.ERROR, new Position("m.json", 1, minified.indexOf("\"name\"") + 1, "/name"),
            "wrong type", null, List.of());
    Report r = new Report("9.9.9", List.of(), List.of(f), FailOn.ERROR, List.of());
    String out =
        render(
            new TextReporter(SampleReports.settings().snippets(true).sources(file -> List.of(minified)).build()), r);
    List<String> lines = out.lines().toList();
    String source = lines.get(1).substring("    1 | ".length());
    String caret = lines.get(2).substring("      | ".length());
    assertTrue(source.length() <= 106, out);
    assertTrue(source.startsWith("...") && source.endsWith("..."), source);
    assertEquals("\"name\"", source.substring(caret.length() - 1, caret.length() - 1 + 6));
  }

  @Test
  void cleanRunSaysSoInOneLine() throws Exception {
    String out = render(new TextReporter(SampleReports.settings().build()), SampleReports.clean());
    assertGolden("text-clean.txt", out);
  }
}
