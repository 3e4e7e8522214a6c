package org.connectverify.core.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.text.Strings;

/**
 * Plain text: one canonical line per finding ({@code path:line:col: severity: message [rule-id]}), optionally the
 * source line with a caret under the position, its related locations and hint indented below, then which product
 * each descriptor was checked as, the run's notes and a summary line. Colours (ANSI) only when asked; the host decides
 * (a terminal, and no {@code --no-color} or {@code NO_COLOR}).
 */
public final class TextReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String GREEN = "\u001b[32m";
  /** Long lines (minified descriptors) are shown as a window this wide around the column. */
  private static final int WINDOW = 100;

  private final ReportSettings settings;

  /** @param quiet print only the finding lines */
  public TextReporter(boolean quiet) {
    this(ReportSettings.builder().quiet(quiet).build());
  }

  public TextReporter(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    boolean quiet = settings.quiet();
    for (Finding f : report.findings()) {
      out.write(line(f));
      out.write('\n');
      if (quiet) {
        continue;
      }
      if (settings.snippets()) {
        snippet(f, out);
      }
      for (Finding.Related r : f.related()) {
        out.write("    " + safe(r.position().describe() + ": " + r.message()) + "\n");
      }
      if (f.hint() != null) {
        out.write("    " + paint(CYAN, "hint:") + " " + safe(f.hint()) + "\n");
      }
    }
    if (quiet) {
      return;
    }
    if (!report.findings().isEmpty()) {
      out.write('\n');
    }
    for (Report.Checked d : report.descriptors()) {
      if (d.product() != null) {
        out.write(safe(d.file() + ": checked as " + d.product().label() + " (" + d.productReason() + ")") + "\n");
      }
    }
    for (String note : report.notes()) {
      out.write(paint(BOLD, "note:") + " " + safe(note) + "\n");
    }
    out.write(paint(report.failed() ? RED + BOLD : GREEN, summary(report)) + "\n");
  }

  /** The summary line's text, saying which threshold failed the run; the GitHub format ends with it too. */
  static String summary(Report report) {
    return report.summary() + (report.failed() ? " (failed at --fail-on " + report.failOn().label() + ")" : "");
  }

  /** The canonical line, coloured when asked (the text is the same either way). */
  private String line(Finding f) {
    if (!settings.color()) {
      return safe(f.toString());
    }
    return paint(BOLD, safe(f.position().describe()))
        + ": "
        + paint(colour(f.severity()) + BOLD, f.severity().label())
        + ": "
        + safe(f.message())
        + " "
        + paint(DIM, "[" + f.ruleId() + "]");
  }

  /**
   * Text from descriptors, servers and file names as it may reach a terminal: control characters (terminal escapes),
   * line breaks and bidirectional overrides escaped, so no input can colour, move or hide output.
   */
  private static String safe(String s) {
    return Strings.printable(s);
  }

  private void snippet(Finding f, Writer out) throws IOException {
    if (f.line() <= 0) {
      return;
    }
    List<String> lines = settings.sources().lines(f.file());
    if (lines == null || f.line() > lines.size()) {
      return;
    }
    String source = lines.get(f.line() - 1);
    int col = Math.max(1, Math.min(f.column(), source.length() + 1));
    String prefix = "";
    String suffix = "";
    if (source.length() > WINDOW) {
      int from = Math.max(0, Math.min(col - 1 - WINDOW / 3, source.length() - WINDOW));
      int to = Math.min(source.length(), from + WINDOW);
      if (from > 0 && Character.isLowSurrogate(source.charAt(from))) {
        from++; // never split a character made of a surrogate pair
      }
      if (to < source.length() && Character.isLowSurrogate(source.charAt(to))) {
        to--;
      }
      prefix = from > 0 ? "..." : "";
      suffix = to < source.length() ? "..." : "";
      col = col - from + prefix.length();
      source = prefix + source.substring(from, to) + suffix;
    }
    String number = String.valueOf(f.line());
    String gutter = " ".repeat(Math.max(0, 5 - number.length())) + number + " | ";
    String blank = " ".repeat(gutter.length() - 2) + "| ";
    String shown =
        String.join("\t", java.util.Arrays.stream(source.split("\t", -1)).map(Strings::printable).toList());
    out.write(paint(DIM, gutter) + shown + "\n");
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < col - 1 && i < source.length(); i++) {
      caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    out.write(paint(DIM, blank) + caret + paint(colour(f.severity()) + BOLD, "^") + "\n");
  }

  private static String colour(Severity s) {
    return switch (s) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case INFO -> CYAN;
    };
  }

  private String paint(String code, String text) {
    return settings.color() ? code + text + RESET : text;
  }
}
