package org.connectverify.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;

/**
 * {@code mvn connect:verify}: verifies the Connect descriptor the module is about to package, logs every finding as
 * {@code path:line:col: severity: message [rule-id]} at the matching level, writes {@code connect-verify.json} (and
 * any other requested formats) and fails the build at the {@code failOn} threshold.
 *
 * <p>A thin host: which files to verify and where the report goes are Maven questions answered here; everything about
 * the descriptors themselves is the core's. In a reactor, every module is verified on its own and, once every module
 * that runs the goal has done so, all their descriptors are verified again together as one set (see
 * {@link ReactorSet}), so that checks across apps see every app; only findings that the set run adds are logged
 * there, and its report goes to the top-level project's {@code target/connect-verify/reactor/}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractMojo {

  /**
   * Descriptor files (or folders, searched for {@code atlassian-connect*.json}) to verify. Default: {@code
   * atlassian-connect.json} at the root of each main resource folder. A listed file that Maven resource filtering
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

  /** Extra report formats besides the JSON report that is always written: {@code text}. */
  @Parameter(property = "connect.formats")
  private List<String> formats;

  /** Where {@code connect-verify.json} and the other reports are written. */
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

  /** A parameter as the core knows it: {@code name} as in {@link VerifyOptions.Builder#set(String, String)}. */
  private record CoreOption(String parameter, String name, String value) {
    String canonical() {
      return name + "=" + value;
    }
  }

  /**
   * The one place where parameters become core options. A new core option is a {@code @Parameter} field above plus
   * one line here.
   */
  private List<CoreOption> coreOptions() {
    List<CoreOption> o = new ArrayList<>();
    o.add(new CoreOption("product", "product", product));
    o.add(new CoreOption("failOn", "fail-on", failOn));
    split(skipRules).forEach(r -> o.add(new CoreOption("skipRules", "skip-rule", r)));
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
    List<String> optionLines = coreOptions().stream().map(CoreOption::canonical).toList();
    if (skip) {
      getLog().info("connect-verify: skipped (connect.skip)");
      set.register(project, participant(List.of(), optionLines, List.of(), Set.of()));
      finish(null, verifySetIfComplete(set, display, null));
      return;
    }
    VerifyOptions options = options(coreOptions(), display.baseDir());
    ReportFiles files = reportFiles();

    DescriptorLocator.Located located =
        new DescriptorLocator(project.getBasedir().toPath(), project.getResources(), outputDirectory())
            .locate(descriptors);
    located.warnings().forEach(w -> getLog().warn("connect-verify: " + w));
    if (located.targets().isEmpty()) {
      set.register(project, participant(List.of(), optionLines, files.formats(), Set.of()));
      String nothing =
          "connect-verify: nothing to verify: no "
              + DescriptorLocator.DEFAULT_NAME
              + " in "
              + located.searched().stream().map(display::of).collect(Collectors.joining(", ", "[", "]"))
              + "; set <descriptors> (connect.descriptors) to name another file";
      if (failIfNoDescriptors) {
        throw new MojoFailureException(nothing + " (failIfNoDescriptors is set)");
      }
      getLog().info(nothing);
      finish(null, verifySetIfComplete(set, display, files));
      return;
    }

    Report report = run(options, located.targets(), display);
    report.findings().forEach(this::log);
    logDescriptors(report);
    Path json = write(files, report, reportDirectory.toPath());
    String outcome = report.summary() + "; report: " + display.of(json);
    Set<String> lines = report.findings().stream().map(Finding::toString).collect(Collectors.toSet());
    set.register(project, participant(located.targets(), optionLines, files.formats(), lines));
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

  /** Verifies the targets and maps findings in filtered copies back to their sources. */
  private Report run(VerifyOptions options, List<Target> targets, Displays display) throws MojoExecutionException {
    Report report;
    try {
      report = Verifier.create(options).verify(targets.stream().map(Target::verified).toList());
    } catch (InputException e) {
      throw new MojoExecutionException("connect-verify: " + e.getMessage(), e);
    }
    return new SourcePositions().mapBack(report, targets, display);
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
    VerifyOptions options = optionsFrom(members.get(0).options(), display.baseDir());
    List<Target> targets = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (ReactorSet.Participant p : members) {
      targets.addAll(p.targets());
      known.addAll(p.lines());
    }
    Report report = run(options, targets, display);
    List<Finding> fresh = report.findings().stream().filter(f -> !known.contains(f.toString())).toList();
    fresh.forEach(this::log);
    Set<String> formats = new LinkedHashSet<>(members.get(0).formats());
    if (files != null) {
      formats.addAll(files.formats());
    }
    Path json = write(new ReportFiles(new ArrayList<>(formats)), report, setReportDirectory());
    String summary =
        "connect-verify: the reactor's descriptors from " + modules + " verified as one set: " + report.summary()
            + ", " + fresh.size() + " found only by checking them together; report: " + display.of(json);
    boolean failed = fresh.stream().anyMatch(f -> options.failOn().fails(f.severity()));
    if (failed) {
      getLog().error(summary);
      return "connect-verify: " + counts(fresh) + " across the apps of " + modules + " (fails on "
          + options.failOn().label() + "); see the findings above or " + display.of(json);
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

  private void log(Finding f) {
    List<String> lines = new ArrayList<>();
    lines.add(f.toString());
    for (Finding.Related r : f.related()) {
      lines.add("    " + r.position().describe() + ": " + r.message());
    }
    if (f.hint() != null) {
      lines.add("    hint: " + f.hint());
    }
    for (String line : lines) {
      switch (f.severity()) {
        case ERROR -> getLog().error(line);
        case WARNING -> getLog().warn(line);
        case INFO -> getLog().info(line);
      }
    }
  }

  private void logDescriptors(Report report) {
    for (Report.Checked d : report.descriptors()) {
      if (d.product() != null) {
        getLog().info("connect-verify: " + d.file() + " checked as " + d.product().label() + " (" + d.productReason()
            + ")");
      }
    }
    report.notes().forEach(n -> getLog().info("connect-verify: " + n));
  }

  private Path write(ReportFiles files, Report report, Path dir) throws MojoExecutionException {
    try {
      return files.write(report, dir).get(0);
    } catch (IOException e) {
      throw new MojoExecutionException("connect-verify: cannot write the report to " + dir + ": " + e.getMessage(), e);
    }
  }

  private ReportFiles reportFiles() throws MojoExecutionException {
    try {
      return new ReportFiles(split(formats));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("connect-verify: parameter formats (connect.formats): " + e.getMessage(), e);
    }
  }

  private static VerifyOptions options(List<CoreOption> values, Path baseDir) throws MojoExecutionException {
    VerifyOptions.Builder b = VerifyOptions.builder().baseDir(baseDir);
    for (CoreOption o : values) {
      if (o.value() == null || o.value().isBlank()) {
        continue;
      }
      try {
        b.set(o.name(), o.value());
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException(
            "connect-verify: parameter " + o.parameter() + " (connect." + o.parameter() + "): " + e.getMessage(), e);
      }
    }
    return b.build();
  }

  /** Rebuilds options from their canonical {@code name=value} lines (they were validated by their own module). */
  private static VerifyOptions optionsFrom(List<String> lines, Path baseDir) throws MojoExecutionException {
    List<CoreOption> values = new ArrayList<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      values.add(new CoreOption(line.substring(0, eq), line.substring(0, eq), line.substring(eq + 1)));
    }
    return options(values, baseDir);
  }

  private ReactorSet.Participant participant(
      List<Target> targets, List<String> options, List<String> formats, Set<String> lines) {
    return new ReactorSet.Participant(
        project.getId() + "@" + mojoExecution.getExecutionId(),
        project.getArtifactId(),
        targets,
        options,
        formats,
        lines);
  }

  private static String counts(List<Finding> findings) {
    long e = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long w = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long i = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
    return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ") + i
        + (i == 1 ? " info" : " infos");
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

  /** The set's reports go to the top-level project's build folder, where a pipeline finds them. */
  private Path setReportDirectory() {
    MavenProject top = session.getTopLevelProject();
    Path build = top != null ? Path.of(top.getBuild().getDirectory()) : executionRoot().resolve("target");
    return build.resolve("connect-verify").resolve("reactor");
  }
}
