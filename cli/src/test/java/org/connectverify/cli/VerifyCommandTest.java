package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  private static final String JIRA = CliRun.root().resolve("examples/jira-app/atlassian-connect.json").toString();
  private static final String BROKEN = CliRun.root().resolve("examples/broken").toString();

  @Test
  void cleanDescriptorExitsZeroWithSummary() {
    CliRun r = CliRun.of(JIRA);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("0 errors, 0 warnings, 0 infos in 1 descriptor"), r.out());
    assertTrue(r.out().contains("checked as jira"), r.out());
  }

  @Test
  void explicitVerifySubcommandIsTheSameAsTheImplicitOne() {
    assertEquals(CliRun.of(JIRA).out(), CliRun.of("verify", JIRA).out());
  }

  @Test
  void findingsExitOneAndPrintCanonicalLines() {
    CliRun r = CliRun.of(BROKEN);
    assertEquals(1, r.code());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches(".*atlassian-connect\\.json:\\d+:\\d+: error: .* \\[[a-z0-9-]+/[a-z0-9-]+]")),
        r.out());
  }

  @Test
  void failOnNeverExitsZeroEvenWithErrors() {
    assertEquals(0, CliRun.of("--fail-on", "never", BROKEN).code());
  }

  @Test
  void missingFileIsUsageErrorWithOneLine() {
    CliRun r = CliRun.of("does-not-exist.json");
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("does-not-exist.json: no such file or folder"), r.err());
  }

  @Test
  void badOptionValueIsUsageError() {
    CliRun r = CliRun.of("--fail-on", "sometimes", JIRA);
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("connect-verify: unknown fail-on level 'sometimes'"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void unknownOptionIsUsageError() {
    CliRun r = CliRun.of("--frobnicate", JIRA);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
  }

  @Test
  void noArgumentsIsUsageError() {
    assertEquals(2, CliRun.of().code());
  }

  @Test
  void versionAndHelpExitZero() {
    CliRun v = CliRun.of("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("connect-verify "), v.out());
    CliRun h = CliRun.of("verify", "--help");
    assertEquals(0, h.code());
    assertTrue(h.out().contains("--fail-on"), h.out());
  }

  @Test
  void helpShowsPlaceholderSyntaxLiterally() {
    CliRun h = CliRun.of("verify", "--help");
    assertTrue(h.out().contains("${NAME}"), h.out());
    assertFalse(h.out().contains("null"), h.out());
  }

  @Test
  void jsonReportKeepsTheContractNames(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("report.json");
    CliRun r = CliRun.of("--format", "json", "--output", out.toString(), BROKEN);
    assertEquals(1, r.code());
    JsonNode json = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
    assertEquals("connect-verify", json.path("tool").path("name").asText());
    assertTrue(json.path("tool").has("version"));
    JsonNode d = json.path("descriptors").get(0);
    assertTrue(d.has("file") && d.has("product") && d.has("key"), d.toString());
    JsonNode f = json.path("findings").get(0);
    for (String field : new String[] {"rule", "severity", "file", "line", "column", "pointer", "message", "hint"}) {
      assertTrue(f.has(field), "finding lacks " + field + ": " + f);
    }
    assertEquals(f.path("severity").asText().toLowerCase(), f.path("severity").asText());
    JsonNode s = json.path("summary");
    assertTrue(s.has("errors") && s.has("warnings") && s.has("infos"), s.toString());
  }

  @Test
  void syntaxErrorIsAFindingWithPosition(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("atlassian-connect.json");
    Files.writeString(f, "{\n  \"key\": \"a\",\n  \"baseUrl\" \"https://x.example.com\"\n}\n");
    CliRun r = CliRun.of(f.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("atlassian-connect.json:3:13: error: invalid JSON"), r.out());
  }

  @Test
  void aNumberTheParserCannotHoldCostsOnlyItsFileNotTheRun(@TempDir Path tmp) throws Exception {
    Path good = Files.createDirectories(tmp.resolve("a")).resolve("atlassian-connect.json");
    Files.copy(Path.of(JIRA), good);
    Path bad = Files.createDirectories(tmp.resolve("b")).resolve("atlassian-connect.json");
    Files.writeString(bad, "{\n  \"key\": \"x\",\n  \"n\": 1e99999999999\n}\n");
    CliRun r = CliRun.of(tmp.resolve("a").toString(), tmp.resolve("b").toString(), "--format", "json");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("Too many nonzero exponent digits"), r.toString());
    assertTrue(r.out().contains("\"line\" : 3") || r.out().contains("\"line\":3"), r.toString());
    assertEquals(2, new ObjectMapper().readTree(r.out()).path("descriptors").size(), r.toString());
  }

  @Test
  void folderWithoutDescriptorIsUsageError(@TempDir Path tmp) {
    CliRun r = CliRun.of(tmp.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no descriptor found"), r.err());
  }

  @Test
  void strictMakesAnUnfilledPlaceholderFailAndExcludeLeavesFoldersOut(@TempDir Path dir) throws Exception {
    String templated =
        Files.readString(Path.of(JIRA), StandardCharsets.UTF_8)
            .replaceFirst("\"baseUrl\": \"[^\"]*\"", "\"baseUrl\": \"{{localBaseUrl}}\"");
    Files.writeString(dir.resolve("atlassian-connect.json"), templated, StandardCharsets.UTF_8);
    CliRun warned = CliRun.of("--no-config", dir.toString());
    assertEquals(0, warned.code(), warned.out() + warned.err());
    assertTrue(warned.out().contains("warning: placeholder {{localBaseUrl}}"), warned.out());
    CliRun strict = CliRun.of("--no-config", "--strict", dir.toString());
    assertEquals(1, strict.code(), strict.out());
    assertTrue(strict.out().contains("error: placeholder {{localBaseUrl}}"), strict.out());

    CliRun excluded = CliRun.of("--no-config", "--exclude", "atlassian-connect.json", dir.toString());
    assertEquals(2, excluded.code(), excluded.out());
    assertTrue(excluded.err().contains("skipped atlassian-connect.json"), excluded.err());
  }
}
