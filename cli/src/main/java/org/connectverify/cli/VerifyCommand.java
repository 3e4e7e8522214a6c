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

  @Option(names = "--online", description = "Also verify the deployment: the descriptor, translations, icons, pages and routes it promises must answer (uses the network).")
  boolean online;

  @Option(names = "--base-url", paramLabel = "URL", description = "With --online: probe this deployment (e.g. staging) in place of the descriptor's baseUrl.")
  String baseUrl;

  @Option(names = "--descriptor-url", paramLabel = "URL", description = "With --online: where the descriptor is served (default: baseUrl + the file's name).")
  String descriptorUrl;

  @Option(names = "--connect-timeout", paramLabel = "TIME", description = "With --online: time to open a connection (default: 5s).")
  String connectTimeout;

  @Option(names = "--read-timeout", paramLabel = "TIME", description = "With --online: longest silence while waiting for or reading an answer (default: 10s).")
  String readTimeout;

  @Option(names = "--request-timeout", paramLabel = "TIME", description = "With --online: time for one whole exchange, body included (default: 20s).")
  String requestTimeout;

  @Option(names = "--concurrency", paramLabel = "N", description = "With --online: requests in flight at once (default: 16).")
  String concurrency;

  @Option(names = "--concurrency-per-host", paramLabel = "N", description = "With --online: requests in flight at once to one host (default: 8).")
  String concurrencyPerHost;

  @Option(names = "--max-redirects", paramLabel = "N", description = "With --online: redirects followed per URL (default: 5).")
  String maxRedirects;

  @Option(names = "--max-response-size", paramLabel = "SIZE", description = "With --online: most bytes read from one answer (default: 2MB).")
  String maxResponseSize;

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
      b.online(online).baseUrl(baseUrl).descriptorUrl(descriptorUrl);
      setIfGiven(b, "connect-timeout", connectTimeout);
      setIfGiven(b, "read-timeout", readTimeout);
      setIfGiven(b, "request-timeout", requestTimeout);
      setIfGiven(b, "concurrency", concurrency);
      setIfGiven(b, "concurrency-per-host", concurrencyPerHost);
      setIfGiven(b, "max-redirects", maxRedirects);
      setIfGiven(b, "max-response-size", maxResponseSize);
      options = b.build();
      reporter = reporter(format);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Report report;
    try {
      Verifier verifier = Verifier.create(options);
      if (options.online() && !quiet && System.console() != null) {
        verifier = verifier.withProgress(new TerminalProgress(err));
      }
      report = verifier.verify(paths);
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

  private static void setIfGiven(VerifyOptions.Builder b, String name, String value) {
    if (value != null) {
      b.set(name, value);
    }
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
