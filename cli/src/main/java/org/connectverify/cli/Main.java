package org.connectverify.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: {@code connect-verify [verify] [options] PATH...} and the other subcommands. */
public final class Main {
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
    return run(args, System.in, out, err);
  }

  /** Runs the command line with {@code in} as standard input and returns the exit code; never throws. */
  public static int run(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
    try {
      return new Cli(in, out, err).execute(args);
    } catch (OutOfMemoryError e) {
      err.println("connect-verify: internal error: out of memory (give the JVM more with -Xmx, or check the inputs'"
          + " sizes)");
      return ExitCodes.INTERNAL;
    } catch (Throwable t) {
      String m = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
      err.println("connect-verify: internal error: " + t.getClass().getName() + (m.isEmpty() ? "" : ": " + m));
      return ExitCodes.INTERNAL;
    }
  }
}
