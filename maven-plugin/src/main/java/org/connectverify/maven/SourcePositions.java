package org.connectverify.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Report;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.json.SourceMap;

/**
 * Moves findings from a filtered copy (what ships) back to the source file the developer edits. A finding moves when
 * its JSON pointer exists in both files and its position is that pointer's key or value in the copy; it then takes
 * the same place in the source. Anything else (a syntax error the filtering introduced, say) stays in the copy, which
 * is where the problem really is.
 */
final class SourcePositions {
  private final JsonReader reader = new JsonReader();

  /** One copy's display path and what it maps to. */
  private record Mapping(String sourceDisplay, SourceMap copy, SourceMap source) {}

  /**
   * @param report the verifier's report for {@code targets}, in the same order (every target a file)
   * @param display how the source files are shown (relative to the run's base folder)
   */
  Report mapBack(Report report, List<Target> targets, Displays display) {
    if (report.descriptors().size() != targets.size()) {
      return report; // a folder was searched: the report does not line up with the targets
    }
    Map<String, Mapping> byCopy = new HashMap<>();
    List<String> notes = new ArrayList<>(report.notes());
    List<Report.Checked> checked = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      Report.Checked c = report.descriptors().get(i);
      if (!t.filteredCopy() || c.product() == null) {
        checked.add(c); // not a copy, or the copy did not parse: positions stay in the copy
        continue;
      }
      SourceMap copy = parse(t.verified(), c.file());
      SourceMap source = parse(t.source(), display.of(t.source()));
      String sourceDisplay = display.of(t.source());
      if (copy == null || source == null) {
        notes.add(c.file() + " is the filtered copy of " + sourceDisplay + "; the source is not plain JSON, so"
            + " positions refer to the copy");
        checked.add(c);
        continue;
      }
      byCopy.put(c.file(), new Mapping(sourceDisplay, copy, source));
      notes.add(c.file() + " (the filtered copy that ships) was verified; positions refer to " + sourceDisplay
          + " where the same JSON pointer exists there");
      checked.add(new Report.Checked(sourceDisplay, c.product(), c.productReason(), c.key()));
    }
    if (byCopy.isEmpty()) {
      return report;
    }
    List<Finding> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      List<Finding.Related> related = new ArrayList<>();
      for (Finding.Related r : f.related()) {
        related.add(new Finding.Related(map(r.position(), byCopy), r.message()));
      }
      findings.add(new Finding(f.ruleId(), f.severity(), map(f.position(), byCopy), f.message(), f.hint(), related));
    }
    return new Report(report.toolVersion(), checked, findings, report.failOn(), notes);
  }

  private static Position map(Position p, Map<String, Mapping> byCopy) {
    Mapping m = byCopy.get(p.file());
    if (m == null || p.line() <= 0 || !m.copy().contains(p.pointer()) || !m.source().contains(p.pointer())) {
      return p;
    }
    int[] at = {p.line(), p.column()};
    int[] target;
    if (same(at, m.copy().key(p.pointer()))) {
      target = m.source().key(p.pointer());
    } else if (same(at, m.copy().value(p.pointer()))) {
      target = m.source().value(p.pointer());
    } else {
      return p; // somewhere inside the value (not a place a pointer names): cannot be mapped reliably
    }
    return new Position(m.sourceDisplay(), target[0], target[1], p.pointer());
  }

  private static boolean same(int[] a, int[] b) {
    return a[0] == b[0] && a[1] == b[1];
  }

  private SourceMap parse(Path file, String display) {
    try {
      JsonReader.Result r = reader.read(Files.readAllBytes(file), display);
      return r.parsed() ? r.sourceMap() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
