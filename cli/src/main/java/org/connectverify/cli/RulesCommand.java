package org.connectverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.connectverify.core.Checks;
import org.connectverify.core.report.RuleTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code connect-verify rules}: the rule catalogue. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "List every rule: id, default severity, category, whether it needs the network, summary.")
final class RulesCommand implements Callable<Integer> {
  private final PrintWriter out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
  String format = "text";

  RulesCommand(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "text" -> RuleTable.text(Checks.catalogue().values(), out);
      case "json" -> RuleTable.json(Checks.catalogue().values(), out);
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "unknown format '" + format + "' (expected text or json)");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
