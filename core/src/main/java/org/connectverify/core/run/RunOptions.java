package org.connectverify.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.connectverify.core.VerifyOptions;

/**
 * Everything a whole run can be told on top of {@link VerifyOptions}: which reports to write where, the configuration
 * file, the baseline, and how text looks on a terminal. Shared by the CLI, the Maven plugin and the configuration
 * file, so each exposes the same options. Immutable; made with {@link #builder()}.
 */
public final class RunOptions {
  private final VerifyOptions verify;
  private final List<ReportTarget> reports;
  private final Path config;
  private final boolean noConfig;
  private final Path baseline;
  private final Path writeBaseline;
  private final boolean quiet;
  private final boolean color;
  private final boolean snippets;
  private final org.connectverify.core.http.ProgressListener progress;
  private final Path sourceRoot;
  private final String category;
  private final String stdinName;
  private final byte[] stdinBytes;
  private final java.util.function.Consumer<String> trace;

  private RunOptions(Builder b) {
    this.verify = b.verify.build();
    List<ReportTarget> asked = ReportWriter.targets(!b.reports.isEmpty() ? b.reports : b.configReports);
    if (b.terminalText && asked.stream().noneMatch(ReportTarget::toStdout)) {
      List<ReportTarget> withText = new ArrayList<>(asked);
      withText.add(0, new ReportTarget("text", null));
      asked = List.copyOf(withText);
    }
    this.reports = asked;
    this.sourceRoot = b.sourceRoot;
    this.category = b.category;
    this.stdinName = b.stdinName;
    this.stdinBytes = b.stdinBytes;
    this.trace = b.trace;
    this.config = b.config;
    this.noConfig = b.noConfig;
    this.baseline = b.baseline;
    this.writeBaseline = b.writeBaseline;
    this.quiet = b.quiet;
    this.color = b.color;
    this.snippets = b.snippets;
    this.progress = b.progress;
  }

  /** Where network probing reports how it advances (only used with --online). */
  public org.connectverify.core.http.ProgressListener progress() {
    return progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The folder report paths are relative to in SARIF, Code Quality and GitHub annotations, as given; null to find it
   * (the repository above the base folder, else the base folder).
   */
  public Path sourceRoot() {
    return sourceRoot;
  }

  /** The display name of a descriptor read from standard input, or null when the inputs are files. */
  public String stdinName() {
    return stdinName;
  }

  /** The bytes of a descriptor read from standard input, or null. */
  public byte[] stdinBytes() {
    return stdinBytes == null ? null : stdinBytes.clone();
  }

  /** Where the run says what it searched and picked ({@code --verbose}); a no-op by default. */
  public java.util.function.Consumer<String> trace() {
    return trace;
  }

  /** The run's category in SARIF ({@code automationDetails.id}), or null for the default (see ReportSettings). */
  public String category() {
    return category;
  }

  public VerifyOptions verify() {
    return verify;
  }

  /** The reports to write (at most one to standard output); plain text to standard output when none was asked. */
  public List<ReportTarget> reports() {
    return reports;
  }

  /** The configuration file named by the user, or null to search for {@code connect-verify.json}. */
  public Path config() {
    return config;
  }

  /** True to ignore every configuration file. */
  public boolean noConfig() {
    return noConfig;
  }

  /** Findings recorded in this baseline are not reported; null for none. */
  public Path baseline() {
    return baseline;
  }

  /** Record this run's findings as a baseline here; null for none. */
  public Path writeBaseline() {
    return writeBaseline;
  }

  /** Text reports hold only the finding lines. */
  public boolean quiet() {
    return quiet;
  }

  /** ANSI colours in a text report on standard output. */
  public boolean color() {
    return color;
  }

  /** Source snippets with carets in a text report on standard output. */
  public boolean snippets() {
    return snippets;
  }

  public static final class Builder {
    private final VerifyOptions.Builder verify = VerifyOptions.builder();
    private final List<ReportTarget> reports = new ArrayList<>();
    private final List<ReportTarget> configReports = new ArrayList<>();
    private Path config;
    private boolean noConfig;
    private Path baseline;
    private Path writeBaseline;
    private boolean quiet;
    private boolean color;
    private boolean snippets;
    private org.connectverify.core.http.ProgressListener progress = org.connectverify.core.http.ProgressListener.NONE;
    private Path sourceRoot;
    private boolean terminalText;
    private String category;
    private String stdinName;
    private byte[] stdinBytes;
    private java.util.function.Consumer<String> trace = line -> {};

    /**
     * Verifies these bytes (read from standard input) instead of files, through the same loading as files: the name
     * (e.g. {@code atlassian-connect.json}) is shown in findings, decides the format as a file's name does, and is
     * where the configuration file is looked for.
     */
    public Builder stdin(String name, byte[] bytes) {
      this.stdinName = Objects.requireNonNull(name);
      this.stdinBytes = bytes.clone();
      return this;
    }

    /** Where to say which configuration file, folders and files the run searched and picked. */
    public Builder trace(java.util.function.Consumer<String> trace) {
      this.trace = Objects.requireNonNull(trace);
      return this;
    }

    /** The run's category in SARIF; hosts that write several reports per build give each its own. */
    public Builder category(String category) {
      this.category = category;
      return this;
    }

    private Builder() {}

    /** The repository root report paths are made relative to (default: found from {@code .git} above the base). */
    public Builder sourceRoot(Path sourceRoot) {
      this.sourceRoot = sourceRoot;
      return this;
    }

    /**
     * True when the host shows text findings on standard output whenever no report goes there (the CLI, unless
     * quiet): {@code --report sarif=FILE} then adds a file and keeps the findings on the terminal.
     */
    public Builder terminalText(boolean terminalText) {
      this.terminalText = terminalText;
      return this;
    }

    /** The verifier's options, to set directly. */
    public VerifyOptions.Builder verify() {
      return verify;
    }

    /** Adds a report; any report added here replaces those the configuration file asked for. */
    public Builder report(ReportTarget target) {
      reports.add(Objects.requireNonNull(target));
      return this;
    }

    /** Adds a report from the configuration file (used only when the host asks for none). */
    public Builder configReport(ReportTarget target) {
      configReports.add(Objects.requireNonNull(target));
      return this;
    }

    public Builder config(Path config) {
      this.config = config;
      return this;
    }

    public Builder noConfig(boolean noConfig) {
      this.noConfig = noConfig;
      return this;
    }

    public Builder baseline(Path baseline) {
      this.baseline = baseline;
      return this;
    }

    public Builder writeBaseline(Path writeBaseline) {
      this.writeBaseline = writeBaseline;
      return this;
    }

    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    public Builder color(boolean color) {
      this.color = color;
      return this;
    }

    public Builder snippets(boolean snippets) {
      this.snippets = snippets;
      return this;
    }

    /** Where network probing reports how it advances; hosts pass one only when they can show it. */
    public Builder progress(org.connectverify.core.http.ProgressListener progress) {
      this.progress = java.util.Objects.requireNonNull(progress);
      return this;
    }

    /**
     * Sets an option by the name users write in the configuration file: the run's own ({@code report} or
     * {@code format}, singular or plural, as {@code FORMAT} or {@code FORMAT=FILE}; {@code baseline};
     * {@code write-baseline}; {@code quiet}; {@code source-root}), otherwise the verifier's ({@link VerifyOptions.Builder#set}). Relative
     * paths resolve against {@code base} (the configuration file's folder; null: as given).
     *
     * @throws IllegalArgumentException for an unknown name or a bad value
     */
    public Builder set(String name, String value, Path base) {
      switch (name) {
        case "report", "reports", "format", "formats" -> report(ReportTarget.parse(value, base));
        case "baseline" -> baseline(resolve(value, base));
        case "write-baseline" -> writeBaseline(resolve(value, base));
        case "quiet" -> quiet(bool(name, value));
        case "source-root" -> sourceRoot(resolve(value, base));
        default -> verify.set(name, value);
      }
      return this;
    }

    private static Path resolve(String value, Path base) {
      Path p = Path.of(value.trim());
      return base == null || p.isAbsolute() ? p : base.resolve(p);
    }

    private static boolean bool(String name, String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException("option '" + name + "' takes true or false, not '" + value + "'");
      };
    }

    /**
     * @throws IllegalArgumentException when more than one report goes to standard output
     */
    public RunOptions build() {
      return new RunOptions(this);
    }
  }
}
