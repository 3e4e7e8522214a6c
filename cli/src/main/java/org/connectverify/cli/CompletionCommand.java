package org.connectverify.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code connect-verify completion}: prints a bash (and zsh, through bashcompinit) completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bash completion script for connect-verify (zsh: after 'autoload -U +X bashcompinit && bashcompinit').",
      "Load it now:      source <(connect-verify completion)",
      "Or for every shell: connect-verify completion > ~/.local/share/bash-completion/completions/connect-verify"
    })
final class CompletionCommand implements Callable<Integer> {
  private final PrintWriter out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  CompletionCommand(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    out.print(AutoComplete.bash("connect-verify", spec.root().commandLine()));
    out.flush();
    return ExitCodes.OK;
  }
}
