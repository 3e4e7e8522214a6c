package org.connectverify.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions from connect-verify.json end to end: found upward, matched by rule, glob and pointer. */
class SuppressionRunTest {
  @TempDir Path tmp;

  private static final String CONFIG =
      "{\n"
          + "  // comments are fine in the configuration\n"
          + "  \"suppressions\": [\n"
          + "    {\"rule\": \"json/duplicate-key\", \"files\": \"app/*.json\", \"pointer\": \"/modules/generalPages/*\",\n"
          + "     \"reason\": \"legacy page, rewritten in Q3\"},\n"
          + "    {\"rule\": \"json/duplicate-key\", \"files\": \"**/atlassian-connect.json\", \"pointer\": \"/name\",\n"
          + "     \"reason\": \"kept for the marketplace listing\"}\n"
          + "  ]\n"
          + "}\n";

  @Test
  void suppressesByRuleGlobAndPointerAndSaysHowMany() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write("connect-verify.json", CONFIG);
    w.write("app/atlassian-connect.json", Workspace.twoDuplicates());
    Runner.Result r = w.run(b -> {}, "app/atlassian-connect.json");
    assertEquals(List.of(), Workspace.lines(r));
    assertTrue(r.report().notes().contains("2 findings suppressed by connect-verify.json"), r.report().notes().toString());
  }

  @Test
  void stillSuppressedAfterLineShiftsAndReordering() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write("connect-verify.json", CONFIG);
    String shifted =
        "\n\n\n"
            + Workspace.twoDuplicates()
                .replace(
                    "    \"generalPages\": [\n",
                    "    \"generalPages\": [\n      {\"key\": \"first-page\", \"name\": {\"value\": \"First\"}, \"url\":"
                        + " \"/first\"},\n");
    w.write("app/atlassian-connect.json", shifted);
    Runner.Result r = w.run(b -> {}, "app");
    assertEquals(List.of(), Workspace.lines(r));
  }

  @Test
  void aSuppressionWhoseFindingWasFixedIsReportedAtItsPlaceInTheConfig() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write("connect-verify.json", CONFIG);
    w.write(
        "app/atlassian-connect.json",
        Workspace.twoDuplicates().replace("  \"name\": \"Issue Helper 2\",\n", ""));
    Runner.Result r = w.run(b -> {}, "app");
    assertEquals(
        List.of(
            "connect-verify.json:6:5: warning: suppression (rule \"json/duplicate-key\", files"
                + " \"**/atlassian-connect.json\", pointer \"/name\") matched no finding [config/unused-suppression]"),
        Workspace.lines(r));
  }

  @Test
  void theRulePageShowsExactlyThisRunsConfigAndOutput() throws Exception {
    String page =
        java.nio.file.Files.readString(
            org.connectverify.core.TestPaths.root().resolve("docs/rules/config/unused-suppression.md"));
    assertTrue(page.contains("```json\n" + CONFIG + "```"), "the example config is the one this test runs");
    Workspace w = new Workspace(tmp);
    w.write("connect-verify.json", CONFIG);
    w.write("app/atlassian-connect.json", Workspace.twoDuplicates().replace("  \"name\": \"Issue Helper 2\",\n", ""));
    String line = Workspace.lines(w.run(b -> {}, "app")).get(0);
    assertTrue(page.contains("```text\n" + line + "\n```"), line);
  }

  @Test
  void anUnusedSuppressionForFilesNotInThisRunIsNotReported() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write(
        "connect-verify.json",
        "{\"suppressions\": [{\"rule\": \"json/duplicate-key\", \"files\": \"other-app/**\", \"reason\": \"r\"}]}");
    w.write("app/atlassian-connect.json", Workspace.base());
    assertEquals(List.of(), Workspace.lines(w.run(b -> {}, "app")));
  }

  @Test
  void configIsFoundUpwardButNotBeyondTheRepositoryRoot() throws Exception {
    Workspace w = new Workspace(tmp.resolve("repo"));
    w.write("../connect-verify.json", "{\"nonsense\": true}");
    w.write("app/atlassian-connect.json", Workspace.twoDuplicates());
    assertEquals(2, w.run(b -> {}, "app").report().findings().size(), "the file above .git is ignored");
    w.write("connect-verify.json", "{\"rules\": {\"json/duplicate-key\": \"warning\"}}");
    Runner.Result r = w.run(b -> {}, "app/atlassian-connect.json");
    assertTrue(Workspace.lines(r).stream().allMatch(l -> l.contains(": warning: ")), Workspace.lines(r).toString());
    assertTrue(!r.report().failed());
  }

  @Test
  void commandLineOptionsOverrideTheConfig() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write("connect-verify.json", "{\"fail-on\": \"never\", \"reports\": [\"json=out/cv.json\"]}");
    w.write("app/atlassian-connect.json", Workspace.twoDuplicates());
    Runner.Result fromConfig = w.run(b -> {}, "app");
    assertTrue(!fromConfig.report().failed());
    assertTrue(w.read("out/cv.json").contains("\"failOn\" : \"never\""));
    assertEquals("", w.stdout, "the config's report replaced stdout text");
    Runner.Result fromHost =
        w.run(b -> b.set("fail-on", "error", null).report(ReportTarget.parse("text", null)), "app");
    assertTrue(fromHost.report().failed());
    assertTrue(w.stdout.contains("(failed at --fail-on error)"), w.stdout);
  }

  @Test
  void noConfigIgnoresTheFile() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write("connect-verify.json", CONFIG);
    w.write("app/atlassian-connect.json", Workspace.twoDuplicates());
    assertEquals(2, w.run(b -> b.noConfig(true), "app").report().findings().size());
  }

  @Test
  void offTurnsARuleOffAndAWholeCategoryCanBeSet() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write("connect-verify.json", "{\"rules\": {\"json\": \"info\", \"json/comments\": \"off\"}}");
    w.write("app/atlassian-connect.json", "// hello\n" + Workspace.twoDuplicates());
    List<String> lines = Workspace.lines(w.run(b -> {}, "app"));
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.stream().allMatch(l -> l.contains(": info: ") && l.contains("[json/duplicate-key]")), lines.toString());
  }
}
