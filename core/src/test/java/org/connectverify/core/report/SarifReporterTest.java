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
      assertFalse(rule.has("helpUri"), "no link to a page that may not resolve; the help ships in the file");
    }
    assertEquals("note", run.at("/results/3/level").asText(), "info maps to note");
    assertFalse(run.at("/results/4/locations/0/physicalLocation").has("region"), "no line, no region");
  }

  @Test
  void pathsAreRelativeToTheSourceRootAndTheCategoryNamesTheBaseFolder() throws Exception {
    JsonNode run =
        new ObjectMapper()
            .readTree(
                render(
                    new SarifReporter(SampleReports.settings().sourcePrefix("apps/jira").build()),
                    SampleReports.findings()))
            .at("/runs/0");
    assertEquals(
        "apps/jira/app/atlassian-connect.json",
        run.at("/results/1/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(
        "apps/jira/app/atlassian-connect.json",
        run.at("/results/1/relatedLocations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals("connect-verify/apps/jira/", run.at("/automationDetails/id").asText());
  }

  @Test
  void securityRulesCarrySecuritySeverityAndOthersDoNot() throws Exception {
    org.connectverify.core.Rule auth =
        org.connectverify.core.Rule.of("auth/signed-install", org.connectverify.core.Severity.ERROR, "Sign installs.");
    org.connectverify.core.Finding f =
        new org.connectverify.core.Finding("auth/signed-install", org.connectverify.core.Severity.ERROR,
            new org.connectverify.core.Position("a.json", 1, 2, "/apiMigrations"), "not signed", null,
            java.util.List.of());
    org.connectverify.core.Finding g =
        new org.connectverify.core.Finding("json/duplicate-key", org.connectverify.core.Severity.ERROR,
            new org.connectverify.core.Position("a.json", 3, 2, "/name"), "twice", null, java.util.List.of());
    org.connectverify.core.Report r =
        new org.connectverify.core.Report("9.9.9", java.util.List.of(), java.util.List.of(f, g),
            org.connectverify.core.FailOn.ERROR, java.util.List.of());
    JsonNode rules =
        new ObjectMapper()
            .readTree(
                render(
                    new SarifReporter(
                        SampleReports.settings()
                            .catalogue(java.util.List.of(auth, SampleReports.DUPLICATE))
                            .build()),
                    r))
            .at("/runs/0/tool/driver/rules");
    assertEquals("auth/signed-install", rules.at("/0/id").asText());
    assertEquals("7.5", rules.at("/0/properties/security-severity").asText());
    assertEquals("security", rules.at("/0/properties/tags/1").asText());
    assertFalse(rules.at("/1/properties").has("security-severity"));
  }

  @Test
  void fingerprintsIgnoreTheMessageAndLineButNotTheLocation() throws Exception {
    String a = fingerprint("app/a.json", 3, "/name", "duplicate key \"name\"");
    assertEquals(a, fingerprint("app/a.json", 9, "/name", "the key \"name\" is defined twice"), "reworded, moved");
    org.junit.jupiter.api.Assertions.assertNotEquals(a, fingerprint("app/b.json", 3, "/name", "duplicate key"));
    org.junit.jupiter.api.Assertions.assertNotEquals(a, fingerprint("app/a.json", 3, "/key", "duplicate key"));
  }

  private static String fingerprint(String file, int line, String pointer, String message) throws Exception {
    org.connectverify.core.Finding f =
        new org.connectverify.core.Finding("json/duplicate-key", org.connectverify.core.Severity.ERROR,
            new org.connectverify.core.Position(file, line, 3, pointer), message, null, java.util.List.of());
    org.connectverify.core.Report r =
        new org.connectverify.core.Report("9.9.9", java.util.List.of(), java.util.List.of(f),
            org.connectverify.core.FailOn.ERROR, java.util.List.of());
    return new ObjectMapper()
        .readTree(render(new SarifReporter(SampleReports.settings().build()), r))
        .at("/runs/0/results/0/partialFingerprints")
        .get(SarifReporter.FINGERPRINT_KEY)
        .asText();
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
