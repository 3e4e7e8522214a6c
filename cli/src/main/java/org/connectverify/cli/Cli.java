package org.connectverify.cli;

import java.io.PrintWriter;
import java.util.List;
import org.connectverify.core.text.Strings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.connectverify.core.Product;
import org.connectverify.core.Version;
import org.connectverify.core.Checks;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The picocli command tree, with one-line errors and the documented exit codes. */
@Command(
    name = "connect-verify",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Verifies Atlassian Connect descriptors beyond their JSON schema.",
    footer = {
      "",
      "Run 'connect-verify verify --help' for the verify options; 'connect-verify PATH' is short for 'connect-verify verify PATH'.",
      "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 internal failure."
    })
final class Cli implements Runnable {
  private final java.io.InputStream in;
  /**
   * The subcommands, in the order help lists them. They are registered in {@link #execute}, and only the one asked
   * for when that is clear: picocli builds a command's whole model from its annotations, which is most of the time a
   * cold start spends on the command line.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("verify", VerifyCommand.class);
    SUBCOMMANDS.put("rules", RulesCommand.class);
    SUBCOMMANDS.put("explain", ExplainCommand.class);
    SUBCOMMANDS.put("diff", DiffCommand.class);
    SUBCOMMANDS.put("probe", ProbeCommand.class);
    SUBCOMMANDS.put("init", InitCommand.class);
    SUBCOMMANDS.put("completion", CompletionCommand.class);
    SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
  }

  private final PrintWriter out;
  private final PrintWriter err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Cli(java.io.InputStream in, PrintWriter out, PrintWriter err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a descriptor path or a subcommand");
  }

  int execute(String[] args) {
    if (isVerify(args)) {
      // the rule catalogue and the Jira schema (most apps are Jira's) are built on the second core while picocli reads
      // the command line
      Checks.prefetch(Product.JIRA);
    }
    if (System.getProperty(PICOCLI_EXCLUDES) == null) {
      // picocli looks up converters for java.sql and java.time types by reflection as it builds a model, about 8 ms
      // of a cold start; no option here takes such a type (picocli's documented switch, unless the user set it)
      System.setProperty(PICOCLI_EXCLUDES, "java\\.(sql|time)\\..*");
    }
    Factory factory = new Factory();
    String[] run = startsWithCommandOrOption(args) ? args : withVerify(args);
    String mistyped = mistypedCommand(args);
    if (mistyped != null) {
      err.println("connect-verify: " + mistyped);
      err.println("Try 'connect-verify --help' for more information.");
      return ExitCodes.USAGE;
    }
    CommandLine cl;
    try {
      if (run.length > 0 && run[0].equals("verify")) {
        // a verify needs only its own command: picocli builds each command's model from its annotations, which is
        // most of what the command line costs a cold start, so the top command is not built at all
        cl = new CommandLine(factory.create(VerifyCommand.class), factory);
        cl.setCommandName("connect-verify verify"); // as its usage reads under the top command
        run = java.util.Arrays.copyOfRange(run, 1, run.length);
      } else {
        cl = new CommandLine(this, factory);
        for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS.entrySet()) {
          if (run.length == 0 || !SUBCOMMANDS.containsKey(run[0]) || wholeTree(run[0]) || run[0].equals(sub.getKey())) {
            cl.addSubcommand(sub.getKey(), new CommandLine(factory.create(sub.getValue()), factory));
          }
        }
      }
    } catch (Exception e) {
      err.println("connect-verify: internal error: " + e);
      return ExitCodes.INTERNAL;
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("connect-verify: " + ex.getMessage() + suggestion(ex));
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

  private static final String PICOCLI_EXCLUDES = "picocli.converters.excludes";

  /**
   * The top command's options (picocli's standard help options); known here so that a verify can skip building the
   * top command's model. CliTest checks they are the model's.
   */
  static final java.util.Set<String> TOP_OPTIONS = java.util.Set.of("-h", "--help", "-V", "--version");

  /**
   * True unless the first argument is neither a subcommand nor a top-level option ({@code --help}, {@code --version}):
   * then it is a path, for an implicit {@code verify}. The subcommands are {@link #SUBCOMMANDS}, the options
   * {@link #TOP_OPTIONS}.
   */
  private static boolean startsWithCommandOrOption(String[] args) {
    return args.length == 0 || SUBCOMMANDS.containsKey(args[0]) || TOP_OPTIONS.contains(args[0]);
  }

  /**
   * A first argument that is no subcommand, option or existing path but is close to a subcommand's name
   * ({@code verfy}): the message saying so, else null.
   */
  private static String mistypedCommand(String[] args) {
    if (args.length == 0 || startsWithCommandOrOption(args) || !args[0].matches("[A-Za-z-]+")) {
      return null; // an option, or a word with a dot or slash: a path, whose own error is clearer
    }
    try {
      if (java.nio.file.Files.exists(java.nio.file.Path.of(args[0]))) {
        return null;
      }
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    List<String> close = Strings.closest(args[0], SUBCOMMANDS.keySet());
    return close.isEmpty()
        ? null
        : "'" + args[0] + "' is neither a file nor a command; did you mean '" + close.get(0) + "'?";
  }

  /**
   * "; did you mean --format?" for a lone unknown option close to one of the command's (by edit distance, as the rule
   * and format names are matched; picocli's own suggestions list every option sharing a word, which is noise here).
   */
  private static String suggestion(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u && u.getUnmatched().size() == 1) {
      String unknown = u.getUnmatched().get(0);
      String name = unknown.contains("=") ? unknown.substring(0, unknown.indexOf('=')) : unknown;
      if (name.startsWith("-")) {
        List<String> close = Strings.closest(name, ex.getCommandLine().getCommandSpec().optionsMap().keySet());
        if (!close.isEmpty()) {
          return "; did you mean " + close.get(0) + "?";
        }
      }
    }
    return "";
  }

  /** help and completion describe the whole command tree, so every subcommand is registered for them. */
  private static boolean wholeTree(String command) {
    return command.equals("help") || command.equals("completion");
  }

  /**
   * A verify, explicit or implicit (the first argument a path), that does not choose the product (a chosen one may not
   * be Jira).
   */
  private static boolean isVerify(String[] args) {
    if (args.length == 0 || !args[0].equals("verify") && (SUBCOMMANDS.containsKey(args[0]) || args[0].startsWith("-"))) {
      return false;
    }
    for (String a : args) {
      if (a.equals("--product") || a.startsWith("--product=")) {
        return false;
      }
    }
    return true;
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
        return cls.cast(new VerifyCommand(in, out, err));
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
      if (cls == InitCommand.class) {
        return cls.cast(new InitCommand(out, err));
      }
      if (cls == CompletionCommand.class) {
        return cls.cast(new CompletionCommand(out));
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
