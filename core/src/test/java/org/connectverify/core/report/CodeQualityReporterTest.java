package org.connectverify.core.report;

import static org.connectverify.core.report.SampleReports.assertGolden;
import static org.connectverify.core.report.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.connectverify.core.Report;
import org.junit.jupiter.api.Test;

class CodeQualityReporterTest {

  @Test
  void outputMatchesGolden() throws Exception {
    assertGolden(
        "codequality.json",
        render(new CodeQualityReporter(SampleReports.settings().build()), SampleReports.findings()));
  }

  @Test
  void cleanRunIsAnEmptyArray() throws Exception {
    assertEquals("[ ]\n", render(new CodeQualityReporter(SampleReports.settings().build()), SampleReports.clean()));
  }

  @Test
  void everyIssueHasTheFieldsGitLabRequires() throws Exception {
    assertValidCodeQuality(
        render(new CodeQualityReporter(SampleReports.settings().sourcePrefix("apps/jira/").build()),
            SampleReports.findings()),
        SampleReports.findings().findings().size());
  }

  @Test
  void pathsAreRelativeToTheRepository() throws Exception {
    JsonNode issues =
        new ObjectMapper()
            .readTree(
                render(
                    new CodeQualityReporter(SampleReports.settings().sourcePrefix("apps/jira/").build()),
                    SampleReports.findings()));
    assertEquals("apps/jira/app/atlassian-connect.json", issues.at("/0/location/path").asText());
    assertEquals(1, issues.at("/4/location/lines/begin").asInt(), "a finding without a line starts at line 1");
  }

  /**
   * GitLab's Code Quality report format: a JSON array of objects with a string {@code description}, {@code check_name}
   * and {@code fingerprint} (unique in the report), a {@code severity} among info, minor, major, critical, blocker, and
   * a {@code location} with a relative {@code path} and an integer {@code lines.begin} of at least 1. Shared with the
   * CLI's CI recipe tests.
   */
  public static void assertValidCodeQuality(String json, int expectedIssues) throws Exception {
    JsonNode root = new ObjectMapper().readTree(json);
    assertTrue(root.isArray(), "a JSON array");
    assertEquals(expectedIssues, root.size());
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode issue : root) {
      for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
        assertTrue(issue.path(field).isTextual() && !issue.get(field).asText().isEmpty(), field + " in " + issue);
      }
      assertTrue(fingerprints.add(issue.get("fingerprint").asText()), "unique fingerprint " + issue);
      assertTrue(
          List.of("info", "minor", "major", "critical", "blocker").contains(issue.get("severity").asText()), "severity");
      JsonNode location = issue.path("location");
      assertTrue(location.path("path").isTextual(), "location.path");
      String path = location.get("path").asText();
      assertTrue(!path.startsWith("/") && !path.startsWith("../") && !path.contains("\\"), "relative path " + path);
      assertTrue(location.path("lines").path("begin").isInt(), "location.lines.begin");
      assertTrue(location.at("/lines/begin").asInt() >= 1, "lines.begin >= 1");
    }
  }

  @Test
  void securityErrorsAreCriticalOtherErrorsMajor() {
    org.connectverify.core.Finding auth =
        new org.connectverify.core.Finding("auth/signed-install", org.connectverify.core.Severity.ERROR,
            org.connectverify.core.Position.ofFile("a.json"), "m", null, List.of());
    assertEquals("critical", CodeQualityReporter.severity(auth));
    assertEquals("major", CodeQualityReporter.severity(SampleReports.findings().findings().get(1)));
    assertEquals("minor", CodeQualityReporter.severity(SampleReports.findings().findings().get(0)));
    Report clean = SampleReports.clean();
    assertTrue(clean.findings().isEmpty());
  }
}
