package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template, web-root and severity options, end to end through the command line. */
class VerifyCommandTemplatesTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path aceDescriptor() throws Exception {
    Path root = Path.of(System.getProperty("connectverify.root", "..")).toAbsolutePath().normalize();
    String base = Files.readString(root.resolve("core/src/test/resources/rules/base-jira.json"));
    Path d = dir.resolve("atlassian-connect.json");
    Files.writeString(d, base.replace("\"https://issue-helper.example.com\"", "\"{{localBaseUrl}}\""));
    return d;
  }

  @Test
  void unresolvedAcePlaceholderFailsWithAHintNamingTheVar() throws Exception {
    Run r = run(aceDescriptor().toString());
    assertEquals(ExitCodes.FINDINGS, r.code());
    assertTrue(r.out().contains("[template/unresolved]"), r.out());
    assertTrue(r.out().contains("hint: pass --var localBaseUrl="), r.out());
  }

  @Test
  void varFillsThePlaceholder() throws Exception {
    Run r = run(aceDescriptor().toString(), "--var", "localBaseUrl=https://issue-helper.example.com");
    assertEquals(ExitCodes.OK, r.code(), r.out());
    assertTrue(r.out().contains("note: "), r.out());
  }

  @Test
  void varsFileFillsThePlaceholder() throws Exception {
    Path vars = Files.writeString(dir.resolve("prod.properties"), "localBaseUrl=https://issue-helper.example.com\n");
    Run r = run(aceDescriptor().toString(), "--vars", vars.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out());
  }

  @Test
  void varWithoutEqualsSignIsAUsageError() throws Exception {
    Run r = run(aceDescriptor().toString(), "--var", "localBaseUrl");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().startsWith("connect-verify: bad --var 'localBaseUrl' (expected NAME=VALUE)"), r.err());
  }

  @Test
  void severityOverrideCanTurnAnErrorIntoAWarning() throws Exception {
    Run r = run(aceDescriptor().toString(), "--severity", "template/unresolved=warning");
    assertEquals(ExitCodes.OK, r.code(), r.out());
    assertTrue(r.out().contains("warning: placeholder {{localBaseUrl}}"), r.out());
  }

  @Test
  void missingResourcesFolderIsAUsageError() throws Exception {
    Run r = run(aceDescriptor().toString(), "--resources", dir.resolve("nope").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("no such folder"), r.err());
  }
}
