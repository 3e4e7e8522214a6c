package org.connectverify.maven;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.config.ConfigException;
import org.connectverify.core.run.ReportTarget;
import org.connectverify.core.run.ReportWriter;
import org.connectverify.core.run.RunOptions;
import org.connectverify.core.run.Runner;
import org.connectverify.core.run.SourceRoot;

/**
 * {@code mvn connect:verify}: verifies the Connect descriptor the module is about to package, logs every finding as
 * {@code path:line:col: severity: message [rule-id]} at the matching level, writes {@code connect-verify.json} (and
 * any other requested formats) and fails the build at the {@code failOn} threshold.
 *
 * <p>A thin host over the core's {@code Runner}, with the CLI's options: which files to verify, where the app's web
 * roots and Spring properties are ({@link ProjectFolders}) and where the reports go are Maven questions answered here;
 * everything about the descriptors themselves (configuration file, suppressions, baseline, report formats) is the
 * core's. In a reactor, every module is verified on its own and, once every module
 * that runs the goal has done so, all their descriptors are verified again together as one set (see
 * {@link ReactorSet}), so that checks across apps see every app; only findings that the set run adds are logged
 * there, and its report goes to the top-level project's {@code target/connect-verify/reactor/}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractMojo {

  /**
   * Descriptor files (or folders, searched for {@code atlassian-connect*.json}) to verify. Default: {@code
   * atlassian-connect.json} at the root of each main resource folder, and a Forge {@code manifest.yml} at the module
   * root (Connect on Forge). A listed file that Maven resource filtering
   * copies to the output folder is verified as that copy (what ships), with positions mapped back to the source.
   */
  @Parameter(property = "connect.descriptors")
  private List<File> descriptors;

  /** {@code jira}, {@code confluence} or {@code auto} (decided from module types and locations). */
  @Parameter(property = "connect.product", defaultValue = "auto")
  private String product;

  /** The lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code never}. */
  @Parameter(property = "connect.failOn", defaultValue = "error")
  private String failOn;

  /** Rule ids, or categories such as {@code schema/*}, that are not run (comma-separated on the command line). */
  @Parameter(property = "connect.skipRules")
  private List<String> skipRules;

  /**
   * Report severity overrides, {@code RULE=error|warning|info} (e.g. {@code translations/missing-key=warning});
   * comma-separated on the command line.
   */
  @Parameter(property = "connect.severities")
  private List<String> severities;

  /**
   * Web roots that relative descriptor URLs (translation files, icons) are served from. Default: derived from the
   * module: {@code static}, {@code public}, {@code resources} and {@code META-INF/resources} in each main resource
   * folder and in the build output, the webapp folder, and the same in every reactor module the app depends on.
   */
  @Parameter(property = "connect.resources")
  private List<File> resources;

  /**
   * Template values, as a map ({@code <addon.base-url>https://...</addon.base-url>}) or as {@code <var>NAME=VALUE</var>}
   * entries; they win over every other source. On the command line: {@code -Dconnect.vars=NAME=VALUE,NAME=VALUE}.
   */
  @Parameter
  private TemplateVars vars;

  /** {@code vars} from the command line ({@code NAME=VALUE}, comma-separated); applied after the configured ones. */
  @Parameter(property = "connect.vars", readonly = true)
  private String varsFromCommandLine;

  /** Files of template values ({@code .properties}, {@code .json}, {@code .yml}), later ones winning. */
  @Parameter(property = "connect.varsFiles")
  private List<File> varsFiles;

  /**
   * Active Spring profiles: {@code application-<profile>.properties|yml} are read, over {@code application.*}, to fill
   * {@code ${...}} placeholders. The files are read from the module's build output and main resource folders.
   */
  @Parameter(property = "connect.springProfiles")
  private List<String> springProfiles;

  /**
   * Fill a Forge manifest's {@code ${VAR}} placeholders from the build's environment variables too, as
   * {@code forge deploy} does (after {@code vars} and {@code varsFiles}).
   */
  @Parameter(property = "connect.envVars", defaultValue = "false")
  private boolean envVars;

  /** The locale whose translation file must have every i18n key. Default: {@code en-US} when listed, else the first. */
  @Parameter(property = "connect.defaultLocale")
  private String defaultLocale;

  /**
   * Also verify the deployment the descriptor points at: the descriptor, translations, icons, pages and routes it
   * promises must answer. Off by default: without it nothing touches the network.
   */
  @Parameter(property = "connect.online", defaultValue = "false")
  private boolean online;

  /**
   * Release strictness: unresolved placeholders, unrendered templates, placeholder or tunnel baseUrls and a links.self
   * on a tunnel or with no host fail the build (errors, not warnings). Turn it on in the release profile.
   */
  @Parameter(property = "connect.strict", defaultValue = "false")
  private boolean strict;

  /** Globs of paths (relative to a searched folder) that descriptor search leaves out, e.g. {@code legacy/**}. */
  @Parameter(property = "connect.excludes")
  private List<String> excludes;

  /** With {@code online}: probe this deployment (e.g. staging) in place of the descriptor's baseUrl. */
  @Parameter(property = "connect.baseUrl")
  private String baseUrl;

  /** With {@code online}: where the descriptor is served. Default: baseUrl plus the descriptor's file name. */
  @Parameter(property = "connect.descriptorUrl")
  private String descriptorUrl;

  /**
   * The configuration file ({@code connect-verify.json}: rule severities, suppressions, default options). Default: the
   * nearest {@code connect-verify.json} in the descriptor's folder or above, up to the repository root.
   */
  @Parameter(property = "connect.config")
  private File config;

  /** Ignore every {@code connect-verify.json}. */
  @Parameter(property = "connect.noConfig", defaultValue = "false")
  private boolean noConfig;

  /** Report only findings that are not in this baseline file, and say how many known ones remain. */
  @Parameter(property = "connect.baseline")
  private File baseline;

  /** Record this run's findings (after suppressions) as a baseline in this file. */
  @Parameter(property = "connect.writeBaseline")
  private File writeBaseline;

  /**
   * Report formats written to {@code reportDirectory} besides the JSON report that is always written: {@code text},
   * {@code sarif}, {@code junit} (see {@code junitReport}), {@code github}, {@code markdown}, {@code codequality}
   * (comma-separated on the command line).
   */
  @Parameter(property = "connect.formats")
  private List<String> formats;

  /**
   * Where the JUnit report goes when {@code formats} has {@code junit}: by default among Surefire's reports, where
   * Bitbucket Pipelines finds test reports by itself and Jenkins' usual {@code **}{@code /target/surefire-reports/*.xml}
   * pattern picks it up.
   */
  @Parameter(
      property = "connect.junitReport",
      defaultValue = "${project.build.directory}/surefire-reports/TEST-connect-verify.xml")
  private File junitReport;

  /**
   * The folder SARIF, Code Quality and GitHub annotation paths are relative to (default: the git repository around the
   * project, found from {@code .git}; else the folder Maven runs from).
   */
  @Parameter(property = "connect.sourceRoot")
  private File sourceRoot;

  /** Where {@code connect-verify.json} and the other reports ({@code connect-verify.sarif}, ...) are written. */
  @Parameter(property = "connect.reportDirectory", defaultValue = "${project.build.directory}/connect-verify")
  private File reportDirectory;

  /** Skip the goal. */
  @Parameter(property = "connect.skip", defaultValue = "false")
  private boolean skip;

  /** Fail when the module has no descriptor to verify (by default that is only logged). */
  @Parameter(property = "connect.failIfNoDescriptors", defaultValue = "false")
  private boolean failIfNoDescriptors;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  /**
   * A parameter as the core knows it: {@code name} as in {@link RunOptions.Builder#set(String, String, Path)}, or
   * {@code config} / {@code no-config}.
   */
  private record CoreOption(String parameter, String name, String value, String origin) {
    CoreOption(String parameter, String name, String value) {
      this(parameter, name, value, null);
    }

    String canonical() {
      return name + "=" + value;
    }
  }

  /**
   * The one place where parameters become core options. A new core option is a {@code @Parameter} field above plus
   * one line here. Paths are absolute (Maven resolves {@code File} parameters against the module).
   */
  private List<CoreOption> coreOptions() {
    List<CoreOption> o = new ArrayList<>();
    o.add(new CoreOption("product", "product", product));
    o.add(new CoreOption("failOn", "fail-on", failOn));
    split(skipRules).forEach(r -> o.add(new CoreOption("skipRules", "skip-rule", r)));
    split(severities).forEach(v -> o.add(new CoreOption("severities", "severity", v)));
    if (vars != null) {
      vars.forEach((name, value) -> o.add(new CoreOption("vars", "var", name + "=" + value, "<vars>")));
    }
    split(varsFromCommandLine == null ? null : List.of(varsFromCommandLine))
        .forEach(v -> o.add(new CoreOption("vars", "var", v, "-Dconnect.vars")));
    files(varsFiles).forEach(f -> o.add(new CoreOption("varsFiles", "vars", f.toString())));
    split(springProfiles).forEach(p -> o.add(new CoreOption("springProfiles", "spring-profile", p)));
    o.add(new CoreOption("envVars", "env-vars", envVars ? "true" : null));
    o.add(new CoreOption("defaultLocale", "default-locale", defaultLocale));
    o.add(new CoreOption("config", "config", config == null ? null : config.getAbsolutePath()));
    o.add(new CoreOption("noConfig", "no-config", noConfig ? "true" : null));
    o.add(new CoreOption("online", "online", online ? "true" : null));
    o.add(new CoreOption("baseUrl", "base-url", baseUrl));
    o.add(new CoreOption("descriptorUrl", "descriptor-url", descriptorUrl));
    o.add(new CoreOption("sourceRoot", "source-root", sourceRoot == null ? null : sourceRoot.getAbsolutePath()));
    o.add(new CoreOption("strict", "strict", strict ? "true" : null));
    split(excludes).forEach(g -> o.add(new CoreOption("excludes", "exclude", g)));
    return o;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    long start = System.nanoTime();
    try {
      verify();
    } finally {
      getLog().debug("connect-verify: goal took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
  }

  private void verify() throws MojoExecutionException, MojoFailureException {
    Displays display = new Displays(executionRoot());
    ReactorSet set =
        new ReactorSet(
            session, plugin, mojoExecution.getSource() == MojoExecution.Source.CLI, mojoExecution.getExecutionId());
    List<CoreOption> options = coreOptions();
    List<String> optionLines = lines(options);
    ProjectFolders.Folders none = new ProjectFolders.Folders(List.of(), List.of());
    if (skip) {
      getLog().info("connect-verify: skipped (connect.skip)");
      set.register(project, participant(List.of(), none, optionLines, List.of(), Set.of(), null));
      finish(null, verifySetIfComplete(set, display, null));
      return;
    }
    ReportFiles files = reportFiles();
    validate(options, display);

    DescriptorLocator.Located located =
        new DescriptorLocator(project.getBasedir().toPath(), project.getResources(), outputDirectory())
            .locate(descriptors);
    located.warnings().forEach(w -> getLog().warn("connect-verify: " + w));
    if (located.targets().isEmpty()) {
      set.register(project, participant(List.of(), none, optionLines, files.formats(), Set.of(), null));
      String nothing =
          "connect-verify: nothing to verify: no "
              + DescriptorLocator.DEFAULT_NAME
              + " in "
              + located.searched().stream().map(display::of).collect(Collectors.joining(", ", "[", "]"))
              + " and no Forge manifest.yml at the module root"
              + "; set <descriptors> (connect.descriptors) to name another file";
      if (failIfNoDescriptors) {
        throw new MojoFailureException(nothing + " (failIfNoDescriptors is set)");
      }
      getLog().info(nothing);
      finish(null, verifySetIfComplete(set, display, files));
      return;
    }

    ProjectFolders.Folders folders = folders();
    getLog().debug("connect-verify: web roots " + folders.webRoots() + ", Spring folders " + folders.springFolders());
    Path dir = reportDirectory.toPath();
    Path baselineFile = baseline == null ? null : baseline.toPath();
    Run run =
        run(
            options,
            List.of(new Member(located.targets(), folders)),
            files.targets(dir, junitReport == null ? null : junitReport.toPath()),
            baselineFile,
            writeBaseline == null ? null : writeBaseline.toPath(),
            display,
            moduleCategory());
    Report report = run.result().report();
    report.findings().forEach(f -> ReportLog.finding(getLog(), f));
    ReportLog.descriptorsAndNotes(getLog(), report);
    Path json = ReportFiles.json(dir);
    logMessages(run.result(), json, display);
    String outcome = report.summary() + "; report: " + display.of(json);
    set.register(
        project,
        participant(located.targets(), folders, optionLines, files.formats(), run.raw(), baselineFile));
    String own = null;
    if (report.failed()) {
      own = "connect-verify: " + report.summary() + " (fails on " + report.failOn().label() + "); see the"
          + " findings above or " + display.of(json);
      getLog().error("connect-verify: " + outcome);
    } else {
      getLog().info("connect-verify: " + outcome);
    }
    finish(own, verifySetIfComplete(set, display, files));
  }

  /** Descriptors verified in one run, with the folders of the module they belong to. */
  private record Member(List<Target> targets, ProjectFolders.Folders folders) {}

  /**
   * A finished run and every finding it saw before suppressions and the baseline (canonical lines, positions already
   * in the sources), which the reactor set run compares against.
   */
  private record Run(Runner.Result result, Set<String> raw) {}

  /**
   * One run through the core's {@link Runner}: configuration file, verification, positions of filtered copies mapped
   * back to their sources, suppressions, baseline, reports.
   */
  private Run run(
      List<CoreOption> options,
      List<Member> members,
      List<ReportTarget> reports,
      Path baselineFile,
      Path writeBaselineFile,
      Displays display,
      String category)
      throws MojoExecutionException {
    List<Target> targets = members.stream().flatMap(m -> m.targets().stream()).toList();
    Set<String> raw = new HashSet<>();
    UnaryOperator<Report> mapBack =
        r -> {
          Report mapped = new SourcePositions().mapBack(r, targets, display);
          mapped.findings().forEach(f -> raw.add(f.toString()));
          return mapped;
        };
    try {
      Runner.Result result =
          Runner.run(
              targets.stream().map(Target::verified).toList(),
              b -> apply(b, options, display, members, reports, baselineFile, writeBaselineFile).category(category),
              mapBack,
              Writer.nullWriter());
      return new Run(result, raw);
    } catch (IllegalArgumentException | InputException e) {
      throw new MojoExecutionException("connect-verify: " + e.getMessage(), e);
    } catch (ConfigException e) {
      e.problems().forEach(p -> getLog().error(p));
      throw new MojoExecutionException(
          "connect-verify: the configuration file has " + e.problems().size()
              + (e.problems().size() == 1 ? " problem: " : " problems, the first: ") + e.problems().get(0),
          e);
    } catch (IOException e) {
      throw new MojoExecutionException("connect-verify: cannot write a report or baseline: " + e.getMessage(), e);
    }
  }

  /** These parameters as the core's run options. */
  private static RunOptions.Builder apply(
      RunOptions.Builder b,
      List<CoreOption> options,
      Displays display,
      List<Member> members,
      List<ReportTarget> reports,
      Path baselineFile,
      Path writeBaselineFile) {
    b.verify().baseDir(display.baseDir()).optionNames(new MavenOptionNames());
    for (CoreOption o : options) {
      if (o.value() == null || o.value().isBlank()) {
        continue;
      }
      b.verify().origin(o.origin());
      try {
        switch (o.name()) {
          case "config" -> b.config(Path.of(o.value()));
          case "no-config" -> b.noConfig(Boolean.parseBoolean(o.value()));
          case "env-vars" -> {
            // envVars asks for the build's environment to fill a manifest's ${VAR}, as forge deploy does
            b.set(o.name(), o.value(), null);
            b.verify().environment(System.getenv());
          }
          default -> b.set(o.name(), o.value(), null);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "parameter " + o.parameter() + " (connect." + o.parameter() + "): " + e.getMessage(), e);
      }
    }
    b.verify().origin(null);
    for (Member m : members) {
      VerifyOptions.AppFolders folders =
          new VerifyOptions.AppFolders(m.folders().webRoots(), m.folders().springFolders());
      m.targets().forEach(t -> b.verify().appFolders(t.verified(), folders));
    }
    reports.forEach(b::report);
    return b.baseline(baselineFile).writeBaseline(writeBaselineFile);
  }

  /**
   * The SARIF category of this module's report: {@code connect-verify/} plus the module's folder in the repository,
   * so code scanning keeps one analysis per module instead of letting one module's upload replace another's.
   */
  private String moduleCategory() {
    Path basedir = project.getBasedir().toPath();
    Path root = sourceRoot != null ? sourceRoot.toPath() : SourceRoot.find(basedir);
    String prefix = root == null ? null : SourceRoot.prefix(root, basedir);
    return "connect-verify/" + (prefix != null ? prefix : project.getArtifactId() + "/");
  }

  /** Bad parameter values are configuration errors, named with their user property, before anything is read. */
  private static void validate(List<CoreOption> options, Displays display) throws MojoExecutionException {
    try {
      apply(RunOptions.builder(), options, display, List.of(), List.of(), null, null);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("connect-verify: " + e.getMessage(), e);
    }
  }

  /** The module's folders; the {@code resources} parameter replaces the derived web roots. */
  private ProjectFolders.Folders folders() throws MojoExecutionException {
    ProjectFolders.Folders derived = ProjectFolders.of(project, session.getProjects());
    List<File> given = files(resources);
    if (given.isEmpty()) {
      return derived;
    }
    List<Path> roots = new ArrayList<>();
    for (File f : given) {
      if (!f.isDirectory()) {
        throw new MojoExecutionException(
            "connect-verify: parameter resources (connect.resources): no such folder " + f);
      }
      roots.add(f.toPath());
    }
    return new ProjectFolders.Folders(roots, derived.springFolders());
  }

  /**
   * When this execution completes the reactor's set, verifies the union of every module's descriptors in one run.
   * Returns a failure message when findings that only the set run revealed reach the threshold, else null.
   */
  private String verifySetIfComplete(ReactorSet set, Displays display, ReportFiles files)
      throws MojoExecutionException {
    List<ReactorSet.Participant> claimed = set.claim();
    if (claimed == null) {
      Set<String> pending = set.pending();
      if (!pending.isEmpty()) {
        getLog().debug("connect-verify: the reactor set is verified once these have run: " + pending);
      }
      return null;
    }
    List<ReactorSet.Participant> members = claimed.stream().filter(p -> !p.targets().isEmpty()).toList();
    if (members.size() < 2) {
      return null; // one module's own run already covered the whole set
    }
    String modules = members.stream().map(ReactorSet.Participant::module).collect(Collectors.joining(", "));
    Set<List<String>> distinct = members.stream().map(ReactorSet.Participant::options).collect(Collectors.toSet());
    if (distinct.size() > 1) {
      getLog().warn("connect-verify: the descriptors of " + modules + " were not verified as one set because the"
          + " modules set different options " + distinct + "; checks across apps did not run");
      return null;
    }
    List<CoreOption> options = fromLines(members.get(0).options());
    Set<String> known = new HashSet<>();
    List<Member> runMembers = new ArrayList<>();
    Set<Path> baselines = new HashSet<>();
    for (ReactorSet.Participant p : members) {
      runMembers.add(new Member(p.targets(), p.folders()));
      known.addAll(p.lines());
      baselines.add(p.baseline() == null ? Path.of("") : p.baseline());
    }
    // The modules' shared baseline applies to the set too; a baseline is never written by the set run.
    Path common = baselines.size() == 1 && members.get(0).baseline() != null ? members.get(0).baseline() : null;
    Set<String> formats = new LinkedHashSet<>(members.get(0).formats());
    if (files != null) {
      formats.addAll(files.formats());
    }
    Path dir = setReportDirectory();
    // The set's JSON report holds every finding of the set; the reports CI systems collect (SARIF, JUnit, Code
    // Quality, ...) hold only the findings the set run adds, so no result is uploaded twice next to the modules'.
    List<ReportTarget> targets = new ReportFiles(new ArrayList<>(formats)).targets(dir, setJunitReport());
    Run run = run(options, runMembers, targets.subList(0, 1), common, null, display, "connect-verify/reactor/");
    Report report = run.result().report();
    Set<String> onlyTogether = new HashSet<>(run.raw());
    onlyTogether.removeAll(known);
    List<Finding> fresh = report.findings().stream().filter(f -> onlyTogether.contains(f.toString())).toList();
    writeSetReports(report.withFindings(fresh, List.of()), targets.subList(1, targets.size()), display);
    fresh.forEach(f -> ReportLog.finding(getLog(), f));
    Path json = ReportFiles.json(dir);
    String summary =
        "connect-verify: the reactor's descriptors from " + modules + " verified as one set: " + report.summary()
            + ", " + fresh.size() + " found only by checking them together; report: " + display.of(json);
    VerifyOptions verify = run.result().options().verify();
    boolean failed = fresh.stream().anyMatch(f -> verify.failOn().fails(f.severity()));
    if (failed) {
      getLog().error(summary);
      return "connect-verify: " + counts(fresh) + " across the apps of " + modules + " (fails on "
          + verify.failOn().label() + "); see the findings above or " + display.of(json);
    }
    getLog().info(summary);
    return null;
  }

  private static void finish(String own, String set) throws MojoFailureException {
    if (own != null && set != null) {
      throw new MojoFailureException(own + "; and " + set.substring("connect-verify: ".length()));
    }
    if (own != null || set != null) {
      throw new MojoFailureException(own != null ? own : set);
    }
  }

  /** The run's messages (reports and baseline written), except the JSON report, which the summary line names. */
  private void logMessages(Runner.Result result, Path json, Displays display) {
    String jsonWritten = "json report written to " + display.of(json);
    result.messages().stream()
        .filter(m -> !m.equals(jsonWritten))
        .forEach(m -> getLog().info("connect-verify: " + m));
  }

  private ReportFiles reportFiles() throws MojoExecutionException {
    try {
      return new ReportFiles(split(formats));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("connect-verify: parameter formats (connect.formats): " + e.getMessage(), e);
    }
  }

  private static List<String> lines(List<CoreOption> options) {
    return options.stream().filter(o -> o.value() != null && !o.value().isBlank()).map(CoreOption::canonical).toList();
  }

  /** Options from their canonical {@code name=value} lines (they were validated by their own module). */
  private static List<CoreOption> fromLines(List<String> lines) {
    List<CoreOption> values = new ArrayList<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      values.add(new CoreOption(line.substring(0, eq), line.substring(0, eq), line.substring(eq + 1)));
    }
    return values;
  }

  private ReactorSet.Participant participant(
      List<Target> targets,
      ProjectFolders.Folders folders,
      List<String> options,
      List<String> formats,
      Set<String> lines,
      Path baselineFile) {
    return new ReactorSet.Participant(
        project.getId() + "@" + mojoExecution.getExecutionId(),
        project.getArtifactId(),
        targets,
        folders,
        options,
        formats,
        lines,
        baselineFile);
  }

  private static String counts(List<Finding> findings) {
    long e = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long w = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long i = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
    return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ") + i
        + (i == 1 ? " info" : " infos");
  }

  private static List<File> files(List<File> values) {
    return values == null ? List.of() : values.stream().filter(f -> f != null && !f.getPath().isBlank()).toList();
  }

  /** Comma-separated values in list parameters (as {@code -Dconnect.skipRules=a,b} gives them) become separate. */
  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }

  private Path executionRoot() {
    String root = session.getExecutionRootDirectory();
    return root != null ? Path.of(root) : project.getBasedir().toPath();
  }

  private Path outputDirectory() {
    String out = project.getBuild().getOutputDirectory();
    return out == null ? null : Path.of(out);
  }

  private void writeSetReports(Report fresh, List<ReportTarget> targets, Displays display)
      throws MojoExecutionException {
    if (targets.isEmpty()) {
      return;
    }
    List<org.connectverify.core.Rule> crossApp =
        org.connectverify.core.Checks.catalogue().values().stream().filter(r -> r.category().equals("crossapp")).toList();
    org.connectverify.core.report.ReportSettings settings =
        SourceRoot.applyTo(
                org.connectverify.core.report.ReportSettings.builder(),
                sourceRoot == null ? null : sourceRoot.toPath(),
                display.baseDir())
            .category("connect-verify/reactor/")
            .ruleHelp(org.connectverify.core.report.RuleDocs::page)
            .rulesRun(crossApp)
            .build();
    try {
      for (String m :
          ReportWriter.write(fresh, targets, settings, settings, display.baseDir(), Writer.nullWriter())) {
        getLog().info("connect-verify: " + m);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("connect-verify: cannot write a report: " + e.getMessage(), e);
    }
  }

  private Path setJunitReport() {
    MavenProject top = session.getTopLevelProject();
    Path build = top != null ? Path.of(top.getBuild().getDirectory()) : executionRoot().resolve("target");
    return build.resolve("surefire-reports").resolve("TEST-connect-verify-reactor.xml");
  }

  /** The set's reports go to the top-level project's build folder, where a pipeline finds them. */
  private Path setReportDirectory() {
    MavenProject top = session.getTopLevelProject();
    Path build = top != null ? Path.of(top.getBuild().getDirectory()) : executionRoot().resolve("target");
    return build.resolve("connect-verify").resolve("reactor");
  }
}
