package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final String OLD =
      "{\n  \"key\": \"com.example.app\",\n  \"baseUrl\": \"https://app.example.com\",\n"
          + "  \"authentication\": {\"type\": \"jwt\"},\n  \"scopes\": [\"READ\"]\n}\n";

  @TempDir Path dir;


  private String write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void breakingChangesFailByDefault() throws Exception {
    CliRun r =
        CliRun.of("diff", "-q", write("old.json", OLD), write("new.json", OLD.replace("app.example.com", "new.example.com")));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("[diff/breaking-base-url]"), r.out());
  }

  @Test
  void approvalNeedingChangesFailOnlyAtWarning() throws Exception {
    String old = write("old.json", OLD);
    String neu = write("new.json", OLD.replace("[\"READ\"]", "[\"READ\", \"WRITE\"]"));
    CliRun byDefault = CliRun.of("diff", old, neu);
    assertEquals(0, byDefault.code(), byDefault.out());
    assertTrue(byDefault.out().contains("warning: scope \"WRITE\" widens"), byDefault.out());
    assertTrue(byDefault.out().contains("note: Marketplace update: minor"), byDefault.out());
    assertEquals(1, CliRun.of("diff", "--fail-on", "warning", old, neu).code());
  }

  private static final String MANIFEST =
      "app:\n  id: ari:cloud:ecosystem::app/0f5c7a4e-8c1d-4d7e-9b1a-2f3e4d5c6b7a\n  connect:\n"
          + "    key: ${CONNECT_KEY}\n    remote: connect\n    authentication: jwt\nremotes:\n  - key: connect\n"
          + "    baseUrl: https://app.example.com\n    operations: [compute]\npermissions:\n  scopes:\n"
          + "    - read:connect-jira\n    - read:jira-work\n"
          + "connectModules:\n  jira:generalPages:\n    - key: home\n"
          + "      name: {value: Home}\n      url: /home\n      location: system.top.navigation.bar\n";

  @Test
  void aDescriptorComparesWithAManifestWhoseKeyIsFilledWithVar() throws Exception {
    String old = write("old.json", OLD);
    String manifest = write("manifest.yml", MANIFEST);
    CliRun filled = CliRun.of("diff", "--var", "CONNECT_KEY=com.example.app", old, manifest);
    assertEquals(0, filled.code(), filled.out() + filled.err());
    assertTrue(filled.out().contains("note: Marketplace update: minor: rolls out automatically"), filled.out());
    CliRun other = CliRun.of("diff", "--var", "CONNECT_KEY=com.example.other", old, manifest);
    assertEquals(1, other.code(), other.out());
    assertTrue(other.out().contains("manifest.yml:4:10: error: app key changes"), other.out());
    CliRun md = CliRun.of("diff", "--format", "markdown", "--var", "CONNECT_KEY=com.example.app", old, manifest);
    assertTrue(md.out().startsWith("## Release notes: `com.example.app`"), md.out());
  }

  @Test
  void identicalDescriptorsAreClean() throws Exception {
    CliRun r = CliRun.of("diff", write("old.json", OLD), write("new.json", OLD));
    assertEquals(0, r.code());
    assertTrue(r.out().endsWith("0 errors, 0 warnings, 0 infos in 2 descriptors\n"), r.out());
  }

  @Test
  void writesJson() throws Exception {
    CliRun r = CliRun.of("diff", "--format", "json", write("old.json", OLD), write("new.json", OLD.replace("READ", "read")));
    assertEquals(0, r.code());
    assertTrue(r.out().contains("\"rule\" : \"diff/automatic\""), r.out());
  }

  @Test
  void writesEveryReportFormatOfVerifyEachToItsOwnOutput() throws Exception {
    String old = write("old.json", OLD);
    String neu = write("new.json", OLD.replace("app.example.com", "new.example.com"));
    Path md = dir.resolve("reports/diff.md");
    Path sarif = dir.resolve("reports/diff.sarif");
    Path junit = dir.resolve("reports/diff.xml");
    CliRun r =
        CliRun.of("diff", "--format", "markdown", "-o", md.toString(), "--format", "github",
            "--format", "sarif", "--output", sarif.toString(), "--report", "junit=" + junit, old, neu);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().startsWith("::error file=") && r.out().contains("new.json,line=3,col=14,title=diff/breaking-base-url::"), r.out());
    assertTrue(Files.readString(md).contains("diff/breaking-base-url"), Files.readString(md));
    assertTrue(Files.readString(sarif).contains("\"ruleId\" : \"diff/breaking-base-url\""), Files.readString(sarif));
    String xml = Files.readString(junit);
    assertTrue(xml.contains("diff/breaking-base-url") && xml.contains("diff/breaking-key"), xml);
    assertTrue(r.err().contains("markdown report written to ") && r.err().contains("junit report written to "), r.err());
  }

  @Test
  void helpDescribesEachReportOptionOnce() {
    for (String command : new String[] {"diff", "probe", "verify"}) {
      String help = CliRun.of(command, "--help").out();
      for (String option : new String[] {"      --format=FORMAT ", "  -o, --output=FILE ", "      --report=FORMAT=FILE "}) {
        assertEquals(2, help.split(java.util.regex.Pattern.quote(option), -1).length, command + ": " + option + "\n" + help);
      }
    }
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingTheChoices() throws Exception {
    CliRun r = CliRun.of("diff", "--format", "sarf", write("old.json", OLD), write("new.json", OLD));
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("unknown format 'sarf'") && r.err().contains("did you mean sarif?"), r.err());
  }

  @Test
  void onlyOneReportGoesToStandardOutput() throws Exception {
    CliRun r = CliRun.of("diff", "--format", "text", "--format", "json", write("old.json", OLD), write("new.json", OLD));
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("connect-verify: only one report can go to standard output"), r.err());
  }

  @Test
  void aMissingSideIsAUsageError() throws Exception {
    CliRun r = CliRun.of("diff", write("old.json", OLD), dir.resolve("nope.json").toString());
    assertEquals(2, r.code());
    assertEquals("connect-verify: " + dir.resolve("nope.json") + ": no such file\n", r.err());
  }

  @Test
  void aUrlWithoutOnlineIsAUsageError() throws Exception {
    CliRun r = CliRun.of("diff", "https://example.com/atlassian-connect.json", write("new.json", OLD));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("add --online"), r.err());
  }

  @Test
  void anUnknownGitRevisionIsAUsageErrorOnOneLine() throws Exception {
    CliRun r = CliRun.of("diff", "git:no-such-revision-xyz:atlassian-connect.json", write("new.json", OLD));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("connect-verify: git:no-such-revision-xyz:atlassian-connect.json: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void templatedSidesAreFilledWithVarAsInVerify() throws Exception {
    String old = write("old.json", OLD);
    String neu = write("new.json", OLD.replace("https://app.example.com", "{{localBaseUrl}}"));
    CliRun filled = CliRun.of("diff", "--var", "localBaseUrl=https://app.example.com", old, neu);
    assertEquals(0, filled.code(), filled.out());
    assertTrue(filled.out().contains("new.json: filled {{localBaseUrl}} from --var"), filled.out());
    CliRun unfilled = CliRun.of("diff", old, neu);
    assertEquals(1, unfilled.code(), unfilled.out());
    assertTrue(unfilled.out().contains("[diff/breaking-base-url]"), unfilled.out());
    assertTrue(unfilled.out().contains("has no value"), unfilled.out());
  }

  @Test
  void aMissingVarsFileIsAUsageError() throws Exception {
    CliRun r = CliRun.of("diff", "--vars", dir.resolve("nope.properties").toString(), write("old.json", OLD), write("new.json", OLD));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("connect-verify: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void needsBothSides() {
    CliRun r = CliRun.of("diff", "old.json");
    assertEquals(2, r.code());
  }
}
