package org.connectverify.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn connect:verify}: verifies the project's Connect descriptors (full behaviour arrives with its issue). */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractMojo {
  /** Skip the goal. */
  @Parameter(property = "connect.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() {
    if (skip) {
      getLog().info("connect-verify skipped (connect.skip)");
      return;
    }
    getLog().info("connect-verify: the Maven goal is not implemented yet; use the CLI");
  }
}
