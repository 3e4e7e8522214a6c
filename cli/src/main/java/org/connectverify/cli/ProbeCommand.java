package org.connectverify.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.connectverify.core.FailOn;
import org.connectverify.core.InputException;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.probe.Probe;
import org.connectverify.core.probe.ProbeOptions;
import org.connectverify.core.probe.ProbeRules;
import org.connectverify.core.run.ReportTarget;
import org.connectverify.core.run.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
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

  @ArgGroup(exclusive = false, multiplicity = "0..1", heading = "")
  ReportOptions reportOptions = new ReportOptions();

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
    List<ReportTarget> targets;
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
              .onInterrupt(line -> {
                err.println(line);
                err.flush();
              })
              .build();
      targets = ReportOptions.withTerminalText(ReportWriter.targets(reportOptions.asked()), quiet);
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
    VerifyOptions common = options.common();
    List<Rule> rulesRun = ProbeRules.all().stream().filter(r -> !common.skips(r.id())).toList();
    return ReportOptions.write(report, targets, rulesRun, quiet, out, err);
  }
}
