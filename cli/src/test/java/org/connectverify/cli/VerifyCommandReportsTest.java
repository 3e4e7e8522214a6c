package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify command's reporting, configuration and baseline options, run in-process. */
class VerifyCommandReportsTest {
  @TempDir Path tmp;
  private Path descriptor;

  @BeforeEach
  void copyFailingFixture() throws Exception {
    Files.createDirectories(tmp.resolve(".git"));
    descriptor = tmp.resolve("atlassian-connect.json");
    Files.copy(
        CliRun.root().resolve("core/src/test/resources/rules/json/duplicate-key/fail/atlassian-connect.json"),
        descriptor);
  }

  private String read(String name) throws Exception {
    return Files.readString(tmp.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void formatAndOutputPairUpInOrder() throws Exception {
    CliRun r =
        CliRun.of(
            descriptor.toString(), "--format", "text", "--format", "sarif", "--output", tmp.resolve("a.sarif").toString(),
            "--format", "junit", "-o", tmp.resolve("b.xml").toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("[json/duplicate-key]"), r.toString());
    assertTrue(read("a.sarif").contains("\"version\" : \"2.1.0\""));
    assertTrue(read("b.xml").startsWith("<?xml"));
    assertTrue(r.err().contains("sarif report written to "), r.err());
  }

  @Test
  void reportOptionWritesEachFormatToItsFile() throws Exception {
    CliRun r =
        CliRun.of(
            descriptor.toString(), "--report", "github=" + tmp.resolve("gh.txt"), "--report",
            "markdown=" + tmp.resolve("summary.md"), "--quiet");
    assertEquals(1, r.code(), r.toString());
    assertTrue(read("gh.txt").startsWith("::error file="), read("gh.txt"));
    assertTrue(read("summary.md").startsWith("## connect-verify: FAILED"));
    assertEquals("", r.err(), "quiet");
  }

  @Test
  void aReportFileKeepsTheFindingsOnTheTerminal() throws Exception {
    CliRun r = CliRun.of(descriptor.toString(), "--report", "sarif=" + tmp.resolve("r.sarif"));
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("[json/duplicate-key]"), r.toString());
    assertTrue(r.out().contains("1 error, 0 warnings, 0 infos in 1 descriptor"), r.toString());
    assertTrue(r.err().contains("sarif report written to "), r.err());
    assertTrue(read("r.sarif").contains("\"json/duplicate-key\""));
  }

  @Test
  void quietWithOnlyFileReportsPrintsNothing() throws Exception {
    CliRun r = CliRun.of(descriptor.toString(), "--format", "json", "-o", tmp.resolve("r.json").toString(), "-q");
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals("", r.err());
    assertTrue(read("r.json").startsWith("{"));
  }

  @Test
  void aDashAsOutputOrReportFileMeansStandardOutput() {
    CliRun o = CliRun.of(descriptor.toString(), "--format", "codequality", "-o", "-");
    assertTrue(o.out().startsWith("[ {") && o.out().contains("\"check_name\" : \"json/duplicate-key\""), o.toString());
    CliRun r = CliRun.of(descriptor.toString(), "--report", "json=-");
    assertTrue(r.out().startsWith("{"), r.toString());
    assertFalse(r.out().contains("error: duplicate key"), "json replaces the text on stdout");
  }

  @Test
  void twoReportsOnStdoutAreAUsageError() {
    CliRun r = CliRun.of(descriptor.toString(), "--format", "text", "--format", "json");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("connect-verify: only one report can go to standard output"), r.err());
  }

  @Test
  void unknownFormatSuggestsTheClosest() {
    CliRun r = CliRun.of(descriptor.toString(), "--format", "sarf");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("unknown format 'sarf'") && r.err().contains("did you mean sarif?"), r.err());
  }

  @Test
  void aBrokenConfigFileIsExitTwoWithFileLineColumn() throws Exception {
    Files.writeString(tmp.resolve("connect-verify.json"), "{\n  \"fail-on\": \"never\",\n  \"colour\": true\n}\n");
    CliRun r = CliRun.of(descriptor.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().matches("(?s).*connect-verify\\.json:3:3: unknown key \"colour\".*"), r.err());
    assertEquals(1, CliRun.of(descriptor.toString(), "--no-config").code());
  }

  @Test
  void configDefaultsApplyAndTheCommandLineWins() throws Exception {
    Files.writeString(tmp.resolve("connect-verify.json"), "{\"fail-on\": \"never\"}");
    assertEquals(0, CliRun.of(descriptor.toString()).code());
    assertEquals(1, CliRun.of(descriptor.toString(), "--fail-on", "error").code());
    Path elsewhere = tmp.resolve("strict.json");
    Files.writeString(elsewhere, "{\"rules\": {\"json/duplicate-key\": \"off\"}}");
    CliRun off = CliRun.of(descriptor.toString(), "--config", elsewhere.toString());
    assertEquals(0, off.code(), off.toString());
    assertFalse(off.out().contains("duplicate-key"), off.out());
  }

  @Test
  void baselineHidesKnownFindingsAndSaysSo() throws Exception {
    Path baseline = tmp.resolve("baseline.json");
    assertEquals(0, CliRun.of(descriptor.toString(), "--write-baseline", baseline.toString()).code(), "recorded");
    CliRun r = CliRun.of(descriptor.toString(), "--baseline", baseline.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("1 known finding not shown, 0 fixed"), r.out());
    CliRun json = CliRun.of(descriptor.toString(), "--baseline", baseline.toString(), "--format", "json");
    assertTrue(json.out().contains("\"known\" : 1"), json.out());
  }

  @Test
  void noColorFollowsTheFlagTheEnvironmentAndTheTerminal() {
    assertTrue(Terminal.colour(true, null, false, null, null));
    assertTrue(Terminal.colour(true, null, false, "", null));
    assertFalse(Terminal.colour(true, null, false, "1", null));
    assertFalse(Terminal.colour(true, null, true, null, null));
    assertFalse(Terminal.colour(false, null, false, null, null));
  }
}
