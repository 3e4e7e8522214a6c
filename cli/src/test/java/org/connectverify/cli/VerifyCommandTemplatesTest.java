package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template, web-root and severity options, end to end through the command line. */
class VerifyCommandTemplatesTest {
  @TempDir Path dir;


  private Path aceDescriptor() throws Exception {
    String base = Files.readString(CliRun.root().resolve("core/src/test/resources/rules/base-jira.json"));
    Path d = dir.resolve("atlassian-connect.json");
    Files.writeString(d, base.replace("\"https://issue-helper.example.com\"", "\"{{localBaseUrl}}\""));
    return d;
  }

  @Test
  void unresolvedAcePlaceholderWarnsWithAHintNamingTheVarAndFailsUnderStrict() throws Exception {
    CliRun r = CliRun.of(aceDescriptor().toString());
    assertEquals(ExitCodes.OK, r.code(), r.out()); // a warning: the file is filled at deploy time
    assertEquals(ExitCodes.FINDINGS, CliRun.of("--strict", aceDescriptor().toString()).code());
    assertTrue(r.out().contains("[template/unresolved]"), r.out());
    assertTrue(r.out().contains("hint: pass --var localBaseUrl="), r.out());
  }

  @Test
  void varFillsThePlaceholder() throws Exception {
    CliRun r = CliRun.of(aceDescriptor().toString(), "--var", "localBaseUrl=https://issue-helper.example.com");
    assertEquals(ExitCodes.OK, r.code(), r.out());
    assertTrue(r.out().contains("note: "), r.out());
  }

  @Test
  void aValueFromTheConfigurationFileIsDescribedAsSuch() throws Exception {
    Path descriptor = aceDescriptor();
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(
        dir.resolve("connect-verify.json"), "{\"var\": {\"localBaseUrl\": \"https://issue-helper.example.com\"}}");
    CliRun r = CliRun.of(descriptor.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out());
    assertTrue(r.out().contains("filled {{localBaseUrl}} from " + dir.resolve("connect-verify.json")), r.out());
    CliRun flag = CliRun.of(descriptor.toString(), "--var", "localBaseUrl=https://issue-helper.example.com");
    assertTrue(flag.out().contains("filled {{localBaseUrl}} from --var"), flag.out());
  }

  @Test
  void varsFileFillsThePlaceholder() throws Exception {
    Path vars = Files.writeString(dir.resolve("prod.properties"), "localBaseUrl=https://issue-helper.example.com\n");
    CliRun r = CliRun.of(aceDescriptor().toString(), "--vars", vars.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out());
  }

  @Test
  void varWithoutEqualsSignIsAUsageError() throws Exception {
    CliRun r = CliRun.of(aceDescriptor().toString(), "--var", "localBaseUrl");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().startsWith("connect-verify: bad --var 'localBaseUrl' (expected NAME=VALUE)"), r.err());
  }

  @Test
  void severityOverrideCanTurnAnErrorIntoAWarning() throws Exception {
    CliRun r = CliRun.of(aceDescriptor().toString(), "--severity", "template/unresolved=warning");
    assertEquals(ExitCodes.OK, r.code(), r.out());
    assertTrue(r.out().contains("warning: placeholder {{localBaseUrl}}"), r.out());
  }

  @Test
  void missingResourcesFolderIsAUsageError() throws Exception {
    CliRun r = CliRun.of(aceDescriptor().toString(), "--resources", dir.resolve("nope").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("no such folder"), r.err());
  }
}
