package org.connectverify.core.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;

/**
 * JUnit XML in the Surefire dialect that Jenkins, Bitbucket Pipelines, GitLab and Azure read: one {@code <testsuite>}
 * per descriptor (and per other file with findings) and one {@code <testcase>} per finding, named by rule id and JSON
 * pointer ({@code json/duplicate-key /name}), so no CI squeezes several findings into one test's text. A finding at or
 * above the run's {@code --fail-on} threshold fails its test with the canonical line and hint as the failure's text;
 * one below it passes, its line in the test's {@code <system-out>}. A descriptor that was read also gets one passing
 * test per rule that ran on it without a finding, named by the rule id; a descriptor that could not be read gets no
 * passing tests, because no rule ran on it. The classname is the file path with dots replaced, so Jenkins does not
 * split a file name into package and class.
 */
public final class JunitReporter implements Reporter {
  private final ReportSettings settings;

  public JunitReporter(ReportSettings settings) {
    this.settings = settings;
  }

  /** One test: a finding (failing or passing) or a rule that ran clean ({@code finding == null}). */
  private record Case(String name, Finding finding, boolean failed) {}

  @Override
  public void write(Report report, Writer out) throws IOException {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : report.findings()) {
      byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
    }
    Map<String, List<Case>> suites = new LinkedHashMap<>();
    for (Report.Checked d : report.descriptors()) {
      suites.put(d.file(), cases(report, byFile.getOrDefault(d.file(), List.of()), d.product() != null));
    }
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      suites.computeIfAbsent(e.getKey(), k -> cases(report, e.getValue(), false));
    }
    int tests = 0;
    int failures = 0;
    for (List<Case> cases : suites.values()) {
      tests += cases.size();
      failures += (int) cases.stream().filter(Case::failed).count();
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write(
        "<testsuites name=\"connect-verify\" tests=\"" + tests + "\" failures=\"" + failures
            + "\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
    for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
      writeSuite(suite.getKey(), suite.getValue(), out);
    }
    out.write("</testsuites>\n");
  }

  /**
   * One case per finding, then (when the rules ran on this file) one passing case per rule that ran without a finding
   * here; sorted by name, a repeated name numbered.
   */
  private List<Case> cases(Report report, List<Finding> findings, boolean rulesRan) {
    List<Case> cases = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    TreeSet<String> withFindings = new TreeSet<>();
    for (Finding f : findings) {
      withFindings.add(f.ruleId());
      String name = f.ruleId() + " " + where(f);
      int n = seen.merge(name, 1, Integer::sum);
      cases.add(new Case(n == 1 ? name : name + " #" + n, f, report.failOn().fails(f.severity())));
    }
    if (rulesRan) {
      for (Rule r : settings.rulesRun()) {
        if (!withFindings.contains(r.id())) {
          cases.add(new Case(r.id(), null, false));
        }
      }
    }
    cases.sort(Comparator.comparing(Case::name));
    return cases;
  }

  /** The finding's JSON pointer, or its line when it has none, or {@code (file)} for the file as a whole. */
  private static String where(Finding f) {
    if (!f.pointer().isEmpty()) {
      return f.pointer();
    }
    return f.line() > 0 ? "line " + f.line() : "(file)";
  }

  private void writeSuite(String file, List<Case> cases, Writer out) throws IOException {
    long failures = cases.stream().filter(Case::failed).count();
    out.write(
        "  <testsuite name=\"" + attr(file) + "\" tests=\"" + cases.size() + "\" failures=\"" + failures
            + "\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
    String classname = file.replace('.', '_');
    for (Case c : cases) {
      out.write(
          "    <testcase classname=\"" + attr(classname) + "\" name=\"" + attr(c.name()) + "\" file=\""
              + attr(file) + "\" time=\"0\"");
      if (c.finding() == null) {
        out.write("/>\n");
        continue;
      }
      out.write(">\n");
      Finding f = c.finding();
      if (c.failed()) {
        out.write(
            "      <failure message=\"" + attr(f.toString()) + "\" type=\"" + f.severity().label() + "\">"
                + text(lines(List.of(f))) + "</failure>\n");
      } else {
        out.write("      <system-out>" + text(lines(List.of(f))) + "</system-out>\n");
      }
      out.write("    </testcase>\n");
    }
    out.write("  </testsuite>\n");
  }

  private String lines(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append(f).append('\n');
      for (Finding.Related r : f.related()) {
        sb.append("    ").append(r.position().describe()).append(": ").append(r.message()).append('\n');
      }
      if (f.hint() != null) {
        sb.append("    hint: ").append(f.hint()).append('\n');
      }
      sb.append("    see: connect-verify explain ").append(f.ruleId()).append('\n');
    }
    return sb.toString();
  }

  static String attr(String s) {
    return escape(s, true);
  }

  static String text(String s) {
    return escape(s, false);
  }

  /** XML 1.0 escaping; characters XML 1.0 cannot carry at all become U+FFFD. */
  private static String escape(String s, boolean attribute) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append(attribute ? "&quot;" : "\"");
        case '\n' -> sb.append(attribute ? "&#10;" : "\n");
        case '\r' -> sb.append("&#13;");
        case '\t' -> sb.append(attribute ? "&#9;" : "\t");
        default -> {
          boolean allowed =
              (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
          sb.append(allowed ? c : '\uFFFD');
        }
      }
    }
    return sb.toString();
  }
}
