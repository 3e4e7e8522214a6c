package org.connectverify.probeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringWriter;
import org.connectverify.core.Report;
import org.connectverify.core.probe.Probe;
import org.connectverify.core.probe.ProbeOptions;
import org.connectverify.core.report.TextReporter;
import org.connectverify.probeit.acsb.AcsbApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against a real atlassian-connect-spring-boot app: it must pass, run after run. */
class AcsbProbeTest {
  private static int keyServerPort;
  private static AcsbApp app;

  @BeforeAll
  static void startApp() throws Exception {
    keyServerPort = KeyPorts.free();
    app = AcsbApp.start("http://127.0.0.1:" + keyServerPort);
  }

  @AfterAll
  static void stopApp() {
    if (app != null) {
      app.close();
    }
  }

  static String text(Report report) throws Exception {
    StringWriter w = new StringWriter();
    new TextReporter(false).write(report, w);
    return w.toString();
  }

  @Test
  void passesAgainstTheRealAppSeveralRunsInARow() throws Exception {
    for (int run = 1; run <= Integer.getInteger("probeit.runs", 3); run++) {
      Report report =
          KeyPorts.retry(
              keyServerPort,
              port -> Probe.create(ProbeOptions.builder().baseUrl(app.baseUrl()).keyServerPort(port).build()).run());
      String text = text(report);
      System.out.println("---- probe run " + run + " against atlassian-connect-spring-boot\n" + text);
      assertEquals(0, report.findings().size(), text);
      assertFalse(report.failed(), text);
    }
  }

  @Test
  void showsThatAcsbAloneKeepsAcceptingTokensAfterUninstall() throws Exception {
    app.refuseUninstalledTenants(false);
    try {
      Report report =
          KeyPorts.retry(
              keyServerPort,
              port -> Probe.create(ProbeOptions.builder().baseUrl(app.baseUrl()).keyServerPort(port).build()).run());
      String text = text(report);
      System.out.println("---- probe run against atlassian-connect-spring-boot without the uninstall guard\n" + text);
      assertEquals(
          java.util.List.of("probe/token-accepted-after-uninstall"),
          report.findings().stream().map(org.connectverify.core.Finding::ruleId).toList(),
          text);
      assertFalse(report.failed(), "a warning does not fail the run at --fail-on error");
    } finally {
      app.refuseUninstalledTenants(true);
    }
  }
}
