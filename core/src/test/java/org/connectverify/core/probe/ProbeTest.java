package org.connectverify.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.Report;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe's run logic against a scripted HTTP fake (the real apps are in probe-it). */
class ProbeTest {
  @TempDir Path dir;

  private static final String DESCRIPTOR =
      """
      {
        "key": "app",
        "baseUrl": "http://127.0.0.1:9",
        "authentication": {"type": "jwt"},
        "lifecycle": {"installed": "/installed", "uninstalled": "/uninstalled"},
        "apiMigrations": {"signed-install": true},
        "modules": {"generalPages": [{"key": "p", "url": "/page", "name": {"value": "P"}}]}
      }
      """;

  /** Answers by a function of the request and records every request. */
  private static final class FakeHttp implements ProbeHttp {
    final List<String> sent = new CopyOnWriteArrayList<>();
    private final Function<Request, Integer> status;

    FakeHttp(Function<Request, Integer> status) {
      this.status = status;
    }

    @Override
    public Response send(Request request) throws IOException {
      sent.add(request.method() + " " + request.uri().getPath());
      Integer s = status.apply(request);
      if (s == null) {
        throw new IOException("connection refused");
      }
      return new Response(s, 1, new byte[0]);
    }

    @Override
    public void close() {}
  }

  private Report run(FakeHttp http, String descriptor, VerifyOptions common) throws Exception {
    Path file = dir.resolve("atlassian-connect.json");
    Files.writeString(file, descriptor);
    ProbeOptions options =
        ProbeOptions.builder().baseUrl("http://127.0.0.1:9").descriptor(file).common(common)
            .concurrency(2).requestsAfterRotation(2).build();
    return Probe.create(options, o -> http).run();
  }

  @Test
  void uninstallsEvenWhenTheInstallFails() throws Exception {
    FakeHttp http = new FakeHttp(r -> r.uri().getPath().equals("/installed") ? 500 : 204);
    Report report = run(http, DESCRIPTOR, VerifyOptions.builder().build());
    assertEquals(List.of("POST /installed", "POST /uninstalled"), http.sent);
    assertEquals(1, report.findings().size());
    Finding f = report.findings().get(0);
    assertEquals("probe/install-failed", f.ruleId());
    assertEquals("/lifecycle/installed", f.pointer());
    assertEquals(5, f.line());
    assertTrue(report.failed());
  }

  @Test
  void anAppThatAcceptsEverythingFailsEveryForgeryAndTheUninstallCheck() throws Exception {
    FakeHttp http = new FakeHttp(r -> 200);
    Report report = run(http, DESCRIPTOR, VerifyOptions.builder().build());
    List<String> rules = report.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
    assertEquals(
        List.of("probe/accepts-alg-none", "probe/accepts-expired-token", "probe/accepts-install-from-unknown-key",
            "probe/accepts-missing-token", "probe/accepts-unknown-issuer", "probe/accepts-unsigned-install",
            "probe/accepts-wrong-qsh", "probe/accepts-wrong-secret", "probe/old-secret-still-accepted",
            "probe/token-accepted-after-uninstall"),
        rules);
    assertEquals("POST /uninstalled", http.sent.get(http.sent.size() - 2));
  }

  @Test
  void skippedRulesSendNoForgeryAndReportNothing() throws Exception {
    FakeHttp http = new FakeHttp(r -> 200);
    VerifyOptions.Builder common = VerifyOptions.builder();
    for (Probe.Forgery f : Probe.Forgery.values()) {
      common.skipRule(f.rule.id());
    }
    common.skipRule("probe/accepts-unsigned-install").skipRule("probe/accepts-install-from-unknown-key");
    Report report = run(http, DESCRIPTOR, common.build());
    List<String> rules = report.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
    assertEquals(List.of("probe/old-secret-still-accepted", "probe/token-accepted-after-uninstall"), rules);
    assertTrue(http.sent.stream().filter(s -> s.equals("GET /page")).count() >= 3, http.sent.toString());
  }

  @Test
  void noAnswerAtAllIsAnInstallFailureNotACrash() throws Exception {
    FakeHttp http = new FakeHttp(r -> null);
    Report report = run(http, DESCRIPTOR, VerifyOptions.builder().build());
    assertEquals(1, report.findings().size());
    assertTrue(report.findings().get(0).message().contains("got no answer"), report.findings().get(0).message());
  }

  @Test
  void refusesAtlassianHostsBeforeAnyRequest() {
    ProbeOptions options =
        ProbeOptions.builder().baseUrl("https://acme.atlassian.net").confirmStaging(true).build();
    InputException e =
        assertThrows(InputException.class, () -> Probe.create(options, o -> {
          throw new AssertionError("no HTTP client may be made for a refused target");
        }).run());
    assertTrue(e.getMessage().contains("Atlassian host"), e.getMessage());
  }

  @Test
  void refusesDescriptorsWithNothingToProbe() {
    FakeHttp http = new FakeHttp(r -> 200);
    InputException none =
        assertThrows(InputException.class,
            () -> run(http, DESCRIPTOR.replace("\"jwt\"", "\"none\""), VerifyOptions.builder().build()));
    assertTrue(none.getMessage().contains("authentication.type is none"), none.getMessage());
    InputException noInstall =
        assertThrows(InputException.class,
            () -> run(http, DESCRIPTOR.replace("\"installed\": \"/installed\", ", ""), VerifyOptions.builder().build()));
    assertTrue(noInstall.getMessage().contains("no lifecycle.installed"), noInstall.getMessage());
    assertEquals(List.of(), http.sent);
  }
}
