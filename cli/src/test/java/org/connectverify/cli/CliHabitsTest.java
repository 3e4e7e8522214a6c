package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.connectverify.core.Checks;
import org.connectverify.core.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users of actionlint, Spectral, checkstyle and friends expect from a command line. */
class CliHabitsTest {
  private static final Path BROKEN = CliRun.root().resolve("examples/broken/atlassian-connect.json");
  private static final Path JIRA = CliRun.root().resolve("examples/jira-app");
  @TempDir Path tmp;

  @Test
  void aDescriptorFromStandardInputIsVerifiedUnderItsDisplayName() throws Exception {
    CliRun r =
        CliRun.withStdin(Files.readAllBytes(BROKEN), "-", "--stdin-filename", "apps/x/atlassian-connect.json", "--no-config");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("apps/x/atlassian-connect.json:")), r.toString());
    CliRun plain = CliRun.withStdin(Files.readAllBytes(BROKEN), "verify", "-", "--no-config");
    assertTrue(plain.out().lines().anyMatch(l -> l.startsWith("atlassian-connect.json:")), plain.toString());
  }

  @Test
  void standardInputFindsTheSameFindingsAsTheFile() throws Exception {
    CliRun file = CliRun.of(BROKEN.toString(), "-q", "--no-config");
    CliRun stdin =
        CliRun.withStdin(Files.readAllBytes(BROKEN), "-", "--stdin-filename", BROKEN.toString(), "-q", "--no-config");
    assertEquals(file.out(), stdin.out());
  }

  @Test
  void standardInputCannotBeMixedWithPaths() {
    CliRun r = CliRun.withStdin(new byte[0], "-", BROKEN.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("'-' (standard input) cannot be combined with other paths"), r.err());
  }

  @Test
  void initWritesAStarterThatLoadsAndRefusesToOverwrite() throws Exception {
    CliRun r = CliRun.of("init", tmp.toString());
    assertEquals(0, r.code(), r.toString());
    Path file = tmp.resolve("connect-verify.json");
    Config.load(file, "connect-verify.json", Checks.catalogue());
    Files.writeString(file, "{}");
    CliRun again = CliRun.of("init", tmp.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already exists; use --force"), again.err());
    assertEquals("{}", Files.readString(file));
    assertEquals(0, CliRun.of("init", tmp.toString(), "--force").code());
    assertEquals(InitCommand.STARTER, Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void theStarterConfigurationChangesNothingOnACleanApp() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("app"));
    Files.createDirectories(tmp.resolve(".git"));
    Files.copy(JIRA.resolve("atlassian-connect.json"), app.resolve("atlassian-connect.json"));
    assertEquals(0, CliRun.of("init", tmp.toString()).code());
    CliRun r = CliRun.of(app.toString(), "--verbose");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("configuration: "), r.err());
  }

  @Test
  void verboseSaysWhatWasSearchedAndWhyEachDescriptorWasPicked() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("app"));
    Files.createDirectories(app.resolve("node_modules"));
    Files.copy(JIRA.resolve("atlassian-connect.json"), app.resolve("atlassian-connect.json"));
    Files.writeString(app.resolve("connect-settings.json"), "{\"colour\": true}");
    CliRun r = CliRun.of(app.toString(), "--verbose", "--no-config");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains(app + ": searching for atlassian-connect*.json"), r.err());
    assertTrue(r.err().contains(app.resolve("node_modules") + ": skipped"), r.err());
    assertTrue(r.err().contains(app.resolve("atlassian-connect.json") + ": picked, the name matches"), r.err());
    assertTrue(r.err().contains(app.resolve("connect-settings.json") + ": not picked"), r.err());
    assertFalse(CliRun.of(app.toString(), "--no-config").err().contains("searching"), "quiet without --verbose");
  }

  @Test
  void colourIsDecidedByTheFlagThenTheEnvironmentThenTheTerminal() {
    assertTrue(Terminal.colour(false, "always", false, "1", null));
    assertFalse(Terminal.colour(true, "never", false, null, "1"));
    assertTrue(Terminal.colour(true, "auto", false, null, null));
    assertFalse(Terminal.colour(true, "auto", false, "1", null), "NO_COLOR");
    assertFalse(Terminal.colour(true, null, true, null, null), "--no-color");
    assertTrue(Terminal.colour(false, null, false, null, "1"), "FORCE_COLOR without a terminal");
    assertFalse(Terminal.colour(false, null, false, null, "0"));
    assertFalse(Terminal.colour(false, "auto", false, null, ""));
  }

  @Test
  void colorAlwaysPutsAnsiCodesIntoThePipe() {
    CliRun r = CliRun.of(BROKEN.toString(), "--color=always", "--no-config");
    assertTrue(r.out().contains("\u001b["), r.toString());
    assertFalse(CliRun.of(BROKEN.toString(), "--color=never", "--no-config").out().contains("\u001b["));
    CliRun bad = CliRun.of(BROKEN.toString(), "--color=sometimes");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--color takes always, never or auto"), bad.err());
  }

  @Test
  void completionPrintsABashScriptKnowingTheOptions() {
    CliRun r = CliRun.of("completion");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out().substring(0, 80));
    assertTrue(r.out().contains("--stdin-filename") && r.out().contains("init"), "knows the options and commands");
  }

  @Test
  void aMistypedOptionOrCommandGetsDidYouMean() {
    CliRun option = CliRun.of(BROKEN.toString(), "--fromat", "json");
    assertEquals(2, option.code());
    assertTrue(option.err().contains("Unknown option: '--fromat'; did you mean --format?"), option.err());
    CliRun command = CliRun.of("verfy", BROKEN.toString());
    assertEquals(2, command.code());
    assertTrue(command.err().contains("'verfy' is neither a file nor a command; did you mean 'verify'?"), command.err());
  }

  @Test
  void writingABaselineExitsZero() throws Exception {
    Path baseline = tmp.resolve("baseline.json");
    CliRun r = CliRun.of(BROKEN.toString(), "--write-baseline", baseline.toString(), "--no-config");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("baseline written to"), r.err());
    assertTrue(Files.exists(baseline));
    assertEquals(0, CliRun.of(BROKEN.toString(), "--baseline", baseline.toString(), "--no-config").code());
  }

  @Test
  void helpListsTheNewCommands() {
    String help = CliRun.of("--help").out();
    for (String command : List.of("init", "completion")) {
      assertTrue(help.contains(command), help);
    }
  }

  @Test
  void theTopOptionsAVerifySkipsBuildingAreTheTopCommands() {
    java.util.Set<String> model =
        new picocli.CommandLine(new Cli(System.in, new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())))
            .getCommandSpec()
            .optionsMap()
            .keySet();
    assertEquals(model, Cli.TOP_OPTIONS);
  }

  @Test
  void verifyHelpReadsAsTheSubcommandOfConnectVerify() {
    CliRun r = CliRun.of("verify", "--help");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Usage: connect-verify verify "), r.out());
    CliRun implicit = CliRun.of(BROKEN.toString(), "--fail-on", "nope");
    assertEquals(2, implicit.code(), implicit.toString());
    assertTrue(implicit.err().startsWith("connect-verify: unknown fail-on level 'nope'"), implicit.err());
  }
}
