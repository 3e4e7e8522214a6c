package org.connectverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.connectverify.core.FailOn;
import org.connectverify.core.InputException;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.probe.Probe;
import org.connectverify.core.probe.ProbeOptions;
import org.connectverify.core.report.JsonReporter;
import org.connectverify.core.report.Reporter;
import org.connectverify.core.report.TextReporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connect-verify probe --base-url URL [DESCRIPTOR]}: acts as the product against a running app. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = {
      "Act as Jira or Confluence against a running app: signed install, signed and forged requests to every page and"
          + " webhook, forged installs, secret rotation (alone and under load), uninstall.",
      "Only loopback targets unless --confirm-staging; never Atlassian hosts. Secrets never appear in the output."
    })
final class ProbeCommand implements Callable<Integer> {
  private final PrintWriter out;
  private final PrintWriter err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--base-url", required = true, paramLabel = "URL", description = "The app's base URL.")
  String baseUrl;

  @Parameters(
      paramLabel = "DESCRIPTOR",
      arity = "0..1",
      description = "The app's descriptor (default: fetched from <base-url>/atlassian-connect.json).")
  Path descriptor;

  @Option(
      names = "--confirm-staging",
      description = "Allow a non-loopback target: you confirm it is a staging deployment you own.")
  boolean confirmStaging;

  @Option(
      names = "--key-server-port",
      paramLabel = "N",
      description = "Port of the probe's install-key server on 127.0.0.1 (default: any free port). Point the app's"
          + " public key base URL (atlassian.connect.public-key-base-url) at http://127.0.0.1:N.")
  int keyServerPort;

  @Option(
      names = "--signing-key",
      paramLabel = "FILE",
      description = "Sign installs with this PKCS#8 PEM private key, whose public half is already published where"
          + " the app looks, instead of a key pair made for the run.")
  Path signingKey;

  @Option(
      names = "--key-id",
      paramLabel = "KID",
      description = "Key id of --signing-key (default: the file name without its extension).")
  String keyId;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Concurrent requests while the shared secret rotates (default: 8).")
  int concurrency = ProbeOptions.DEFAULT_CONCURRENCY;

  @Option(
      names = "--install-timeout",
      paramLabel = "SECONDS",
      description = "How long the installed callback may take (default: 10).")
  int installTimeout = (int) ProbeOptions.DEFAULT_INSTALL_TIMEOUT.toSeconds();

  @Option(names = "--product", paramLabel = "PRODUCT", description = "jira, confluence or auto (default: auto).")
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
      description = "Do not run this probe rule (an id such as probe/accepts-wrong-qsh). Repeatable.")
  List<String> skipRules = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "Print only the finding lines.")
  boolean quiet;

  ProbeCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    ProbeOptions options;
    Reporter reporter;
    try {
      VerifyOptions.Builder common =
          VerifyOptions.builder().product(Product.parseChoice(product)).failOn(FailOn.parse(failOn));
      skipRules.forEach(common::skipRule);
      options =
          ProbeOptions.builder()
              .baseUrl(baseUrl)
              .descriptor(descriptor)
              .confirmStaging(confirmStaging)
              .keyServerPort(keyServerPort)
              .signingKey(signingKey)
              .keyId(keyId)
              .concurrency(concurrency)
              .installTimeout(Duration.ofSeconds(installTimeout))
              .common(common.build())
              .build();
      reporter = reporter(format);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Report report;
    try {
      report = Probe.create(options).run();
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
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          w.write(buffer.toString());
        }
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
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "text" -> new TextReporter(quiet);
      case "json" -> new JsonReporter();
      default -> throw new IllegalArgumentException("unknown format '" + name + "' (expected text or json)");
    };
  }
}
