package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The probe subcommand's refusals and usage errors: one line, exit code 2, nothing sent anywhere. */
class ProbeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void refusesAtlassianHostsEvenWithConfirmation() {
    assertEquals(ExitCodes.USAGE, run("probe", "--base-url", "https://acme.atlassian.net", "--confirm-staging"));
    assertTrue(err.toString().startsWith("connect-verify: refusing to probe acme.atlassian.net"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
  }

  @Test
  void refusesNonLoopbackTargetsWithoutConfirmation() {
    assertEquals(ExitCodes.USAGE, run("probe", "--base-url", "https://staging.example.com"));
    assertTrue(err.toString().contains("--confirm-staging"), err.toString());
  }

  @Test
  void needsABaseUrl() {
    assertEquals(ExitCodes.USAGE, run("probe"));
    assertTrue(err.toString().contains("--base-url"), err.toString());
  }

  @Test
  void rejectsBadOptionValues() {
    assertEquals(ExitCodes.USAGE, run("probe", "--base-url", "http://127.0.0.1:1", "--concurrency", "0"));
    assertTrue(err.toString().contains("--concurrency 0 must be between 1 and 64"), err.toString());
  }

  @Test
  void saysWhenTheAppIsNotRunning() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertEquals(ExitCodes.USAGE, run("probe", "--base-url", "http://127.0.0.1:" + port));
    assertTrue(err.toString().contains("cannot fetch the descriptor from http://127.0.0.1:" + port), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void saysWhenTheDescriptorFileIsMissing() {
    assertEquals(ExitCodes.USAGE, run("probe", "--base-url", "http://127.0.0.1:1", "no-such-descriptor.json"));
    assertTrue(err.toString().contains("no-such-descriptor.json: cannot read"), err.toString());
  }
}
