package org.connectverify.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.connectverify.core.Checks;
import org.connectverify.core.Rule;
import org.connectverify.core.report.RuleDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code connect-verify explain RULE}: prints the rule's doc page. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Print a rule's documentation: why it exists, an example and how to fix it.")
final class ExplainCommand implements Callable<Integer> {
  private final PrintWriter out;
  private final PrintWriter err;

  @Parameters(paramLabel = "RULE", description = "A rule id such as json/duplicate-key (or just duplicate-key).")
  String rule;

  ExplainCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Rule r;
    try {
      r = RuleDocs.resolve(rule, Checks.catalogue());
    } catch (IllegalArgumentException e) {
      err.println("connect-verify: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    String page = RuleDocs.page(r.id());
    if (page == null) {
      err.println("connect-verify: internal error: no documentation packaged for " + r.id() + " (" + r.docUrl() + ")");
      return ExitCodes.INTERNAL;
    }
    out.print(page.endsWith("\n") ? page : page + "\n");
    out.flush();
    return ExitCodes.OK;
  }
}
