package org.connectverify.core.report;

import static org.connectverify.core.report.SampleReports.assertGolden;
import static org.connectverify.core.report.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GithubReporterTest {

  @Test
  void outputMatchesGolden() throws Exception {
    assertGolden("github.txt", render(new GithubReporter(), SampleReports.findings()));
  }

  @Test
  void escapesMessagesAndPropertiesAsTheRunnerExpects() {
    assertEquals("100%25 a%0Ab%0Dc: d, e", GithubReporter.data("100% a\nb\rc: d, e"));
    assertEquals("a%3Ab%2Cc%25", GithubReporter.property("a:b,c%"));
  }

  @Test
  void everyFindingIsOneCommandLineWithFileLineColAndRuleTitle() throws Exception {
    String out = render(new GithubReporter(), SampleReports.findings());
    assertTrue(
        out.contains(
            "::error file=app/atlassian-connect.json,line=4,col=3,title=json/duplicate-key::duplicate key"),
        out);
    assertTrue(out.contains("::notice file=app/i18n/en_US.json,line=7,col=5,title=i18n/unused-key::"), out);
    assertTrue(out.contains("::error file=broken/atlassian-connect.json,title=json/encoding::"), out);
  }
}
