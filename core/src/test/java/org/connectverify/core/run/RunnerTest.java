package org.connectverify.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a host's adjustment of the verifier's report does to the rest of the run. */
class RunnerTest {
  @TempDir Path tmp;

  /** Moves every finding to the same place in {@code to}, as the Maven plugin does for a filtered copy. */
  private static Report moveTo(Report r, String to) {
    List<Finding> moved =
        r.findings().stream()
            .map(f -> new Finding(f.ruleId(), f.severity(), new Position(to, f.line(), f.column(), f.pointer()),
                f.message(), f.hint(), f.related()))
            .toList();
    return r.withFindings(moved, List.of());
  }

  @Test
  void suppressionsAndReportsSeeTheAdjustedReport() throws Exception {
    Workspace w = new Workspace(tmp);
    w.write("copy/atlassian-connect.json", Workspace.twoDuplicates());
    w.write(
        "connect-verify.json",
        "{\"suppressions\": [{\"rule\": \"json/duplicate-key\", \"files\": \"src/**\", \"pointer\": \"/name\","
            + " \"reason\": \"kept for the listing\"}]}");
    StringWriter out = new StringWriter();
    Runner.Result r =
        Runner.run(
            List.of(w.root.resolve("copy/atlassian-connect.json")),
            b -> b.verify().baseDir(w.root),
            report -> moveTo(report, "src/atlassian-connect.json"),
            out);
    List<String> lines = Workspace.lines(r);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("src/atlassian-connect.json:"), lines.get(0));
    assertTrue(r.report().notes().contains("1 finding suppressed by connect-verify.json"), r.report().notes().toString());
    assertTrue(out.toString().contains(lines.get(0)), out.toString());
    assertTrue(!out.toString().contains("copy/atlassian-connect.json:39:"), out.toString());
  }
}
