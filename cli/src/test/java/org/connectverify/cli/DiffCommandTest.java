package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final String OLD =
      "{\n  \"key\": \"com.example.app\",\n  \"baseUrl\": \"https://app.example.com\",\n"
          + "  \"authentication\": {\"type\": \"jwt\"},\n  \"scopes\": [\"READ\"]\n}\n";

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private String write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void breakingChangesFailByDefault() throws Exception {
    Run r =
        run("diff", "-q", write("old.json", OLD), write("new.json", OLD.replace("app.example.com", "new.example.com")));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("[diff/breaking-base-url]"), r.out());
  }

  @Test
  void approvalNeedingChangesFailOnlyAtWarning() throws Exception {
    String old = write("old.json", OLD);
    String neu = write("new.json", OLD.replace("[\"READ\"]", "[\"READ\", \"WRITE\"]"));
    Run byDefault = run("diff", old, neu);
    assertEquals(0, byDefault.code(), byDefault.out());
    assertTrue(byDefault.out().contains("warning: scope \"WRITE\" widens"), byDefault.out());
    assertTrue(byDefault.out().contains("note: Marketplace update: minor"), byDefault.out());
    assertEquals(1, run("diff", "--fail-on", "warning", old, neu).code());
  }

  @Test
  void identicalDescriptorsAreClean() throws Exception {
    Run r = run("diff", write("old.json", OLD), write("new.json", OLD));
    assertEquals(0, r.code());
    assertTrue(r.out().endsWith("0 errors, 0 warnings, 0 infos in 2 descriptors\n"), r.out());
  }

  @Test
  void writesJson() throws Exception {
    Run r = run("diff", "--format", "json", write("old.json", OLD), write("new.json", OLD.replace("READ", "read")));
    assertEquals(0, r.code());
    assertTrue(r.out().contains("\"rule\" : \"diff/automatic\""), r.out());
  }

  @Test
  void aMissingSideIsAUsageError() throws Exception {
    Run r = run("diff", write("old.json", OLD), dir.resolve("nope.json").toString());
    assertEquals(2, r.code());
    assertEquals("connect-verify: " + dir.resolve("nope.json") + ": no such file\n", r.err());
  }

  @Test
  void aUrlWithoutOnlineIsAUsageError() throws Exception {
    Run r = run("diff", "https://example.com/atlassian-connect.json", write("new.json", OLD));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("add --online"), r.err());
  }

  @Test
  void anUnknownGitRevisionIsAUsageErrorOnOneLine() throws Exception {
    Run r = run("diff", "git:no-such-revision-xyz:atlassian-connect.json", write("new.json", OLD));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("connect-verify: git:no-such-revision-xyz:atlassian-connect.json: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void templatedSidesAreFilledWithVarAsInVerify() throws Exception {
    String old = write("old.json", OLD);
    String neu = write("new.json", OLD.replace("https://app.example.com", "{{localBaseUrl}}"));
    Run filled = run("diff", "--var", "localBaseUrl=https://app.example.com", old, neu);
    assertEquals(0, filled.code(), filled.out());
    assertTrue(filled.out().contains("new.json: filled {{localBaseUrl}} from --var"), filled.out());
    Run unfilled = run("diff", old, neu);
    assertEquals(1, unfilled.code(), unfilled.out());
    assertTrue(unfilled.out().contains("[diff/breaking-base-url]"), unfilled.out());
    assertTrue(unfilled.out().contains("has no value"), unfilled.out());
  }

  @Test
  void aMissingVarsFileIsAUsageError() throws Exception {
    Run r = run("diff", "--vars", dir.resolve("nope.properties").toString(), write("old.json", OLD), write("new.json", OLD));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("connect-verify: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void needsBothSides() {
    Run r = run("diff", "old.json");
    assertEquals(2, r.code());
  }
}
