package org.connectverify.maven;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.connectverify.core.FailOn;
import org.connectverify.core.InputException;
import org.connectverify.core.Report;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.probe.Probe;
import org.connectverify.core.probe.ProbeOptions;

/**
 * {@code mvn connect:probe -Dconnect.probe.baseUrl=URL}: acts as the product against a running app (signed install,
 * signed and forged requests, secret rotation, uninstall). Not bound to a phase: the app must be running.
 */
@Mojo(name = "probe", requiresProject = false, threadSafe = true)
public final class ProbeMojo extends AbstractMojo {
  @Parameter(property = "connect.probe.baseUrl", required = true)
  private String baseUrl;

  /** The descriptor; by default it is fetched from {@code <baseUrl>/atlassian-connect.json}. */
  @Parameter(property = "connect.probe.descriptor")
  private File descriptor;

  @Parameter(property = "connect.probe.confirmStaging", defaultValue = "false")
  private boolean confirmStaging;

  @Parameter(property = "connect.probe.keyServerPort", defaultValue = "0")
  private int keyServerPort;

  @Parameter(property = "connect.probe.signingKey")
  private File signingKey;

  @Parameter(property = "connect.probe.keyId")
  private String keyId;

  @Parameter(property = "connect.probe.concurrency", defaultValue = "8")
  private int concurrency;

  @Parameter(property = "connect.probe.installTimeout", defaultValue = "10")
  private int installTimeout;

  @Parameter(property = "connect.failOn", defaultValue = "error")
  private String failOn;

  @Parameter(property = "connect.skipRules")
  private List<String> skipRules = new ArrayList<>();

  @Parameter(property = "connect.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("connect-verify probe skipped (connect.skip)");
      return;
    }
    Report report;
    try {
      VerifyOptions.Builder common =
          VerifyOptions.builder().optionNames(new MavenOptionNames()).failOn(FailOn.parse(failOn));
      skipRules.forEach(common::skipRule);
      ProbeOptions options =
          ProbeOptions.builder()
              .baseUrl(baseUrl)
              .descriptor(descriptor == null ? null : descriptor.toPath())
              .confirmStaging(confirmStaging)
              .keyServerPort(keyServerPort)
              .signingKey(signingKey == null ? null : signingKey.toPath())
              .keyId(keyId)
              .concurrency(concurrency)
              .installTimeout(Duration.ofSeconds(installTimeout))
              .common(common.build())
              .onInterrupt(line -> getLog().warn(line))
              .build();
      report = Probe.create(options).run();
    } catch (IllegalArgumentException | InputException e) {
      throw new MojoExecutionException("connect-verify probe: " + e.getMessage(), e);
    }
    report.findings().forEach(f -> ReportLog.finding(getLog(), f));
    ReportLog.descriptorsAndNotes(getLog(), report);
    getLog().info("connect-verify: " + report.summary());
    if (report.failed()) {
      throw new MojoFailureException("connect-verify probe: " + report.summary());
    }
  }
}
