package org.connectverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.connectverify.core.InputException;
import org.connectverify.core.config.ConfigException;
import org.connectverify.core.run.RunOptions;
import org.connectverify.core.run.Runner;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connect-verify verify [options] PATH...}: the main job, a thin shell over {@link Runner}. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Verify descriptors (files, or folders searched for atlassian-connect*.json).")
final class VerifyCommand implements Callable<Integer> {
  private final PrintWriter out;
  private final PrintWriter err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Descriptor files or folders; '-' reads one descriptor from standard input.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--stdin-filename",
      paramLabel = "NAME",
      description = "With '-': the name findings show for standard input, which also decides its format and where"
          + " connect-verify.json is looked for (default: atlassian-connect.json).")
  String stdinFilename;

  @Option(names = "--verbose", description = "Say on stderr which configuration, folders and files were searched and"
      + " why each descriptor was picked.")
  boolean verbose;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description = "always, never or auto (default: auto: on a terminal, unless NO_COLOR; FORCE_COLOR turns it on).")
  String color;

  @Option(
      names = "--product",
      paramLabel = "PRODUCT",
      description = "jira, confluence or auto (default: auto, decided from module types and locations).")
  String product;

  @ArgGroup(exclusive = false, multiplicity = "0..1", heading = "")
  ReportOptions reportOptions = new ReportOptions();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "error, warning, info or never: the lowest severity that fails the run (default: error).")
  String failOn;

  @Option(
      names = "--skip-rule",
      paramLabel = "RULE",
      description = "Do not run this rule (an id, or a category such as schema/*). Repeatable.")
  List<String> skipRules = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: the nearest connect-verify.json above the first PATH, up to the"
          + " repository root).")
  Path config;

  @Option(names = "--no-config", description = "Ignore connect-verify.json files.")
  boolean noConfig;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Report only findings that are not in this baseline, and say how many known ones remain.")
  Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Record this run's findings (after suppressions) as a baseline in FILE.")
  Path writeBaseline;

  @Option(names = "--resources", paramLabel = "DIR", description = "A web root relative descriptor URLs are served from (default: discovered: public/, static/, src/main/webapp, src/main/resources/static, ...). Repeatable.")
  List<Path> resources = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A value for a template placeholder ({{NAME}} or $${NAME}). Repeatable.")
  List<String> vars = new ArrayList<>();

  @Option(names = "--vars", paramLabel = "FILE", description = "Template values from a .properties, .json or .yml file. Repeatable.")
  List<Path> varsFiles = new ArrayList<>();

  @Option(names = "--spring-profile", paramLabel = "PROFILE", description = "Also read application-PROFILE.properties|yml for $${...} placeholders. Repeatable.")
  List<String> springProfiles = new ArrayList<>();

  @Option(names = "--env-vars", description = "Fill a Forge manifest's $${VAR} placeholders from this process's environment too, as forge deploy does (after --var and --vars).")
  boolean envVars;

  @Option(names = "--default-locale", paramLabel = "LOCALE", description = "The locale whose translation file must have every i18n key (default: en-US when listed, else the first).")
  String defaultLocale;

  @Option(names = "--severity", paramLabel = "RULE=LEVEL", description = "Report a rule at another severity (error, warning or info). Repeatable.")
  List<String> severities = new ArrayList<>();

  @Option(names = "--online", description = "Also verify the deployment: the descriptor, translations, icons, pages and routes it promises must answer (uses the network).")
  boolean online;

  @Option(names = "--base-url", paramLabel = "URL", description = "With --online: probe this deployment (e.g. staging) in place of the descriptor's baseUrl.")
  String baseUrl;

  @Option(names = "--descriptor-url", paramLabel = "URL", description = "With --online: where the descriptor is served (default: baseUrl + the file's name).")
  String descriptorUrl;

  @Option(names = "--connect-timeout", paramLabel = "TIME", description = "With --online: time to open a connection (default: 5s).")
  String connectTimeout;

  @Option(names = "--read-timeout", paramLabel = "TIME", description = "With --online: longest silence while waiting for or reading an answer (default: 10s).")
  String readTimeout;

  @Option(names = "--request-timeout", paramLabel = "TIME", description = "With --online: time for one whole exchange, body included (default: 20s).")
  String requestTimeout;

  @Option(names = "--concurrency", paramLabel = "N", description = "With --online: requests in flight at once (default: 16).")
  String concurrency;

  @Option(names = "--concurrency-per-host", paramLabel = "N", description = "With --online: requests in flight at once to one host (default: 8).")
  String concurrencyPerHost;

  @Option(names = "--max-redirects", paramLabel = "N", description = "With --online: redirects followed per URL (default: 5).")
  String maxRedirects;

  @Option(names = "--max-response-size", paramLabel = "SIZE", description = "With --online: most bytes read from one answer (default: 2MB).")
  String maxResponseSize;

  @Option(names = "--strict", description = "Release strictness: unresolved placeholders, unrendered templates, placeholder or tunnel baseUrls and a links.self on a tunnel or with no host are errors, not warnings (config key: strict).")
  boolean strict;

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave paths matching GLOB (relative to a searched folder, e.g. 'legacy/**') out of folder search. Repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--max-descriptor-size", paramLabel = "SIZE", description = "Descriptors larger than this are not read, a json/too-large finding instead (default: 16MB).")
  String maxDescriptorSize;

  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      description = "Make SARIF, Code Quality and GitHub annotation paths relative to DIR (default: the git repository"
          + " around the working folder, found from .git).")
  Path sourceRoot;

  @Option(names = {"-q", "--quiet"}, description = "Print only the finding lines; with report files, nothing.")
  boolean quiet;

  @Option(names = "--no-color", description = "No colours in text output (also: NO_COLOR environment variable).")
  boolean noColor;

  private final java.io.InputStream in;

  VerifyCommand(java.io.InputStream in, PrintWriter out, PrintWriter err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Runner.Result result;
    byte[] stdin = null;
    boolean fromStdin = paths.stream().anyMatch(p -> p.toString().equals("-"));
    if (fromStdin && paths.size() > 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "'-' (standard input) cannot be combined with other paths");
    }
    if (!fromStdin && stdinFilename != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--stdin-filename needs '-' as the path");
    }
    if (fromStdin) {
      try {
        stdin = in.readAllBytes();
      } catch (IOException e) {
        err.println("connect-verify: cannot read standard input: " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    byte[] input = stdin;
    try {
      result =
          Runner.run(
              fromStdin ? List.of() : paths,
              b -> {
                apply(b);
                if (input != null) {
                  b.stdin(stdinFilename != null ? stdinFilename : "atlassian-connect.json", input);
                }
              },
              out);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (InputException e) {
      err.println("connect-verify: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("connect-verify: cannot write: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    int code = ReportOptions.finish(result.report(), result.options().reports(), result.messages(), quiet, err);
    // The findings just written to the baseline are accepted: writing it is the job, and it succeeded.
    return writeBaseline != null ? ExitCodes.OK : code;
  }

  /** This command's options as run options; only what the user gave, so the configuration file fills the rest. */
  private void apply(RunOptions.Builder b) {
    boolean terminal = System.console() != null;
    set(b, "product", product);
    set(b, "fail-on", failOn);
    skipRules.forEach(r -> b.set("skip-rule", r, null));
    resources.forEach(r -> b.set("resources", r.toString(), null));
    vars.forEach(v -> b.set("var", v, null));
    varsFiles.forEach(f -> b.set("vars", f.toString(), null));
    springProfiles.forEach(p -> b.set("spring-profile", p, null));
    if (envVars) {
      b.set("env-vars", "true", null);
    }
    set(b, "default-locale", defaultLocale);
    severities.forEach(v -> b.set("severity", v, null));
    if (online) {
      b.set("online", "true", null);
    }
    if (strict) {
      b.set("strict", "true", null);
    }
    excludes.forEach(g -> b.set("exclude", g, null));
    b.verify().environment(System.getenv());
    set(b, "base-url", baseUrl);
    set(b, "descriptor-url", descriptorUrl);
    set(b, "connect-timeout", connectTimeout);
    set(b, "read-timeout", readTimeout);
    set(b, "request-timeout", requestTimeout);
    set(b, "concurrency", concurrency);
    set(b, "concurrency-per-host", concurrencyPerHost);
    set(b, "max-redirects", maxRedirects);
    set(b, "max-response-size", maxResponseSize);
    set(b, "max-descriptor-size", maxDescriptorSize);
    if (!quiet && terminal) {
      b.progress(new TerminalProgress(err));
    }
    reportOptions.asked().forEach(b::report);
    b.config(config).noConfig(noConfig).quiet(quiet).terminalText(!quiet);
    if (sourceRoot != null) {
      b.sourceRoot(sourceRoot);
    }
    if (baseline != null) {
      b.baseline(baseline);
    }
    if (writeBaseline != null) {
      b.writeBaseline(writeBaseline);
    }
    b.snippets(terminal)
        .color(Terminal.colour(terminal, color, noColor, System.getenv("NO_COLOR"), System.getenv("FORCE_COLOR")));
    if (verbose) {
      b.trace(line -> err.println("connect-verify: " + line));
    }
  }

  private static void set(RunOptions.Builder b, String name, String value) {
    if (value != null) {
      b.set(name, value, null);
    }
  }
}
