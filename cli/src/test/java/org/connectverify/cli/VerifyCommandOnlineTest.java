package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The online options of {@code verify}: parsing, one-line errors, notes, and a run against a closed local port. */
class VerifyCommandOnlineTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static String descriptor() {
    String root = System.getProperty("connectverify.root", "..");
    return Path.of(root, "core/src/test/resources/rules/base-jira.json").toString();
  }

  @Test
  void aBadBaseUrlIsAOneLineUsageError() {
    assertEquals(2, run("--online", "--base-url", "staging.example.com", descriptor()));
    assertEquals(
        "connect-verify: base-url: 'staging.example.com' is not an absolute http or https URL without credentials",
        err.toString().lines().findFirst().orElse(""));
  }

  @Test
  void aBadHttpSettingIsAOneLineUsageError() {
    assertEquals(2, run("--online", "--concurrency", "0", descriptor()));
    assertEquals("connect-verify: concurrency must be at least 1, got 0", err.toString().lines().findFirst().orElse(""));
    assertEquals(2, run("--read-timeout", "forever", descriptor()));
    assertTrue(err.toString().contains("read-timeout: 'forever' is not a duration"), err.toString());
  }

  @Test
  void withoutOnlineTheReportSaysTheNetworkChecksWereSkipped() {
    assertEquals(0, run(descriptor()));
    assertTrue(
        out.toString().contains("note: skipped the checks that need the network (18 rules: online/*)"), out.toString());
  }

  @Test
  void withOnlineADeploymentThatRefusesConnectionsFailsTheRunWithOneFinding() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    int code = run("--online", "--base-url", "http://127.0.0.1:" + port, "--connect-timeout", "1s", "-q", descriptor());
    assertEquals(1, code, err.toString());
    String report = out.toString();
    assertEquals(1, report.lines().count(), report);
    assertTrue(report.contains("failed with connection refused") && report.endsWith("[online/deployment-down]\n"), report);
  }
}
