package org.connectverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.connectverify.core.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connect-verify init [DIR]}: writes a starter {@code connect-verify.json}, never over an existing one. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Write a starter connect-verify.json (every option commented) into DIR (default: this folder).")
final class InitCommand implements Callable<Integer> {
  /** The starter file: valid as it is (a test loads it), with the common options at their defaults. */
  static final String STARTER =
      """
      {
        // connect-verify configuration; options use the command line's names (see docs/configuration.md).
        // Found in a descriptor's folder or above it, up to the repository root. Comments are allowed.

        // jira, confluence or auto (decided from the descriptor's modules).
        "product": "auto",

        // The lowest severity that fails the run: error, warning, info or never.
        "fail-on": "error",

        // Reports written on every run, as FORMAT=FILE (text, json, sarif, junit, github, markdown, codequality),
        // relative to this file. For example: "sarif=build/connect-verify.sarif".
        "reports": [],

        // Severity per rule id or category ("schema/*"): error, warning, info or off.
        "rules": {
        },

        // Findings accepted on purpose; each needs a reason. For example:
        // { "rule": "json/comments", "files": "atlassian-connect.json", "reason": "our build strips them" }
        "suppressions": [
        ]
      }
      """;

  private final PrintWriter out;
  private final PrintWriter err;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "Where to write connect-verify.json (default: .).")
  Path dir = Path.of("");

  @Option(names = "--force", description = "Replace an existing connect-verify.json.")
  boolean force;

  InitCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Path file = dir.resolve(Config.FILE_NAME);
    if (Files.exists(file) && !force) {
      err.println("connect-verify: " + file + " already exists; use --force to replace it");
      return ExitCodes.USAGE;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, STARTER, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("connect-verify: cannot write " + file + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    out.println("wrote " + file + "; edit it, then run: connect-verify " + (dir.toString().isEmpty() ? "." : dir));
    return ExitCodes.OK;
  }
}
