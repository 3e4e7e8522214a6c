package org.connectverify.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a run: what was checked, the findings in canonical order, and whether the run fails at its
 * threshold. Immutable.
 */
public final class Report {
  /** One descriptor that was checked. {@code product} and {@code key} are null when it could not be parsed. */
  public record Checked(String file, Product product, String productReason, String key) {}

  /**
   * What a baseline did to the run: the baseline file (display path), how many of its findings are still present
   * (and hidden), and how many are gone (fixed).
   */
  public record BaselineSummary(String file, int known, int fixed) {}

  private final String toolVersion;
  private final List<Checked> descriptors;
  private final List<Finding> findings;
  private final FailOn failOn;
  private final List<String> notes;
  private final BaselineSummary baseline;

  public Report(String toolVersion, List<Checked> descriptors, List<Finding> findings, FailOn failOn, List<String> notes) {
    this(toolVersion, descriptors, findings, failOn, notes, null);
  }

  private Report(
      String toolVersion,
      List<Checked> descriptors,
      List<Finding> findings,
      FailOn failOn,
      List<String> notes,
      BaselineSummary baseline) {
    this.baseline = baseline;
    this.toolVersion = toolVersion;
    this.descriptors = List.copyOf(descriptors);
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.ORDER);
    this.findings = List.copyOf(sorted);
    this.failOn = failOn;
    this.notes = List.copyOf(notes);
  }

  public String toolVersion() {
    return toolVersion;
  }

  public List<Checked> descriptors() {
    return descriptors;
  }

  public List<Finding> findings() {
    return findings;
  }

  public FailOn failOn() {
    return failOn;
  }

  /** Things the user should know about the run itself (e.g. checks that were skipped and why). */
  public List<String> notes() {
    return notes;
  }

  /** The baseline applied to this run, or null when none was. */
  public BaselineSummary baseline() {
    return baseline;
  }

  /** The same run with other findings and extra notes (after suppressions, for example). */
  public Report withFindings(List<Finding> newFindings, List<String> extraNotes) {
    List<String> allNotes = new ArrayList<>(notes);
    allNotes.addAll(extraNotes);
    return new Report(toolVersion, descriptors, newFindings, failOn, allNotes, baseline);
  }

  /** The same run with the findings a baseline left, a note saying what it hid, and its summary. */
  public Report withBaseline(List<Finding> newFindings, BaselineSummary summary, String note) {
    List<String> allNotes = new ArrayList<>(notes);
    allNotes.add(note);
    return new Report(toolVersion, descriptors, newFindings, failOn, allNotes, summary);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** True when some finding is at or above the run's threshold. */
  public boolean failed() {
    return findings.stream().anyMatch(f -> failOn.fails(f.severity()));
  }

  /** One line: {@code 2 errors, 1 warning, 0 infos in 3 descriptors}. */
  public String summary() {
    return plural(count(Severity.ERROR), "error")
        + ", "
        + plural(count(Severity.WARNING), "warning")
        + ", "
        + plural(count(Severity.INFO), "info")
        + " in "
        + plural(descriptors.size(), "descriptor");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
