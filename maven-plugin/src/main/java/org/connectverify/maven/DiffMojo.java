package org.connectverify.maven;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.connectverify.core.FailOn;
import org.connectverify.core.InputException;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.diff.DescriptorDiff;
import org.connectverify.core.diff.DiffSide;
import org.connectverify.core.diff.DiffSides;
import org.connectverify.core.diff.DiffChecks;
import org.connectverify.core.diff.OkHttpDescriptorFetcher;
import org.connectverify.core.report.ReportSettings;
import org.connectverify.core.report.RuleDocs;
import org.connectverify.core.run.ReportTarget;
import org.connectverify.core.run.ReportWriter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * {@code mvn connect:diff}: compares the last released descriptor with the project's and fails the build on changes
 * that break existing installs (or, with {@code failOn=warning}, on changes that need admin approval).
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class DiffMojo extends AbstractMojo {
  private static final Pattern COORDINATES = Pattern.compile("[^:/\\\\\\s]+(:[^:/\\\\\\s]+){2,4}");

  /**
   * The released descriptor (or Forge {@code manifest.yml}): a file, an http(s) URL (needs {@code online}),
   * {@code git:REV:path}, or the
   * coordinates {@code groupId:artifactId[:extension[:classifier]]:version} of a released artifact that packages
   * {@code atlassian-connect.json}.
   */
  @Parameter(property = "connect.previousDescriptor", required = true)
  String previousDescriptor;

  /** Path of the descriptor inside the artifact; by default the usual places are searched. */
  @Parameter(property = "connect.previousDescriptorEntry")
  String previousDescriptorEntry;

  /** The descriptor about to be released, or the Forge {@code manifest.yml} that carries the app's Connect parts. */
  @Parameter(
      property = "connect.descriptor",
      defaultValue = "${project.basedir}/src/main/resources/atlassian-connect.json")
  File descriptor;

  /** error, warning, info or never: the lowest severity that fails the build. */
  @Parameter(property = "connect.failOn", defaultValue = "error")
  String failOn;

  /** jira, confluence or auto. */
  @Parameter(property = "connect.product", defaultValue = "auto")
  String product;

  /** Rules not to report (ids such as {@code diff/automatic}). */
  @Parameter(property = "connect.skipRules")
  List<String> skipRules = new ArrayList<>();

  /** Allow a URL as previousDescriptor. */
  @Parameter(property = "connect.online", defaultValue = "false")
  boolean online;

  /** Also write the report to this file. */
  @Parameter(property = "connect.diff.outputFile")
  File outputFile;

  /** Format of outputFile: {@code text}, {@code json}, {@code sarif}, {@code junit}, {@code github} or {@code markdown}. */
  @Parameter(property = "connect.diff.format", defaultValue = "text")
  String format;

  /** Skip the goal. */
  @Parameter(property = "connect.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
  RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
  List<RemoteRepository> remoteRepositories;

  @Component RepositorySystem repositorySystem;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("connect-verify diff skipped (connect.skip)");
      return;
    }
    VerifyOptions options;
    ReportTarget target;
    try {
      VerifyOptions.Builder b =
          VerifyOptions.builder().optionNames(new MavenOptionNames())
              .product(Product.parseChoice(product))
              .failOn(FailOn.parse(failOn))
              .baseDir(basedir.toPath());
      skipRules.forEach(b::skipRule);
      options = b.build();
      target = new ReportTarget(format, outputFile == null ? null : outputFile.toPath());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("connect-verify: " + e.getMessage());
    }
    Report report;
    try {
      DiffSide older = previous();
      DiffSide newer = new DiffSides(basedir.toPath(), null).load(descriptor.getPath());
      report = DescriptorDiff.create(options).diff(older, newer);
    } catch (InputException e) {
      throw new MojoExecutionException("connect-verify: " + e.getMessage());
    }
    log(report);
    if (outputFile != null) {
      write(report, target, options);
    }
    if (report.failed()) {
      throw new MojoFailureException(
          "connect-verify diff: " + report.summary() + " (failed at failOn " + report.failOn().label() + ")");
    }
  }

  private DiffSide previous() throws InputException, MojoExecutionException {
    String spec = previousDescriptor.strip();
    String lower = spec.toLowerCase(Locale.ROOT);
    boolean url = lower.startsWith("http://") || lower.startsWith("https://");
    if (url && !online) {
      throw new MojoExecutionException(
          "connect-verify: previousDescriptor " + spec + " is a URL: set online to true (-Dconnect.online) to fetch it");
    }
    if (url && session != null && session.isOffline()) {
      throw new MojoExecutionException(
          "connect-verify: previousDescriptor " + spec + " is a URL, but Maven runs offline (-o)");
    }
    if (isCoordinates(spec)) {
      return artifact(spec);
    }
    try (OkHttpDescriptorFetcher fetcher = url ? new OkHttpDescriptorFetcher() : null) {
      return new DiffSides(basedir.toPath(), fetcher).load(spec);
    }
  }

  /** {@code g:a:v} (up to five parts) that is not a git side, a URL or an existing file. */
  boolean isCoordinates(String spec) {
    return !spec.startsWith("git:")
        && COORDINATES.matcher(spec).matches()
        && !new File(spec).exists()
        && !basedir.toPath().resolve(spec).toFile().exists();
  }

  private DiffSide artifact(String coordinates) throws InputException {
    DefaultArtifact wanted;
    try {
      wanted = new DefaultArtifact(coordinates);
    } catch (IllegalArgumentException e) {
      throw new InputException(coordinates + ": " + e.getMessage());
    }
    File file;
    try {
      file =
          repositorySystem
              .resolveArtifact(repositorySession, new ArtifactRequest(wanted, remoteRepositories, null))
              .getArtifact()
              .getFile();
    } catch (ArtifactResolutionException e) {
      throw new InputException(coordinates + ": cannot resolve the artifact: " + e.getMessage(), e);
    }
    DescriptorJar.Entry entry = DescriptorJar.read(file.toPath(), previousDescriptorEntry, coordinates);
    return new DiffSide(entry.name() + "@" + coordinates, entry.bytes());
  }

  private void log(Report report) {
    report.findings().forEach(f -> ReportLog.finding(getLog(), f));
    ReportLog.descriptorsAndNotes(getLog(), report);
    getLog().info("connect-verify: " + report.summary());
  }

  /** Through the core's report writer, as the CLI's diff writes it (SARIF and JUnit list the diff rules run). */
  private void write(Report report, ReportTarget target, VerifyOptions options) throws MojoExecutionException {
    ReportSettings settings =
        ReportSettings.builder()
            .rulesRun(DiffChecks.rules().stream().filter(r -> !options.skips(r.id())).toList())
            .ruleHelp(RuleDocs::page)
            .build();
    try {
      ReportWriter.write(report, List.of(target), settings, settings, basedir.toPath(), Writer.nullWriter())
          .forEach(m -> getLog().info("connect-verify: " + m));
    } catch (IOException e) {
      throw new MojoExecutionException("connect-verify: cannot write " + outputFile + ": " + e.getMessage(), e);
    }
  }
}
