package org.connectverify.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Entry point: {@code connect-verify [verify] [options] PATH...} and the other subcommands. */
public final class Main {
  /** Subcommand names; anything else starts an implicit {@code verify}. */
  static final Set<String> SUBCOMMANDS = Set.of("verify", "rules", "explain", "diff", "probe", "help");

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return new Cli(out, err).execute(withImplicitVerify(args));
  }

  static String[] withImplicitVerify(String[] args) {
    if (args.length == 0) {
      return args;
    }
    String first = args[0];
    if (SUBCOMMANDS.contains(first) || Set.of("-h", "--help", "-V", "--version").contains(first)) {
      return args;
    }
    List<String> out = new ArrayList<>();
    out.add("verify");
    out.addAll(Arrays.asList(args));
    return out.toArray(String[]::new);
  }
}
