package org.connectverify.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * One run of the CLI in-process: its exit code, stdout and stderr.
 *
 * @param code the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CliRun(int code, String out, String err) {

  /** Runs the command line as {@code connect-verify ARGS...} would. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs the command line with {@code stdin} as standard input. */
  static CliRun withStdin(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(args, new java.io.ByteArrayInputStream(stdin), new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The repository root (set by surefire). */
  static Path root() {
    String p = System.getProperty("connectverify.root");
    return (p != null ? Path.of(p) : Path.of("..")).toAbsolutePath().normalize();
  }

  /** Everything, for assertion messages. */
  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
