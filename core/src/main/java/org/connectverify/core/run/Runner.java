package org.connectverify.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.connectverify.core.Checks;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.baseline.Baseline;
import org.connectverify.core.config.Config;
import org.connectverify.core.config.ConfigException;
import org.connectverify.core.config.Suppressions;
import org.connectverify.core.report.ReportSettings;
import org.connectverify.core.report.RuleDocs;

/**
 * A whole run as every host does it: find and read the configuration file, apply it under the host's options, verify,
 * apply suppressions, write and apply the baseline, and write every report. Hosts only translate their options into
 * calls on a {@link RunOptions.Builder}, print what the result says and pick an exit code.
 */
public final class Runner {
  private Runner() {}

  /**
   * The outcome: the report as rendered, the effective options, and one-line messages for the user (reports written,
   * baseline written), meant for standard error.
   */
  public record Result(Report report, RunOptions options, List<String> messages) {}

  /**
   * Runs.
   *
   * @param inputs descriptor files or folders
   * @param host the host's options; applied after the configuration file's, so they win
   * @param stdout where the report bound to standard output goes
   * @throws InputException a missing input, baseline or configuration file
   * @throws ConfigException a configuration file with problems
   * @throws IllegalArgumentException a bad option value from the host
   * @throws IOException a report or baseline that cannot be written
   */
  public static Result run(List<Path> inputs, Consumer<RunOptions.Builder> host, Writer stdout)
      throws InputException, ConfigException, IOException {
    return run(inputs, host, UnaryOperator.identity(), stdout);
  }

  /**
   * Runs, letting the host adjust the verifier's report before suppressions, the baseline and the reports see it (the
   * Maven plugin moves findings from a filtered copy back to the source file the developer edits).
   *
   * @param adjust applied once to the verifier's report; must keep its descriptors and return a report
   * @see #run(List, Consumer, Writer)
   */
  public static Result run(
      List<Path> inputs, Consumer<RunOptions.Builder> host, UnaryOperator<Report> adjust, Writer stdout)
      throws InputException, ConfigException, IOException {
    Map<String, Rule> catalogue = Checks.catalogue();
    RunOptions.Builder hostOnly = RunOptions.builder();
    host.accept(hostOnly);
    RunOptions first = hostOnly.build();
    Config config =
        loadConfig(first, first.stdinName() != null ? List.of(Path.of(first.stdinName())) : inputs, catalogue);
    if (config != null) {
      first.trace().accept("configuration: " + config.display());
    } else if (!first.noConfig()) {
      first.trace().accept("configuration: no connect-verify.json at or above the first input (up to the repository root)");
    }
    RunOptions.Builder b = RunOptions.builder();
    if (config != null) {
      config.applyTo(b, catalogue);
    }
    host.accept(b);
    RunOptions options = b.build();
    VerifyOptions verify = options.verify();
    Path baseDir = verify.baseDir();

    Verifier verifier = Verifier.create(verify).withProgress(options.progress()).withTrace(options.trace());
    Report report =
        adjust.apply(
            options.stdinBytes() != null
                ? verifier.verify(
                    baseDir.resolve(options.stdinName()).normalize(), options.stdinName(), options.stdinBytes())
                : verifier.verify(inputs));
    List<String> messages = new ArrayList<>();
    if (config != null) {
      report = suppress(report, config, verify);
    }
    // Read the old baseline before writing the new one: both options may name the same file.
    Baseline old = null;
    if (options.baseline() != null) {
      Path file = options.baseline();
      try {
        old = Baseline.read(Files.readAllBytes(file), display(file, baseDir));
      } catch (NoSuchFileException e) {
        throw new InputException(
            file + ": no such baseline file (write one with "
                + verify.optionNames().of("write-baseline", file.toString()) + ")");
      } catch (IOException e) {
        throw new InputException(file + ": cannot read baseline: " + e.getMessage(), e);
      }
    }
    if (options.writeBaseline() != null) {
      Path file = options.writeBaseline();
      Baseline written = Baseline.of(report.findings(), relativeTo(file, baseDir));
      ReportWriter.writeFile(file, written::write);
      messages.add("baseline written to " + display(file, baseDir) + " (" + written.entries().size() + " findings)");
    }
    if (old != null) {
      Path file = options.baseline();
      String shown = display(file, baseDir);
      Baseline.Outcome o = old.apply(report.findings(), relativeTo(file, baseDir));
      report =
          report.withBaseline(
              o.fresh(),
              new Report.BaselineSummary(shown, o.known(), o.fixed()),
              "baseline " + shown + ": " + o.known() + " known finding" + (o.known() == 1 ? "" : "s")
                  + " not shown, " + o.fixed() + " fixed since it was written"
                  + (o.fixed() > 0
                      ? " (rewrite it with " + verify.optionNames().of("write-baseline", null) + " to drop them)"
                      : ""));
    }
    writeReports(report, options, catalogue, baseDir, stdout, messages);
    return new Result(report, options, messages);
  }

  private static Config loadConfig(RunOptions first, List<Path> inputs, Map<String, Rule> catalogue)
      throws InputException, ConfigException {
    if (first.noConfig()) {
      return null;
    }
    Path file = first.config();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new InputException(file + ": no such configuration file");
      }
    } else if (!inputs.isEmpty()) {
      file = Config.find(inputs.get(0));
    }
    if (file == null) {
      return null;
    }
    return Config.load(file, display(file, first.verify().baseDir()), catalogue);
  }

  private static Report suppress(Report report, Config config, VerifyOptions verify) {
    Set<String> checked = new LinkedHashSet<>();
    report.descriptors().forEach(d -> checked.add(d.file()));
    report.findings().forEach(f -> checked.add(f.file()));
    Suppressions.Outcome o = Suppressions.apply(config, report.findings(), verify.baseDir(), checked, verify);
    List<Finding> findings = new ArrayList<>(o.kept());
    findings.addAll(o.unused());
    List<String> notes = new ArrayList<>();
    if (o.suppressed() > 0) {
      notes.add(
          o.suppressed() + " finding" + (o.suppressed() == 1 ? "" : "s") + " suppressed by " + config.display());
    }
    return report.withFindings(findings, notes);
  }

  private static void writeReports(
      Report report,
      RunOptions options,
      Map<String, Rule> catalogue,
      Path baseDir,
      Writer stdout,
      List<String> messages)
      throws IOException {
    List<Rule> rulesRun = new ArrayList<>();
    Set<String> found = new LinkedHashSet<>();
    report.findings().forEach(f -> found.add(f.ruleId()));
    for (Rule r : catalogue.values()) {
      if (!options.verify().skips(r.id()) && (!r.network() || found.contains(r.id()))) {
        rulesRun.add(r);
      }
    }
    ReportSettings.Builder common =
        SourceRoot.applyTo(ReportSettings.builder(), options.sourceRoot(), baseDir)
            .category(options.category())
            .quiet(options.quiet())
            .catalogue(catalogue.values())
            .ruleHelp(RuleDocs::page)
            .rulesRun(rulesRun);
    ReportSettings toFiles = common.build();
    ReportSettings toStdout =
        common.color(options.color()).snippets(options.snippets()).sources(sources(baseDir)).build();
    messages.addAll(ReportWriter.write(report, options.reports(), toStdout, toFiles, baseDir, stdout));
  }

  /** Source lines by display path, read once each, for snippets. */
  private static ReportSettings.Sources sources(Path baseDir) {
    Map<String, List<String>> cache = new HashMap<>();
    return file ->
        cache.computeIfAbsent(
            file,
            f -> {
              try {
                return Files.readAllLines(baseDir.resolve(f), StandardCharsets.UTF_8);
              } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
                return null;
              }
            });
  }

  /** Maps display paths to paths relative to the folder of {@code file} (a baseline), {@code /}-separated. */
  private static UnaryOperator<String> relativeTo(Path file, Path baseDir) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    return display -> {
      Path abs = baseDir.resolve(display).toAbsolutePath().normalize();
      return (abs.getRoot() != null && abs.getRoot().equals(dir.getRoot()) ? dir.relativize(abs) : abs)
          .toString()
          .replace('\\', '/');
    };
  }

  /**
   * A path for messages and reports: relative to the base folder when inside it or in a folder above it (a
   * configuration file found upward shows as {@code ../connect-verify.json}), otherwise as given; {@code /}-separated.
   */
  static String display(Path file, Path baseDir) {
    Path abs = file.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    boolean near = abs.startsWith(baseDir) || (dir != null && baseDir.startsWith(dir));
    return (near ? baseDir.relativize(abs) : file.normalize()).toString().replace('\\', '/');
  }
}
