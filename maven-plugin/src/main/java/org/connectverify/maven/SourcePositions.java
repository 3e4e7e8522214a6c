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
 * Moves findings from a filtered copy (what ships) back to the source file the developer edits. A position moves when
 * its JSON pointer exists in both files and it is that pointer's key or value in the copy: it then takes the same
 * place in the source, however filtering shifted lines and columns. Failing that, it moves when filtering left its
 * line untouched (same number of lines in both files, same text on that line), such as the first of two duplicate
 * keys. Anything else stays in the copy, which is where the problem really is (say, a value that expanded into
 * several array elements). A copy that is not JSON keeps all its findings.
 */
final class SourcePositions {
  private final JsonReader reader = new JsonReader();

  /** One copy's display path and what it maps to. */
  private record Mapping(String sourceDisplay, Parsed copy, Parsed source) {}

  private record Parsed(SourceMap map, String[] lines) {}

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
    // the report lists descriptors in its own (display-path) order: pair each with its target by the file verified
    Map<String, Target> byVerified = new HashMap<>();
    for (Target t : targets) {
      byVerified.put(display.of(t.verified()), t);
    }
    for (Report.Checked c : report.descriptors()) {
      Target t = byVerified.get(c.file());
      if (t == null || !t.filteredCopy() || c.product() == null) {
        checked.add(c); // not a copy, or the copy did not parse: positions stay in the copy
        continue;
      }
      String sourceDisplay = display.of(t.source());
      Parsed copy = parse(t.verified(), c.file());
      Parsed source = parse(t.source(), sourceDisplay);
      if (copy == null || source == null) {
        notes.add(c.file() + " is the filtered copy of " + sourceDisplay + "; the source is not plain JSON, so"
            + " positions refer to the copy");
        checked.add(c);
        continue;
      }
      byCopy.put(c.file(), new Mapping(sourceDisplay, copy, source));
      notes.add(c.file() + " (the filtered copy that ships) was verified; positions refer to " + sourceDisplay
          + " wherever they can be placed there");
      checked.add(new Report.Checked(sourceDisplay, c.product(), c.productReason(), c.key()));
    }
    if (byCopy.isEmpty()) {
      return new Report(report.toolVersion(), checked, report.findings(), report.failOn(), notes);
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
    if (m == null || p.line() <= 0) {
      return p;
    }
    int[] target = byPointer(p, m);
    if (target == null) {
      target = byUnchangedLine(p, m);
    }
    return target == null ? p : new Position(m.sourceDisplay(), target[0], target[1], p.pointer());
  }

  private static int[] byPointer(Position p, Mapping m) {
    SourceMap copy = m.copy().map();
    SourceMap source = m.source().map();
    if (!copy.contains(p.pointer()) || !source.contains(p.pointer())) {
      return null;
    }
    int[] at = {p.line(), p.column()};
    if (same(at, copy.key(p.pointer()))) {
      return source.key(p.pointer());
    }
    if (same(at, copy.value(p.pointer()))) {
      return source.value(p.pointer());
    }
    return null; // somewhere a pointer does not name (inside a value, or an earlier duplicate key)
  }

  private static int[] byUnchangedLine(Position p, Mapping m) {
    String[] copy = m.copy().lines();
    String[] source = m.source().lines();
    int i = p.line() - 1;
    if (copy.length != source.length || i >= copy.length || !copy[i].equals(source[i])) {
      return null;
    }
    return new int[] {p.line(), p.column()};
  }

  private static boolean same(int[] a, int[] b) {
    return a[0] == b[0] && a[1] == b[1];
  }

  private Parsed parse(Path file, String display) {
    try {
      JsonReader.Result r = reader.read(Files.readAllBytes(file), display);
      return r.parsed() ? new Parsed(r.sourceMap(), r.text().replace("\r\n", "\n").split("\n", -1)) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
