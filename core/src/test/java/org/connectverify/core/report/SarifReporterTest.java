package org.connectverify.core.report;

import static org.connectverify.core.report.SampleReports.assertGolden;
import static org.connectverify.core.report.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Golden output; its validity against SARIF 2.1.0 is checked by the real validator in {@code .ci/sarif-check.sh}. */
class SarifReporterTest {

  @Test
  void outputMatchesGolden() throws Exception {
    assertGolden("report.sarif", render(new SarifReporter(SampleReports.settings().build()), SampleReports.findings()));
  }

  @Test
  void cleanOutputMatchesGolden() throws Exception {
    assertGolden("clean.sarif", render(new SarifReporter(SampleReports.settings().build()), SampleReports.clean()));
  }

  @Test
  void everyResultPointsAtItsRuleByIdAndIndex() throws Exception {
    JsonNode run =
        new ObjectMapper()
            .readTree(render(new SarifReporter(SampleReports.settings().build()), SampleReports.findings()))
            .at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    for (JsonNode result : run.get("results")) {
      JsonNode rule = rules.get(result.get("ruleIndex").asInt());
      assertEquals(rule.get("id").asText(), result.get("ruleId").asText());
      assertEquals(
          "https://github.com/connect-verify/connect-verify/blob/main/docs/rules/" + rule.get("id").asText() + ".md",
          rule.get("helpUri").asText());
    }
    assertEquals("note", run.at("/results/3/level").asText(), "info maps to note");
    assertFalse(run.at("/results/4/locations/0/physicalLocation").has("region"), "no line, no region");
  }

  @Test
  void filesOutsideTheBaseFolderGetAbsoluteFileUris() throws Exception {
    org.connectverify.core.Finding f =
        new org.connectverify.core.Finding("json/syntax", org.connectverify.core.Severity.ERROR,
            new org.connectverify.core.Position("/srv/apps/my app/atlassian-connect.json", 1, 2, ""), "bad", null,
            java.util.List.of());
    org.connectverify.core.Report r =
        new org.connectverify.core.Report("9.9.9", java.util.List.of(), java.util.List.of(f),
            org.connectverify.core.FailOn.ERROR, java.util.List.of());
    JsonNode loc =
        new ObjectMapper()
            .readTree(render(new SarifReporter(SampleReports.settings().build()), r))
            .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertEquals("file:///srv/apps/my%20app/atlassian-connect.json", loc.get("uri").asText());
    assertFalse(loc.has("uriBaseId"));
    assertEquals(true, SarifReporter.isAbsolute("C:\\apps\\a.json"));
    assertEquals(false, SarifReporter.isAbsolute("apps/a.json"));
  }

  @Test
  void urisArePercentEncodedRelativeReferences() {
    assertEquals("my%20app/atlassian-connect.json", SarifReporter.uri("my app/atlassian-connect.json"));
    assertEquals("%C3%A9t%C3%A9/a%23b.json", SarifReporter.uri("\u00e9t\u00e9/a#b.json"));
    assertEquals("a%3Ab/x.json", SarifReporter.uri("a:b/x.json"), "a colon would read as a scheme");
  }
}
