package org.connectverify.core.report;

import java.util.List;
import java.util.Locale;
import org.connectverify.core.text.Strings;

/** The report formats by name, shared by every host (CLI {@code --format}, Maven {@code formats}, config file). */
public final class Reports {
  /** Every format name, in the order help texts list them. */
  public static final List<String> NAMES = List.of("text", "json", "sarif", "junit", "github", "markdown", "codequality");

  private Reports() {}

  /**
   * The reporter for a format name (any case).
   *
   * @throws IllegalArgumentException for an unknown name, listing the choices and the closest one
   */
  public static Reporter create(String name, ReportSettings settings) {
    return switch (canonical(name)) {
      case "text" -> new TextReporter(settings);
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter(settings);
      case "junit" -> new JunitReporter(settings);
      case "github" -> new GithubReporter(settings);
      case "markdown" -> new MarkdownReporter(settings);
      case "codequality" -> new CodeQualityReporter(settings);
      default -> throw new IllegalStateException(name);
    };
  }

  /**
   * The canonical (lower-case) format name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static String canonical(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (NAMES.contains(n)) {
      return n;
    }
    List<String> close = Strings.closest(n, NAMES);
    throw new IllegalArgumentException(
        "unknown format '" + name + "' (expected " + String.join(", ", NAMES) + ")"
            + (close.isEmpty() ? "" : "; did you mean " + close.get(0) + "?"));
  }

  /** A conventional file name for a format's report, e.g. for a report folder: {@code connect-verify.sarif}. */
  public static String defaultFileName(String name) {
    String extension =
        switch (canonical(name)) {
          case "text" -> "txt";
          case "github" -> "github.txt";
          case "junit" -> "junit.xml";
          case "markdown" -> "md";
          case "codequality" -> "codequality.json";
          default -> canonical(name);
        };
    return "connect-verify." + extension;
  }
}
