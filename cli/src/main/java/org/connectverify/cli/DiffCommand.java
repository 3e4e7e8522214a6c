package org.connectverify.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.connectverify.core.FailOn;
import org.connectverify.core.InputException;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.diff.DescriptorDiff;
import org.connectverify.core.diff.DiffChecks;
import org.connectverify.core.diff.DiffSide;
import org.connectverify.core.diff.DiffSides;
import org.connectverify.core.diff.OkHttpDescriptorFetcher;
import org.connectverify.core.run.ReportTarget;
import org.connectverify.core.run.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connect-verify diff OLD NEW}: what releasing NEW does to customers who have OLD. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description =
        "Compare the released descriptor (OLD) with the one about to be released (NEW) and classify every change:"
            + " breaking or losing data (error), needing each customer's admin to approve it or a major version"
            + " (warning), or rolled out automatically (info).",
    footer = {
      "",
      "OLD and NEW are each a file, an http(s) URL (with --online), or git:REV:path, read from the repository of"
          + " the current folder without a checkout (path from the repository root, or ./path from the current"
          + " folder).",
      "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error or unreadable side,"
          + " 3 internal failure."
    })
final class DiffCommand implements Callable<Integer> {
  private final PrintWriter out;
  private final PrintWriter err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The descriptor customers have now.")
  String older;

  @Parameters(index = "1", paramLabel = "NEW", description = "The descriptor about to be released.")
  String newer;

  @Option(names = "--online", description = "Allow OLD or NEW to be an http(s) URL.")
  boolean online;

  @Option(
      names = "--product",
      paramLabel = "PRODUCT",
      description = "jira, confluence or auto (default: auto, decided from module types and locations).")
  String product = "auto";

  @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A value for a template placeholder ({{NAME}} or $${NAME}) on both sides. Repeatable.")
  List<String> vars = new ArrayList<>();

  @Option(names = "--vars", paramLabel = "FILE", description = "Template values from a .properties, .json or .yml file. Repeatable.")
  List<Path> varsFiles = new ArrayList<>();

  @Option(names = "--spring-profile", paramLabel = "PROFILE", description = "Also read application-PROFILE.properties|yml next to a file side for $${...} placeholders. Repeatable.")
  List<String> springProfiles = new ArrayList<>();

  @ArgGroup(exclusive = false, multiplicity = "0..1", heading = "")
  ReportOptions reportOptions = new ReportOptions();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "error, warning, info or never (default: error, i.e. fail on breaking changes; 'warning' also fails on"
              + " changes that need admin approval).")
  String failOn = "error";

  @Option(
      names = "--skip-rule",
      paramLabel = "RULE",
      description = "Do not report this rule (an id such as diff/automatic, or diff/*). Repeatable.")
  List<String> skipRules = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "Print only the finding lines.")
  boolean quiet;

  DiffCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    VerifyOptions options;
    List<ReportTarget> targets;
    try {
      VerifyOptions.Builder b =
          VerifyOptions.builder().product(Product.parseChoice(product)).failOn(FailOn.parse(failOn));
      skipRules.forEach(b::skipRule);
      vars.forEach(v -> b.set("var", v));
      varsFiles.forEach(f -> b.set("vars", f.toString()));
      springProfiles.forEach(p -> b.set("spring-profile", p));
      options = b.build();
      targets = ReportOptions.withTerminalText(ReportWriter.targets(reportOptions.asked()), quiet);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Report report;
    OkHttpDescriptorFetcher fetcher = online ? new OkHttpDescriptorFetcher(options.http()) : null;
    try {
      DescriptorDiff diff = DescriptorDiff.create(options);
      DiffSides sides = new DiffSides(Path.of("").toAbsolutePath(), fetcher);
      DiffSide a = sides.load(older);
      DiffSide b = sides.load(newer);
      report = diff.diff(a, b);
    } catch (InputException e) {
      err.println("connect-verify: " + e.getMessage());
      return ExitCodes.USAGE;
    } finally {
      if (fetcher != null) {
        fetcher.close();
      }
    }
    List<Rule> rulesRun = DiffChecks.rules().stream().filter(r -> !options.skips(r.id())).toList();
    return ReportOptions.write(report, targets, rulesRun, quiet, out, err);
  }
}
