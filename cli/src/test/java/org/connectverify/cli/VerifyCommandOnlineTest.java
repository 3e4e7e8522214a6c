package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The online options of {@code verify}: parsing, one-line errors, notes, and a run against a closed local port. */
class VerifyCommandOnlineTest {
  private static String descriptor() {
    return CliRun.root().resolve("core/src/test/resources/rules/base-jira.json").toString();
  }

  @Test
  void aBadBaseUrlIsAOneLineUsageError() {
    CliRun r = CliRun.of("--online", "--base-url", "staging.example.com", descriptor());
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "connect-verify: base-url: 'staging.example.com' is not an absolute http or https URL without credentials",
        r.err().lines().findFirst().orElse(""));
  }

  @Test
  void aBadHttpSettingIsAOneLineUsageError() {
    CliRun concurrency = CliRun.of("--online", "--concurrency", "0", descriptor());
    assertEquals(2, concurrency.code(), concurrency.toString());
    assertEquals("connect-verify: concurrency must be at least 1, got 0", concurrency.err().lines().findFirst().orElse(""));
    CliRun timeout = CliRun.of("--read-timeout", "forever", descriptor());
    assertEquals(2, timeout.code(), timeout.toString());
    assertTrue(timeout.err().contains("read-timeout: 'forever' is not a duration"), timeout.err());
  }

  @Test
  void withoutOnlineTheReportSaysTheNetworkChecksWereSkipped() {
    CliRun r = CliRun.of(descriptor());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("note: skipped the checks that need the network (18 rules: online/*)"), r.out());
  }

  @Test
  void withOnlineADeploymentThatRefusesConnectionsFailsTheRunWithOneFinding() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliRun r = CliRun.of("--online", "--base-url", "http://127.0.0.1:" + port, "--connect-timeout", "1s", "-q", descriptor());
    assertEquals(1, r.code(), r.err());
    String report = r.out();
    assertEquals(1, report.lines().count(), report);
    assertTrue(report.contains("failed with connection refused") && report.endsWith("[online/deployment-down]\n"), report);
  }
}
