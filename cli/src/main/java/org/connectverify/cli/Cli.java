package org.connectverify.cli;

import java.io.PrintWriter;
import org.connectverify.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The picocli command tree, with one-line errors and the documented exit codes. */
@Command(
    name = "connect-verify",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Verifies Atlassian Connect descriptors beyond their JSON schema.",
    subcommands = {
      VerifyCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      DiffCommand.class,
      ProbeCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Run 'connect-verify verify --help' for the verify options; 'connect-verify PATH' is short for 'connect-verify verify PATH'.",
      "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 internal failure."
    })
final class Cli implements Runnable {
  private final PrintWriter out;
  private final PrintWriter err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Cli(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a descriptor path or a subcommand");
  }

  int execute(String[] args) {
    CommandLine cl = new CommandLine(this, new Factory());
    String[] run = startsWithCommandOrOption(cl, args) ? args : withVerify(args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("connect-verify: " + ex.getMessage());
          err.println("Try 'connect-verify --help' for more information.");
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          err.println("connect-verify: internal error: " + ex);
          return ExitCodes.INTERNAL;
        });
    return cl.execute(run);
  }

  /**
   * True unless the first argument is neither a subcommand nor a top-level option ({@code --help}, {@code --version}):
   * then it is a path, for an implicit {@code verify}. Both sets come from the command tree, so a new subcommand
   * needs no second list.
   */
  private static boolean startsWithCommandOrOption(CommandLine cl, String[] args) {
    return args.length == 0
        || cl.getSubcommands().containsKey(args[0])
        || cl.getCommandSpec().optionsMap().containsKey(args[0]);
  }

  private static String[] withVerify(String[] args) {
    String[] run = new String[args.length + 1];
    run[0] = "verify";
    System.arraycopy(args, 0, run, 1, args.length);
    return run;
  }

  /** Builds subcommands with the same writers. */
  private final class Factory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == VerifyCommand.class) {
        return cls.cast(new VerifyCommand(out, err));
      }
      if (cls == DiffCommand.class) {
        return cls.cast(new DiffCommand(out, err));
      }
      if (cls == RulesCommand.class) {
        return cls.cast(new RulesCommand(out));
      }
      if (cls == ExplainCommand.class) {
        return cls.cast(new ExplainCommand(out, err));
      }
      if (cls == ProbeCommand.class) {
        return cls.cast(new ProbeCommand(out, err));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Version.NAME + " " + Version.get()};
    }
  }
}
