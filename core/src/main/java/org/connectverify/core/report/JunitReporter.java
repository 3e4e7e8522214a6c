package org.connectverify.core.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
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
 * per descriptor (and per other file with findings), one {@code <testcase>} per rule that ran, named by rule id. A
 * rule whose findings reach the run's {@code --fail-on} threshold fails with the canonical lines as the failure's
 * text; findings below it leave the test passing and appear in its {@code <system-out>}. The classname is the file
 * path with dots replaced, so Jenkins does not split a file name into package and class.
 */
public final class JunitReporter implements Reporter {
  private final ReportSettings settings;

  public JunitReporter(ReportSettings settings) {
    this.settings = settings;
  }

  private record Case(String rule, List<Finding> failing, List<Finding> passing) {}

  @Override
  public void write(Report report, Writer out) throws IOException {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : report.findings()) {
      byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
    }
    Map<String, List<Case>> suites = new LinkedHashMap<>();
    for (Report.Checked d : report.descriptors()) {
      suites.put(d.file(), cases(report, byFile.getOrDefault(d.file(), List.of()), true));
    }
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      suites.computeIfAbsent(e.getKey(), k -> cases(report, e.getValue(), false));
    }
    int tests = 0;
    int failures = 0;
    for (List<Case> cases : suites.values()) {
      tests += cases.size();
      failures += (int) cases.stream().filter(c -> !c.failing().isEmpty()).count();
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

  /** One case per rule that ran (for descriptors) plus one per rule with findings in the file. */
  private List<Case> cases(Report report, List<Finding> findings, boolean descriptor) {
    TreeSet<String> rules = new TreeSet<>();
    if (descriptor) {
      settings.rulesRun().forEach(r -> rules.add(r.id()));
    }
    findings.forEach(f -> rules.add(f.ruleId()));
    List<Case> cases = new ArrayList<>();
    for (String rule : rules) {
      List<Finding> failing = new ArrayList<>();
      List<Finding> passing = new ArrayList<>();
      for (Finding f : findings) {
        if (f.ruleId().equals(rule)) {
          (report.failOn().fails(f.severity()) ? failing : passing).add(f);
        }
      }
      cases.add(new Case(rule, failing, passing));
    }
    return cases;
  }

  private void writeSuite(String file, List<Case> cases, Writer out) throws IOException {
    long failures = cases.stream().filter(c -> !c.failing().isEmpty()).count();
    out.write(
        "  <testsuite name=\"" + attr(file) + "\" tests=\"" + cases.size() + "\" failures=\"" + failures
            + "\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
    String classname = file.replace('.', '_');
    for (Case c : cases) {
      out.write(
          "    <testcase classname=\"" + attr(classname) + "\" name=\"" + attr(c.rule()) + "\" file=\""
              + attr(file) + "\" time=\"0\"");
      if (c.failing().isEmpty() && c.passing().isEmpty()) {
        out.write("/>\n");
        continue;
      }
      out.write(">\n");
      if (!c.failing().isEmpty()) {
        Finding first = c.failing().get(0);
        String message =
            c.failing().size() == 1
                ? first.toString()
                : c.failing().size() + " findings; first: " + first;
        out.write(
            "      <failure message=\"" + attr(message) + "\" type=\"" + first.severity().label() + "\">"
                + text(lines(c.failing())) + "</failure>\n");
      }
      if (!c.passing().isEmpty()) {
        out.write("      <system-out>" + text(lines(c.passing())) + "</system-out>\n");
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
      Rule rule = settings.rule(f.ruleId());
      sb.append("    see: ").append(rule.docUrl()).append('\n');
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
