package org.connectverify.probeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.probe.Probe;
import org.connectverify.core.probe.ProbeOptions;
import org.connectverify.core.report.JsonReporter;
import org.connectverify.probeit.mini.MiniConnectApp;
import org.connectverify.probeit.mini.MiniConnectApp.Flaw;
import org.connectverify.probeit.mini.MiniConnectApp.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The probe against small apps with one deliberate flaw each: every flaw is caught by its own rule, and only it. */
class BrokenAppsProbeTest {

  private record Run(Report report, String text, Set<String> rules, MiniConnectApp app) {}

  private static Run probe(Flaw flaw) throws Exception {
    return probe(flaw, Transport.HTTP_1_1);
  }

  private static Run probe(Flaw flaw, Transport transport) throws Exception {
    return KeyPorts.withFreePort(keyPort -> {
      try (MiniConnectApp app = MiniConnectApp.start(flaw, "http://127.0.0.1:" + keyPort, transport)) {
        Report report =
            Probe.create(ProbeOptions.builder().baseUrl(app.baseUrl()).keyServerPort(keyPort).build()).run();
        String text = AcsbProbeTest.text(report);
        System.out.println("---- probe run against the app with flaw " + flaw + " over " + transport + "\n" + text);
        Set<String> rules = new TreeSet<>();
        for (Finding f : report.findings()) {
          rules.add(f.ruleId());
        }
        return new Run(report, text, rules, app);
      }
    });
  }

  @Test
  void correctAppPassesClean() throws Exception {
    Run run = probe(Flaw.NONE);
    assertEquals(Set.of(), run.rules, run.text);
    assertFalse(run.report.failed());
  }

  @Test
  void catchesSecretStoredOnlyOnFirstInstall() throws Exception {
    Run run = probe(Flaw.STORES_SECRET_ONLY_ON_FIRST_INSTALL);
    assertEquals(Set.of("probe/rotated-secret-not-stored", "probe/old-secret-still-accepted"), run.rules, run.text);
    assertTrue(run.text.contains("seed 001"), run.text);
    assertTrue(run.report.failed());
  }

  @Test
  void catchesAppThatRejectsEveryToken() throws Exception {
    Run run = probe(Flaw.REJECTS_EVERY_TOKEN);
    assertEquals(Set.of("probe/signed-request-rejected"), run.rules, run.text);
    assertEquals(2, run.report.findings().size(), run.text);
    assertTrue(run.text.contains("seed 000"), run.text);
  }

  @Test
  void catchesNonAtomicSecretRotation() throws Exception {
    Run run = probe(Flaw.NON_ATOMIC_ROTATION);
    assertEquals(Set.of("probe/rotation-not-atomic"), run.rules, run.text);
    assertTrue(run.text.contains("seed 003"), run.text);
  }

  @Test
  void catchesUnsignedInstallAccepted() throws Exception {
    Run run = probe(Flaw.ACCEPTS_UNSIGNED_INSTALL);
    assertEquals(Set.of("probe/accepts-unsigned-install"), run.rules, run.text);
    assertTrue(run.text.contains("the forged shared secret now opens"), run.text);
  }

  @Test
  void catchesAlgNoneAccepted() throws Exception {
    Run run = probe(Flaw.ACCEPTS_ALG_NONE);
    assertEquals(Set.of("probe/accepts-alg-none"), run.rules, run.text);
    assertEquals(2, run.report.findings().size(), run.text);
  }

  /** The findings of one run, without timings and random ids: rule and descriptor position, in report order. */
  private static List<String> verdicts(Report report) {
    List<String> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      out.add(f.ruleId() + " at " + f.pointer());
    }
    return out;
  }

  /**
   * The same app behind an HTTP/1.0 server without keep-alive, and behind one that drops idle keep-alive connections,
   * gets exactly the findings it gets over plain HTTP/1.1: a closed connection never turns into a false
   * install-failed, a forged request that never arrived is never counted as refused, and the alg:none hole is caught
   * over every transport.
   */
  @ParameterizedTest
  @EnumSource(Flaw.class)
  void sameFindingsOverEveryTransport(Flaw flaw) throws Exception {
    Map<Transport, List<String>> byTransport = new EnumMap<>(Transport.class);
    for (Transport t : Transport.values()) {
      Run run = probe(flaw, t);
      byTransport.put(t, verdicts(run.report));
      assertFalse(run.rules.contains("probe/request-unanswered"), t + ": " + run.text);
      assertFalse(run.rules.contains("probe/install-failed"), t + ": " + run.text);
    }
    System.out.println("---- verdicts for " + flaw + ": " + byTransport);
    List<String> reference = byTransport.get(Transport.HTTP_1_1);
    for (Transport t : Transport.values()) {
      assertEquals(reference, byTransport.get(t), flaw + " over " + t + " differs from HTTP/1.1: " + byTransport);
    }
    if (flaw == Flaw.ACCEPTS_ALG_NONE) {
      assertTrue(reference.contains("probe/accepts-alg-none at /modules/generalPages/0/url"), reference.toString());
      assertTrue(reference.contains("probe/accepts-alg-none at /modules/webhooks/0/url"), reference.toString());
    }
  }

  @Test
  void neverPutsASecretOrTokenIntoTheReport() throws Exception {
    Run run = probe(Flaw.ACCEPTS_UNSIGNED_INSTALL);
    StringWriter json = new StringWriter();
    new JsonReporter().write(run.report, json);
    assertTrue(run.app.seenSecrets().size() > 10, "the app saw the probe's secrets and tokens");
    for (String secret : run.app.seenSecrets()) {
      if (secret.length() < 20) {
        continue;
      }
      assertFalse(run.text.contains(secret), "text report leaks a secret or token");
      assertFalse(json.toString().contains(secret), "JSON report leaks a secret or token");
      assertFalse(json.toString().contains(secret.substring(0, 20)), "JSON report leaks part of a secret or token");
    }
  }
}
