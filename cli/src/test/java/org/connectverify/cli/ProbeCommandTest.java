package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The probe subcommand's refusals and usage errors: one line, exit code 2, nothing sent anywhere. */
class ProbeCommandTest {
  @Test
  void refusesAtlassianHostsEvenWithConfirmation() {
    CliRun r = CliRun.of("probe", "--base-url", "https://acme.atlassian.net", "--confirm-staging");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("connect-verify: refusing to probe acme.atlassian.net"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void refusesNonLoopbackTargetsWithoutConfirmation() {
    CliRun r = CliRun.of("probe", "--base-url", "https://staging.example.com");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("--confirm-staging"), r.err());
  }

  @Test
  void needsABaseUrl() {
    CliRun r = CliRun.of("probe");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("--base-url"), r.err());
  }

  @Test
  void rejectsBadOptionValues() {
    CliRun r = CliRun.of("probe", "--base-url", "http://127.0.0.1:1", "--concurrency", "0");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("--concurrency 0 must be between 1 and 64"), r.err());
  }

  @Test
  void saysWhenTheAppIsNotRunning() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliRun r = CliRun.of("probe", "--base-url", "http://127.0.0.1:" + port);
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("cannot fetch the descriptor from http://127.0.0.1:" + port), r.err());
    assertEquals("", r.out());
  }

  @Test
  void saysWhenTheDescriptorFileIsMissing() {
    CliRun r = CliRun.of("probe", "--base-url", "http://127.0.0.1:1", "no-such-descriptor.json");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("no-such-descriptor.json: cannot read"), r.err());
  }

  @Test
  void acceptsEveryReportFormatOfVerifyAndRejectsOthersBeforeProbing() {
    CliRun r = CliRun.of("probe", "--base-url", "http://127.0.0.1:1", "--format", "sarf");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("unknown format 'sarf'") && r.err().contains("did you mean sarif?"), r.err());
    CliRun sarif = CliRun.of("probe", "--base-url", "http://127.0.0.1:1", "--format", "sarif", "no-such-descriptor.json");
    assertEquals(ExitCodes.USAGE, sarif.code(), sarif.toString());
    assertTrue(sarif.err().contains("no-such-descriptor.json: cannot read"), sarif.err());
  }
}
