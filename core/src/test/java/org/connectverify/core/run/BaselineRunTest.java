package org.connectverify.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.connectverify.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline end to end: written once, then applied to edited descriptors. */
class BaselineRunTest {
  @TempDir Path tmp;

  private Workspace workspace() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write("app/atlassian-connect.json", Workspace.twoDuplicates());
    Runner.Result first = w.run(b -> b.writeBaseline(tmp.resolve("connect-verify-baseline.json")), "app");
    assertEquals(2, first.report().findings().size(), Workspace.lines(first).toString());
    assertTrue(first.messages().contains("baseline written to connect-verify-baseline.json (2 findings)"),
        first.messages().toString());
    return w;
  }

  private static Runner.Result withBaseline(Workspace w) throws Exception {
    return w.run(b -> b.baseline(w.root.resolve("connect-verify-baseline.json")).set("report", "json", null), "app");
  }

  @Test
  void knownFindingsStayHiddenAfterLinesShift() throws Exception {
    Workspace w = workspace();
    w.write(
        "app/atlassian-connect.json",
        "\n\n" + Workspace.twoDuplicates().replaceFirst("\\{\n", "{\n  \"apiVersion\": 1,\n  \"enableLicensing\": false,\n"));
    Runner.Result r = withBaseline(w);
    assertEquals(List.of(), Workspace.lines(r));
    assertEquals(2, r.report().baseline().known());
    assertEquals(0, r.report().baseline().fixed());
    assertTrue(w.stdout.contains("\"baseline\" : {"), w.stdout);
    assertTrue(w.stdout.contains("\"known\" : 2"), w.stdout);
  }

  @Test
  void knownFindingsStayHiddenWhenArrayElementsAndKeysAreReordered() throws Exception {
    Workspace w = workspace();
    String reordered =
        Workspace.twoDuplicates()
            .replace(
                "    \"generalPages\": [\n",
                "    \"generalPages\": [\n      {\"key\": \"first-page\", \"name\": {\"value\": \"First\"}, \"url\":"
                    + " \"/first\"},\n")
            .replace("  \"description\": \"Shows helpful links on every issue.\",\n", "")
            .replace("  \"scopes\": [\"READ\"],\n", "  \"scopes\": [\"READ\"],\n  \"description\": \"Moved.\",\n");
    w.write("app/atlassian-connect.json", reordered);
    Runner.Result r = withBaseline(w);
    assertEquals(List.of(), Workspace.lines(r), "the page moved from index 0 to 1 and is still known");
    assertEquals(2, r.report().baseline().known());
  }

  @Test
  void aFixedFindingIsCountedAndANewOneIsReported() throws Exception {
    Workspace w = workspace();
    String edited =
        Workspace.twoDuplicates()
            .replace("  \"name\": \"Issue Helper 2\",\n", "")
            .replace("\"type\": \"jwt\"", "\"type\": \"jwt\",\n    \"type\": \"jwt\"");
    w.write("app/atlassian-connect.json", edited);
    Runner.Result r = withBaseline(w);
    List<String> lines = Workspace.lines(r);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("duplicate key \"type\""), lines.get(0));
    assertEquals(1, r.report().baseline().known());
    assertEquals(1, r.report().baseline().fixed());
    assertTrue(
        r.report().notes().contains(
            "baseline connect-verify-baseline.json: 1 known finding not shown, 1 fixed since it was written (rewrite"
                + " it with --write-baseline to drop them)"),
        r.report().notes().toString());
  }

  @Test
  void readingAndRewritingTheSameBaselineComparesWithTheOldOne() throws Exception {
    Workspace w = workspace();
    w.write("app/atlassian-connect.json", Workspace.twoDuplicates().replace("  \"name\": \"Issue Helper 2\",\n", ""));
    Path file = w.root.resolve("connect-verify-baseline.json");
    Runner.Result r = w.run(b -> b.baseline(file).writeBaseline(file), "app");
    assertEquals(1, r.report().baseline().fixed());
    assertTrue(w.read("connect-verify-baseline.json").contains("/modules/generalPages/0/url"));
    assertEquals(1, org.connectverify.core.baseline.Baseline.read(
        java.nio.file.Files.readAllBytes(file), "b").entries().size());
  }

  @Test
  void aThirdCopyOfAKnownProblemIsNew() throws Exception {
    Workspace w = workspace();
    w.write(
        "app/atlassian-connect.json",
        Workspace.twoDuplicates()
            .replace("  \"name\": \"Issue Helper 2\",\n", "  \"name\": \"Issue Helper 2\",\n  \"name\": \"Three\",\n"));
    Runner.Result r = withBaseline(w);
    assertEquals(1, r.report().findings().size(), Workspace.lines(r).toString());
    assertEquals(2, r.report().baseline().known());
  }

  @Test
  void textReportSaysHowManyKnownFindingsRemain() throws Exception {
    Workspace w = workspace();
    w.run(b -> b.baseline(w.root.resolve("connect-verify-baseline.json")), "app");
    assertTrue(
        w.stdout.contains(
            "note: baseline connect-verify-baseline.json: 2 known findings not shown, 0 fixed since it was written\n"),
        w.stdout);
    assertTrue(w.stdout.endsWith("0 errors, 0 warnings, 0 infos in 1 descriptor\n"), w.stdout);
  }

  @Test
  void missingOrMalformedBaselineIsAUsageErrorWithPosition() throws Exception {
    Workspace w = workspace();
    InputException missing =
        org.junit.jupiter.api.Assertions.assertThrows(
            InputException.class, () -> w.run(b -> b.baseline(w.root.resolve("nope.json")), "app"));
    assertTrue(missing.getMessage().contains("no such baseline file"), missing.getMessage());
    w.write("bad-baseline.json", "{\n  \"connectVerifyBaseline\": 1,\n  \"findings\": [\n    {\"rule\": \"x\"}\n  ]\n}\n");
    InputException bad =
        org.junit.jupiter.api.Assertions.assertThrows(
            InputException.class, () -> w.run(b -> b.baseline(w.root.resolve("bad-baseline.json")), "app"));
    assertEquals("bad-baseline.json:4:5: each finding needs a \"fingerprint\" string", bad.getMessage());
  }
}
