package org.connectverify.core.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.connectverify.core.FailOn;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.TestPaths;

/**
 * Hand-made reports for the reporters' golden tests: fixed version, fixed rule catalogue, and findings chosen to hit
 * every escaping rule (pipes, percent signs, commas, colons, XML and Markdown specials), related locations, hints,
 * a finding without a line, and a file that is not a descriptor.
 */
final class SampleReports {
  private SampleReports() {}

  static final Rule DUPLICATE = Rule.of("json/duplicate-key", Severity.ERROR, "An object has the same key twice.");
  static final Rule BASE_URL =
      Rule.of("app/base-url-https", Severity.ERROR, "The baseUrl must use https. Plain http is refused by Cloud.");
  static final Rule KEY_LENGTH = Rule.of("app/key-length", Severity.WARNING, "The app key is longer than 64 characters.");
  static final Rule I18N = Rule.of("i18n/unused-key", Severity.INFO, "A translation key is used nowhere.");
  static final Rule ENCODING = Rule.of("json/encoding", Severity.ERROR, "The file is not UTF-8 text.");
  static final Rule LINK = Rule.online("links/broken", Severity.WARNING, "A linked URL does not answer.");

  static final List<String> DESCRIPTOR =
      List.of(
          "{",
          "  \"key\": \"com.example.issue-helper-with-a-rather-long-key-that-goes-on-and-on-and-on\",",
          "  \"name\": \"Issue Helper\",",
          "  \"name\": \"Issue Helper | for Jira\",",
          "\t\"baseUrl\": \"http://example.com\",",
          "  \"modules\": {}",
          "}");

  static Report findings() {
    return new Report(
        "9.9.9",
        List.of(
            new Report.Checked("app/atlassian-connect.json", Product.JIRA, "module types", "com.example.helper"),
            new Report.Checked("broken/atlassian-connect.json", null, null, null)),
        List.of(
            new Finding(
                DUPLICATE.id(),
                Severity.ERROR,
                new Position("app/atlassian-connect.json", 4, 3, "/name"),
                "duplicate key \"name\": the value here replaces the one defined first",
                "remove or rename one of the two",
                List.of(
                    new Finding.Related(
                        new Position("app/atlassian-connect.json", 3, 3, "/name"), "first defined here"))),
            new Finding(
                BASE_URL.id(),
                Severity.ERROR,
                new Position("app/atlassian-connect.json", 5, 13, "/baseUrl"),
                "baseUrl \"http://example.com\" uses http, 100% refused: expected https, not http,ftp or <file>",
                null,
                List.of()),
            new Finding(
                KEY_LENGTH.id(),
                Severity.WARNING,
                new Position("app/atlassian-connect.json", 2, 10, "/key"),
                "key is 78 characters long | the documented limit is 64 (*not* _enforced_ [yet])",
                "shorten the key before the first release",
                List.of()),
            new Finding(
                I18N.id(),
                Severity.INFO,
                new Position("app/i18n/en_US.json", 7, 5, "/helper.unused"),
                "key \"helper.unused\" is used nowhere & can go",
                null,
                List.of()),
            new Finding(
                ENCODING.id(),
                Severity.ERROR,
                Position.ofFile("broken/atlassian-connect.json"),
                "file is UTF-16 encoded (byte order mark found); descriptors must be UTF-8",
                "re-save the file as UTF-8",
                List.of())),
        FailOn.ERROR,
        List.of("baseline connect-verify-baseline.json: 2 known findings not shown, 1 fixed"));
  }

  static Report clean() {
    return new Report(
        "9.9.9",
        List.of(new Report.Checked("atlassian-connect.json", Product.CONFLUENCE, "module types", "com.example.c")),
        List.of(),
        FailOn.ERROR,
        List.of());
  }

  static ReportSettings.Builder settings() {
    return ReportSettings.builder()
        .catalogue(List.of(DUPLICATE, BASE_URL, KEY_LENGTH, I18N, ENCODING, LINK))
        .rulesRun(List.of(DUPLICATE, BASE_URL, KEY_LENGTH, ENCODING))
        .ruleHelp(id -> id.equals(DUPLICATE.id()) ? "# json/duplicate-key\n\nKeep one of the two members.\n" : null)
        .sources(file -> Map.of("app/atlassian-connect.json", DESCRIPTOR).get(file));
  }

  static String render(Reporter reporter, Report report) throws IOException {
    StringWriter out = new StringWriter();
    reporter.write(report, out);
    return out.toString();
  }

  /**
   * Compares with {@code report-golden/<name>}; with {@code -Dgolden.update=true} rewrites the file instead (review
   * the diff before committing).
   */
  static void assertGolden(String name, String actual) throws IOException {
    Path file = TestPaths.root().resolve("core/src/test/resources/report-golden").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing " + file + ")";
    org.junit.jupiter.api.Assertions.assertEquals(expected, actual, "golden file " + name);
  }
}
