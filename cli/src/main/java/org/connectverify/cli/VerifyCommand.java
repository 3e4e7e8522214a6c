package org.connectverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.connectverify.core.FailOn;
import org.connectverify.core.InputException;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.report.JsonReporter;
import org.connectverify.core.report.Reporter;
import org.connectverify.core.report.TextReporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connect-verify verify [options] PATH...}: the main job. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Verify descriptors (files, or folders searched for atlassian-connect*.json).")
final class VerifyCommand implements Callable<Integer> {
  private final PrintWriter out;
  private final PrintWriter err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Descriptor files or folders.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--product",
      paramLabel = "PRODUCT",
      description = "jira, confluence or auto (default: auto, decided from module types and locations).")
  String product = "auto";

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
  String format = "text";

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "error, warning, info or never: the lowest severity that fails the run (default: error).")
  String failOn = "error";

  @Option(
      names = "--skip-rule",
      paramLabel = "RULE",
      description = "Do not run this rule (an id, or a category such as schema/*). Repeatable.")
  List<String> skipRules = new ArrayList<>();

  @Option(names = "--resources", paramLabel = "DIR", description = "A web root relative descriptor URLs are served from (default: discovered: public/, static/, src/main/webapp, src/main/resources/static, ...). Repeatable.")
  List<Path> resources = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A value for a template placeholder ({{NAME}} or ${NAME}). Repeatable.")
  List<String> vars = new ArrayList<>();

  @Option(names = "--vars", paramLabel = "FILE", description = "Template values from a .properties, .json or .yml file. Repeatable.")
  List<Path> varsFiles = new ArrayList<>();

  @Option(names = "--spring-profile", paramLabel = "PROFILE", description = "Also read application-PROFILE.properties|yml for ${...} placeholders. Repeatable.")
  List<String> springProfiles = new ArrayList<>();

  @Option(names = "--default-locale", paramLabel = "LOCALE", description = "The locale whose translation file must have every i18n key (default: en-US when listed, else the first).")
  String defaultLocale;

  @Option(names = "--severity", paramLabel = "RULE=LEVEL", description = "Report a rule at another severity (error, warning or info). Repeatable.")
  List<String> severities = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "Print only the finding lines.")
  boolean quiet;

  @Option(names = "--no-color", description = "No colours in text output (also: NO_COLOR environment variable).")
  boolean noColor;

  VerifyCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    VerifyOptions options;
    Reporter reporter;
    try {
      VerifyOptions.Builder b =
          VerifyOptions.builder().product(Product.parseChoice(product)).failOn(FailOn.parse(failOn));
      skipRules.forEach(b::skipRule);
      resources.forEach(b::resources);
      vars.forEach(v -> b.set("var", v));
      varsFiles.forEach(b::varsFile);
      springProfiles.forEach(b::springProfile);
      b.defaultLocale(defaultLocale);
      severities.forEach(v -> b.set("severity", v));
      options = b.build();
      reporter = reporter(format);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Report report;
    try {
      report = Verifier.create(options).verify(paths);
    } catch (InputException e) {
      err.println("connect-verify: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      if (output == null) {
        reporter.write(report, out);
        out.flush();
      } else {
        StringWriter buffer = new StringWriter();
        reporter.write(report, buffer);
        writeFile(output, buffer.toString());
        if (!quiet) {
          err.println(report.summary() + "; report written to " + output);
        }
      }
    } catch (IOException e) {
      err.println("connect-verify: cannot write report to " + output + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return report.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private Reporter reporter(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "text" -> new TextReporter(quiet);
      case "json" -> new JsonReporter();
      default -> throw new IllegalArgumentException("unknown format '" + name + "' (expected text or json)");
    };
  }

  private static void writeFile(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }
}
