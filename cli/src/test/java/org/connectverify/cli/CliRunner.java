package org.connectverify.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
final class CliRunner {
  record Result(int code, String out, String err) {}

  static Path root() {
    String p = System.getProperty("connectverify.root");
    return (p != null ? Path.of(p) : Path.of("..")).toAbsolutePath().normalize();
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private CliRunner() {}
}
