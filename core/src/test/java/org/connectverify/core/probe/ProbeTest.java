package org.connectverify.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        throw new NoAnswer("ConnectException: connection refused", false, null);
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

  /**
   * The real transport against a loopback app, with a second loopback port standing in for another host: whatever the
   * descriptor says (a lifecycle value that text pasting would turn into user info, protocol-relative and absolute
   * URLs, URLs java.net.URI rejects), not one byte reaches the other host, the unusable URLs are findings at their
   * pointers, and the rest of the probe still runs.
   */
  @Test
  void noByteReachesAnotherHostAndUnparseableUrlsAreFindings() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    app.createContext("/", ex -> {
      received.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath());
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(ex.getRequestMethod().equals("POST") ? 204 : 401, -1);
      ex.close();
    });
    app.start();
    AtomicInteger foreignConnections = new AtomicInteger();
    try (ServerSocket foreign = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        while (!foreign.isClosed()) {
          try (Socket s = foreign.accept()) {
            foreignConnections.incrementAndGet();
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
      String other = "127.0.0.1:" + foreign.getLocalPort();
      String descriptor =
          """
          {
            "key": "app",
            "baseUrl": "http://127.0.0.1:9",
            "authentication": {"type": "jwt"},
            "lifecycle": {"installed": "@%1$s/installed", "uninstalled": "//%1$s/uninstalled"},
            "modules": {
              "generalPages": [
                {"key": "pipe", "url": "/page|x", "name": {"value": "P"}},
                {"key": "space", "url": "/page x", "name": {"value": "P"}},
                {"key": "percent", "url": "/page%%zz", "name": {"value": "P"}},
                {"key": "unclosed", "url": "/page?p=${project.key", "name": {"value": "P"}},
                {"key": "absolute", "url": "http://%1$s/page", "name": {"value": "P"}},
                {"key": "fine", "url": "/fine", "name": {"value": "P"}}
              ],
              "webhooks": [{"event": "jira:issue_created", "url": "//%1$s/hook"}]
            }
          }
          """.formatted(other);
      Path file = dir.resolve("atlassian-connect.json");
      Files.writeString(file, descriptor);
      String base = "http://127.0.0.1:" + app.getAddress().getPort();
      ProbeOptions options =
          ProbeOptions.builder().baseUrl(base).descriptor(file).concurrency(2).requestsAfterRotation(2)
              .installTimeout(java.time.Duration.ofSeconds(3)).build();
      Report report = Probe.create(options).run();
      assertEquals(0, foreignConnections.get(), "a byte reached the other host");
      assertTrue(received.contains("POST /@" + other + "/installed"), received.toString());
      assertTrue(received.contains("GET /fine"), received.toString());
      List<String> notProbed =
          report.findings().stream().filter(f -> f.ruleId().equals("probe/url-not-probed")).map(Finding::pointer)
              .sorted().toList();
      assertEquals(
          List.of("/lifecycle/uninstalled", "/modules/generalPages/0/url", "/modules/generalPages/1/url",
              "/modules/generalPages/2/url", "/modules/generalPages/3/url", "/modules/webhooks/0/url"),
          notProbed);
      assertTrue(report.notes().stream().anyMatch(n -> n.contains("not probed: generalPages 'absolute'")),
          report.notes().toString());
    } finally {
      app.stop(0);
    }
  }

  /** Runs the probe on another thread until {@code blocked} is reached, then interrupts it as the shutdown hook does. */
  private List<String> interruptWhileBlocked(FakeHttp http, CountDownLatch reached, CountDownLatch release)
      throws Exception {
    Path file = dir.resolve("atlassian-connect.json");
    Files.writeString(file, DESCRIPTOR);
    List<String> lines = new CopyOnWriteArrayList<>();
    Probe probe =
        Probe.create(
            ProbeOptions.builder().baseUrl("http://127.0.0.1:9").descriptor(file).concurrency(2)
                .requestsAfterRotation(2).onInterrupt(lines::add).build(),
            o -> http);
    Thread t = new Thread(() -> {
      try {
        probe.run();
      } catch (InputException e) {
        throw new IllegalStateException(e);
      }
    });
    t.start();
    assertTrue(reached.await(10, TimeUnit.SECONDS), "the probe never reached the page");
    probe.interrupt();
    release.countDown();
    t.join(10_000);
    return lines;
  }

  @Test
  void anInterruptedRunUninstallsItsTenantOnce() throws Exception {
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FakeHttp http = new FakeHttp(r -> {
      if (r.method().equals("GET")) {
        reached.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 401;
      }
      return 204;
    });
    List<String> lines = interruptWhileBlocked(http, reached, release);
    assertEquals(1, http.sent.stream().filter(x -> x.equals("POST /uninstalled")).count(), http.sent.toString());
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("connect-verify: interrupted; the probe tenant connect-verify-probe-[0-9a-f]{12} was"
        + " uninstalled \\(uninstall: POST /uninstalled answered 204 in \\d+ ms\\)"), lines.get(0));
  }

  @Test
  void aFailedUninstallOnInterruptIsAFindingLineNamingTheTenant() throws Exception {
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FakeHttp http = new FakeHttp(r -> {
      if (r.method().equals("GET")) {
        reached.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 401;
      }
      return r.uri().getPath().equals("/uninstalled") ? null : 204;
    });
    List<String> lines = interruptWhileBlocked(http, reached, release);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("connect-verify: interrupted; "), lines.get(0));
    assertTrue(lines.get(0).contains("atlassian-connect.json:5:"), lines.get(0));
    assertTrue(lines.get(0).matches(".*warning: signed uninstall \\(POST /uninstalled\\) got no answer \\(.*\\); the"
        + " probe tenant connect-verify-probe-[0-9a-f]{12} may be left behind \\[probe/uninstall-failed]"), lines.get(0));
  }

  /**
   * A hostile app on loopback: HTTP/1.0 answers and closed connections, a 401 followed by a body that never ends, a 401
   * whose body stalls and breaks off, and terminal escapes in the descriptor. The answers that arrived count (a
   * refusal is a refusal, whatever the body does), nothing is reported as unanswered, the run ends in bounded time,
   * and the text report shows the escapes instead of obeying them.
   */
  @Test
  void aHostileAppIsJudgedByTheAnswersThatArrivedAndCannotTakeOverTheTerminal() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            Thread t = new Thread(() -> hostile(s));
            t.setDaemon(true);
            t.start();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String descriptor =
          """
          {
            "key": "app",
            "baseUrl": "http://127.0.0.1:9",
            "authentication": {"type": "jwt"},
            "lifecycle": {"installed": "/installed", "uninstalled": "/uninstalled"},
            "modules": {
              "generalPages": [{"key": "endless\\u001b[2J\\u001b[31m", "url": "/endless", "name": {"value": "P"}}],
              "webhooks": [{"event": "jira:issue_created", "url": "/stalling"}]
            }
          }
          """;
      Path file = dir.resolve("atlassian-connect.json");
      Files.writeString(file, descriptor);
      ProbeOptions options =
          ProbeOptions.builder().baseUrl("http://127.0.0.1:" + server.getLocalPort()).descriptor(file).concurrency(2)
              .requestsAfterRotation(2).installTimeout(java.time.Duration.ofSeconds(1)).build();
      Report report =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(90),
              () -> Probe.create(options).run());
      List<String> rules = report.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
      // it takes any install (so the forged ones too) and refuses every request: those verdicts, and no other
      assertEquals(
          List.of("probe/accepts-install-from-unknown-key", "probe/accepts-unsigned-install",
              "probe/signed-request-rejected"),
          rules, report.findings().toString());
      java.io.StringWriter text = new java.io.StringWriter();
      new org.connectverify.core.report.TextReporter(
              org.connectverify.core.report.ReportSettings.builder().build())
          .write(report, text);
      assertTrue(text.toString().indexOf('\u001b') < 0, text.toString());
      assertTrue(text.toString().contains("endless\\u001b[2J"), text.toString());
    }
  }

  /** One connection of the hostile app: reads a request, answers as HTTP/1.0 would, then misbehaves by path. */
  private static void hostile(Socket s) {
    try (s) {
      java.io.InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      StringBuilder head = new StringBuilder();
      int length = 0;
      String line;
      String first = null;
      while (!(line = readLine(in)).isEmpty()) {
        if (first == null) {
          first = line;
        }
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
        head.append(line).append('\n');
      }
      in.readNBytes(length);
      java.io.OutputStream out = s.getOutputStream();
      String path = first == null ? "" : first.split(" ")[1];
      if (path.startsWith("/endless")) {
        out.write("HTTP/1.0 401 Unauthorized\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "\u001b[31mforever ".repeat(512).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1024; i++) {
          out.write(chunk); // about 8 MB, until the client stops reading
        }
      } else if (path.startsWith("/stalling")) {
        out.write("HTTP/1.0 401 Unauthorized\r\nContent-Length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(1500);
      } else {
        out.write("HTTP/1.0 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readLine(java.io.InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
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
