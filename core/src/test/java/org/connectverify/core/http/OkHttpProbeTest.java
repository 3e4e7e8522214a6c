package org.connectverify.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prober against WireMock and raw sockets on 127.0.0.1: redirects, retries, timeouts, caps, headers, limits. */
class OkHttpProbeTest {
  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    try (OkHttpProbe probe = new OkHttpProbe(ProbeSettings.defaults())) {
      probe.fetch(ProbeRequest.exists("http://127.0.0.1:" + server.port() + "/warm-up"));
    }
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  static ProbeSettings.Builder fast() {
    return ProbeSettings.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(10))
        .retryBackoff(Duration.ofMillis(20));
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static ProbeResult fetch(ProbeRequest r) {
    try (OkHttpProbe probe = new OkHttpProbe(fast().build())) {
      return probe.fetch(r);
    }
  }

  @Test
  void answersHeadWithStatusAndContentType() {
    server.stubFor(head(urlEqualTo("/icon.svg")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/svg+xml; charset=utf-8")));
    ProbeResult r = fetch(ProbeRequest.exists(url("/icon.svg")));
    assertEquals(200, r.status());
    assertEquals("HEAD", r.verb());
    assertEquals("image/svg+xml", r.contentType());
    assertNull(r.body());
    server.verify(0, getRequestedFor(urlEqualTo("/icon.svg")));
  }

  @Test
  void confirmsWithGetWhenHeadIsNotAllowed() {
    server.stubFor(head(urlEqualTo("/page")).willReturn(aResponse().withStatus(405)));
    server.stubFor(get(urlEqualTo("/page")).willReturn(aResponse().withStatus(200).withBody("<html>")));
    ProbeResult r = fetch(ProbeRequest.exists(url("/page")));
    assertEquals(200, r.status());
    assertEquals("GET", r.verb());
    assertNull(r.body(), "an existence probe never keeps the body");
  }

  @Test
  void confirmsHeadNotFoundWithGetBecauseSomeFrameworksRouteOnlyGet() {
    server.stubFor(get(urlEqualTo("/only-get")).willReturn(aResponse().withStatus(200)));
    ProbeResult r = fetch(ProbeRequest.exists(url("/only-get")));
    assertEquals(200, r.status());
    assertEquals("GET", r.verb());
  }

  @Test
  void asksWithGetWhenHeadGivesNoContentType() {
    server.stubFor(head(urlEqualTo("/untyped.svg")).willReturn(aResponse().withStatus(200)));
    server.stubFor(get(urlEqualTo("/untyped.svg")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/svg+xml")));
    ProbeResult r = fetch(ProbeRequest.exists(url("/untyped.svg")));
    assertEquals("GET", r.verb());
    assertEquals("image/svg+xml", r.contentType());
  }

  @Test
  void followsRedirectsAndRecordsWhereTheyLed() {
    server.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(301).withHeader("Location", "/b")));
    server.stubFor(get(urlEqualTo("/b")).willReturn(aResponse().withStatus(302).withHeader("Location", url("/c"))));
    server.stubFor(get(urlEqualTo("/c")).willReturn(aResponse().withStatus(200).withBody("{}")));
    ProbeResult r = fetch(ProbeRequest.getBody(url("/a")));
    assertEquals(200, r.status());
    assertEquals(List.of(url("/b"), url("/c")), r.redirects());
    assertEquals(url("/c"), r.finalUrl());
    assertEquals("{}", new String(r.body(), StandardCharsets.UTF_8));
    assertNull(r.downgrade());
  }

  @Test
  void stopsARedirectLoopAtTheLimit() {
    server.stubFor(get(urlEqualTo("/loop")).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
    try (OkHttpProbe probe = new OkHttpProbe(fast().maxRedirects(3).build())) {
      ProbeResult r = probe.fetch(ProbeRequest.getBody(url("/loop")));
      assertEquals(Failure.TOO_MANY_REDIRECTS, r.failure());
      assertEquals(3, r.redirects().size());
    }
    server.verify(4, getRequestedFor(urlEqualTo("/loop")));
  }

  @Test
  void refusesToFollowARedirectToAnotherScheme() {
    server.stubFor(get(urlEqualTo("/ftp")).willReturn(aResponse().withStatus(302).withHeader("Location", "ftp://127.0.0.1/file")));
    ProbeResult r = fetch(ProbeRequest.getBody(url("/ftp")));
    assertEquals(Failure.BAD_REDIRECT, r.failure());
    assertTrue(r.detail().contains("ftp://127.0.0.1/file"), r.detail());
  }

  @Test
  void neverCarriesAPostToAnotherHostWhateverTheRedirect() throws IOException {
    try (RawServer elsewhere = new RawServer(RawServer.Mode.SILENT)) {
      for (int code : new int[] {301, 302, 303, 307, 308}) {
        server.stubFor(post(urlEqualTo("/moved-" + code)).willReturn(aResponse().withStatus(code)
            .withHeader("Location", elsewhere.url("/installed"))));
        ProbeResult r = fetch(ProbeRequest.postEmptyJson(url("/moved-" + code)));
        assertEquals(Failure.BAD_REDIRECT, r.failure(), code + ": " + r.detail());
        assertTrue(r.detail().contains("never carried to another host"), r.detail());
      }
      assertEquals(0, elsewhere.connections(), "a byte reached the other host");
    }
  }

  @Test
  void followsA307OfAPostOnTheSameDeployment() {
    server.stubFor(post(urlEqualTo("/old")).willReturn(aResponse().withStatus(307).withHeader("Location", "/new")));
    server.stubFor(post(urlEqualTo("/new")).willReturn(aResponse().withStatus(204)));
    ProbeResult r = fetch(ProbeRequest.postEmptyJson(url("/old")));
    assertEquals(204, r.status());
    server.verify(1, postRequestedFor(urlEqualTo("/new")));
  }

  @Test
  void retriesOnceAfterAGatewayErrorAndKeepsTheSecondAnswer() {
    server.stubFor(get(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    server.stubFor(get(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(200).withBody("ok")));
    ProbeResult r = fetch(ProbeRequest.getBody(url("/flaky")));
    assertEquals(200, r.status());
    assertEquals(2, r.attempts());
  }

  @Test
  void retriesAGatewayErrorOnlyOnce() {
    server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(502)));
    ProbeResult r = fetch(ProbeRequest.getBody(url("/down")));
    assertEquals(502, r.status());
    server.verify(2, getRequestedFor(urlEqualTo("/down")));
  }

  @Test
  void neverRetriesAPostThatReachedTheServer() {
    server.stubFor(post(urlEqualTo("/installed")).willReturn(aResponse().withStatus(503)));
    ProbeResult r = fetch(ProbeRequest.postEmptyJson(url("/installed")));
    assertEquals(503, r.status());
    server.verify(1, postRequestedFor(urlEqualTo("/installed")));
  }

  @Test
  void postsAnEmptyJsonObjectWithoutCredentials() {
    server.stubFor(post(urlEqualTo("/installed")).willReturn(aResponse().withStatus(401)));
    ProbeResult r = fetch(ProbeRequest.postEmptyJson(url("/installed")));
    assertEquals(401, r.status());
    LoggedRequest req = server.findAll(postRequestedFor(urlEqualTo("/installed"))).get(0);
    assertEquals("{}", req.getBodyAsString());
    assertTrue(req.getHeader("Content-Type").startsWith("application/json"), req.getHeader("Content-Type"));
    assertFalse(req.containsHeader("Authorization"));
  }

  @Test
  void retriesAConnectionResetOnceThenReportsIt() {
    server.stubFor(get(urlEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ProbeResult r = fetch(ProbeRequest.getBody(url("/reset")));
    assertEquals(Failure.CONNECTION_RESET, r.failure(), r.describe());
    assertEquals(2, r.attempts());
    assertTrue(server.countRequestsMatching(getRequestedFor(urlEqualTo("/reset")).build()).getCount() >= 2);
  }

  @Test
  void reportsAnEmptyReplyAsAReset() {
    server.stubFor(get(urlEqualTo("/empty")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    ProbeResult r = fetch(ProbeRequest.exists(url("/empty")));
    assertEquals(Failure.CONNECTION_RESET, r.failure(), r.describe());
  }

  @Test
  void sendsItsUserAgentAndNeitherCookiesNorCredentials() {
    server.stubFor(get(urlEqualTo("/login")).willReturn(aResponse().withStatus(200).withHeader("Set-Cookie", "session=abc; Path=/")));
    server.stubFor(get(urlEqualTo("/next")).willReturn(aResponse().withStatus(200)));
    try (OkHttpProbe probe = new OkHttpProbe(fast().build())) {
      probe.fetch(ProbeRequest.getBody(url("/login")));
      String withUserInfo = "http://user:secret@127.0.0.1:" + server.port() + "/next";
      assertEquals(200, probe.fetch(ProbeRequest.getBody(withUserInfo)).status());
    }
    LoggedRequest next = server.findAll(getRequestedFor(urlEqualTo("/next"))).get(0);
    assertTrue(next.getHeader("User-Agent").startsWith("connect-verify/"), next.getHeader("User-Agent"));
    assertFalse(next.containsHeader("Cookie"));
    assertFalse(next.containsHeader("Authorization"));
  }

  @Test
  void sendsEachDistinctRequestOncePerRun() {
    server.stubFor(any(urlEqualTo("/same")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("x")));
    try (OkHttpProbe probe = new OkHttpProbe(fast().build())) {
      ProbeResult first = probe.fetch(ProbeRequest.exists(url("/same")));
      ProbeResult again = probe.fetch(ProbeRequest.exists(url("/same")));
      assertTrue(first == again, "the cached result is shared");
      probe.fetchAll(List.of(ProbeRequest.getBody(url("/same")), ProbeRequest.getBody(url("/same"))));
    }
    server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor(urlEqualTo("/same")));
    server.verify(1, getRequestedFor(urlEqualTo("/same")));
  }

  @Test
  void aSlowServerTimesOutInsteadOfHanging() {
    server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
    ProbeSettings s = fast().readTimeout(Duration.ofMillis(300)).retries(0).build();
    ProbeResult r =
        assertTimeoutPreemptively(Duration.ofSeconds(4), () -> {
          try (OkHttpProbe probe = new OkHttpProbe(s)) {
            return probe.fetch(ProbeRequest.getBody(url("/slow")));
          }
        });
    assertEquals(Failure.TIMEOUT, r.failure(), r.describe());
  }

  @Test
  void theRequestTimeoutCutsABodyThatDribblesForever() {
    server.stubFor(get(urlEqualTo("/dribble"))
        .willReturn(aResponse().withStatus(200).withBody("x".repeat(100)).withChunkedDribbleDelay(100, 20_000)));
    ProbeSettings s = fast().requestTimeout(Duration.ofSeconds(1)).retries(0).build();
    long start = System.nanoTime();
    ProbeResult r =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
          try (OkHttpProbe probe = new OkHttpProbe(s)) {
            return probe.fetch(ProbeRequest.getBody(url("/dribble")));
          }
        });
    assertEquals(Failure.TIMEOUT, r.failure(), r.describe());
    assertTrue(System.nanoTime() - start < 3_000_000_000L);
  }

  @Test
  void aServerThatAcceptsButNeverAnswersTimesOut() throws IOException {
    try (RawServer silent = new RawServer(RawServer.Mode.SILENT)) {
      ProbeSettings s = fast().readTimeout(Duration.ofMillis(300)).requestTimeout(Duration.ofSeconds(1)).build();
      ProbeResult r =
          assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (OkHttpProbe probe = new OkHttpProbe(s)) {
              return probe.fetch(ProbeRequest.exists(silent.url("/")));
            }
          });
      assertEquals(Failure.TIMEOUT, r.failure(), r.describe());
      assertEquals(2, r.attempts(), "one retry");
    }
  }

  @Test
  void stopsReadingAnEndlessBodyAtTheCap() throws IOException {
    try (RawServer endless = new RawServer(RawServer.Mode.ENDLESS_BODY)) {
      ProbeSettings s = fast().maxResponseBytes(64 * 1024).build();
      ProbeResult r =
          assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (OkHttpProbe probe = new OkHttpProbe(s)) {
              return probe.fetch(ProbeRequest.getBody(endless.url("/translations.json")));
            }
          });
      assertEquals(200, r.status());
      assertTrue(r.truncated());
      assertEquals(64 * 1024, r.body().length);
    }
  }

  @Test
  void aRefusedConnectionIsRetriedOnceThenReported() throws IOException {
    int port = closedPort();
    ProbeResult r = fetch(ProbeRequest.exists("http://127.0.0.1:" + port + "/"));
    assertEquals(Failure.CONNECTION_REFUSED, r.failure(), r.describe());
    assertEquals(2, r.attempts());
  }

  @Test
  void failsFastOnceEveryRequestToAHostFails() throws IOException {
    int port = closedPort();
    List<ProbeRequest> requests = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      requests.add(ProbeRequest.exists("http://127.0.0.1:" + port + "/page/" + i));
    }
    try (OkHttpProbe probe = new OkHttpProbe(fast().concurrencyPerHost(2).failFastAfter(3).build())) {
      Map<ProbeRequest, ProbeResult> results = probe.fetchAll(requests);
      assertTrue(results.values().stream().allMatch(r -> r.failure() == Failure.CONNECTION_REFUSED));
      long skipped = results.values().stream().filter(ProbeResult::shortCircuited).count();
      assertTrue(skipped >= 30, "short-circuited " + skipped + " of 40");
    }
  }

  @Test
  void refusesAnythingButAbsoluteHttpUrlsWithoutSending() {
    for (String u : List.of("ftp://127.0.0.1/x", "file:///etc/passwd", "/relative", "not a url")) {
      ProbeResult r = fetch(ProbeRequest.exists(u));
      assertEquals(Failure.UNSUPPORTED_URL, r.failure(), u);
    }
  }

  @Test
  void boundsConcurrencyPerHostAndOverall() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    slow.setExecutor(Executors.newFixedThreadPool(32));
    slow.createContext("/", ex -> {
      int now = inFlight.incrementAndGet();
      maxSeen.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    slow.start();
    try {
      for (int[] limits : new int[][] {{16, 3}, {2, 8}}) {
        maxSeen.set(0);
        List<ProbeRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          requests.add(ProbeRequest.exists("http://127.0.0.1:" + slow.getAddress().getPort() + "/" + limits[0] + "/" + i));
        }
        try (OkHttpProbe probe = new OkHttpProbe(fast().concurrency(limits[0]).concurrencyPerHost(limits[1]).build())) {
          assertTrue(probe.fetchAll(requests).values().stream().allMatch(ProbeResult::ok));
        }
        assertEquals(Math.min(limits[0], limits[1]), maxSeen.get(), "limits " + limits[0] + "/" + limits[1]);
      }
    } finally {
      slow.stop(0);
    }
  }

  @Test
  void goesThroughTheConfiguredProxy() {
    server.stubFor(get(urlPathEqualTo("/via-proxy")).willReturn(aResponse().withStatus(200).withBody("proxied")));
    ProxySelector toWireMock = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", server.port())));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    };
    try (OkHttpProbe probe = new OkHttpProbe(fast().proxySelector(toWireMock).build())) {
      ProbeResult r = probe.fetch(ProbeRequest.getBody("http://connect-verify.invalid/via-proxy"));
      assertEquals(200, r.status(), r.describe());
      assertEquals("proxied", new String(r.body(), StandardCharsets.UTF_8));
    }
    server.verify(getRequestedFor(urlPathEqualTo("/via-proxy")).withHeader("Host", equalTo("connect-verify.invalid")));
  }

  @Test
  void closingCompletesWhatIsStillInFlight() {
    server.stubFor(get(urlEqualTo("/forever")).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
    OkHttpProbe probe = new OkHttpProbe(fast().readTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(30)).build());
    CompletableFuture<ProbeResult> pending = probe.submit(ProbeRequest.getBody(url("/forever")));
    probe.close();
    ProbeResult r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> pending.join());
    assertEquals(Failure.IO, r.failure());
  }

  @Test
  void reportsProgressForEveryDistinctRequest() {
    server.stubFor(any(urlPathEqualTo("/p")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")));
    List<int[]> seen = new ArrayList<>();
    AtomicInteger finished = new AtomicInteger();
    ProgressListener listener = new ProgressListener() {
      @Override
      public synchronized void progress(int done, int submitted) {
        seen.add(new int[] {done, submitted});
      }

      @Override
      public void finished() {
        finished.incrementAndGet();
      }
    };
    try (OkHttpProbe probe = new OkHttpProbe(fast().build(), listener)) {
      probe.fetchAll(List.of(ProbeRequest.exists(url("/p?a")), ProbeRequest.exists(url("/p?b")), ProbeRequest.exists(url("/p?a"))));
    }
    synchronized (listener) {
      assertTrue(seen.stream().anyMatch(p -> p[0] == 2 && p[1] == 2), "2 of 2 reported");
    }
    assertEquals(1, finished.get());
    server.verify(2, anyRequestedFor(urlPathEqualTo("/p")));
  }

  @Test
  void aProgressListenerThatThrowsStopsNothing() {
    server.stubFor(any(urlPathEqualTo("/q")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")));
    ProgressListener broken = (done, submitted) -> {
      throw new IllegalStateException("broken terminal");
    };
    List<ProbeRequest> requests = List.of(ProbeRequest.exists(url("/q?1")), ProbeRequest.exists(url("/q?2")));
    Map<ProbeRequest, ProbeResult> results =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
          try (OkHttpProbe probe = new OkHttpProbe(fast().build(), broken)) {
            return probe.fetchAll(requests);
          }
        });
    assertTrue(results.values().stream().allMatch(ProbeResult::ok));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
