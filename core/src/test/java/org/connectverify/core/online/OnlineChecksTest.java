package org.connectverify.core.online;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.TestPaths;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.http.ProbeSettings;
import org.connectverify.core.http.RawServer;
import org.connectverify.core.http.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The online checks end to end: the real prober against WireMock (and raw sockets) on 127.0.0.1, probing the
 * deployment in place of the descriptor's baseUrl with {@code --base-url}.
 */
class OnlineChecksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WireMockServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    warmUp(server);
  }

  /** One request first, so a cold WireMock on a busy machine does not eat into the tests' timeouts. */
  static void warmUp(WireMockServer s) {
    try (var probe = new org.connectverify.core.http.OkHttpProbe(ProbeSettings.defaults())) {
      probe.fetch(org.connectverify.core.http.ProbeRequest.exists("http://127.0.0.1:" + s.port() + "/warm-up"));
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

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static ObjectNode descriptor() throws IOException {
    return (ObjectNode) JSON.readTree(TestPaths.root().resolve("core/src/test/resources/online-rules/base-online.json").toFile());
  }

  private static ProbeSettings.Builder fast() {
    return ProbeSettings.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(10))
        .retryBackoff(Duration.ofMillis(20));
  }

  private Path write(ObjectNode d) throws IOException {
    Path file = dir.resolve("atlassian-connect.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d), StandardCharsets.UTF_8);
    return file;
  }

  /** Runs the verifier and keeps only the findings of rules that need the network (offline rules have their own tests). */
  private Report run(ObjectNode d, VerifyOptions.Builder options) throws Exception {
    Path file = write(d);
    Report r = Verifier.create(options.baseDir(dir).build()).verify(List.of(file));
    java.util.Set<String> network = new java.util.HashSet<>();
    org.connectverify.core.Checks.catalogue().values().stream().filter(Rule::network).forEach(x -> network.add(x.id()));
    return r.withFindings(r.findings().stream().filter(f -> network.contains(f.ruleId())).toList(), List.of());
  }

  private static VerifyOptions.Builder online(String baseUrl) {
    return VerifyOptions.builder().online(true).baseUrl(baseUrl).http(fast().build());
  }

  private static List<String> lines(Report r) {
    return r.findings().stream().map(Finding::toString).toList();
  }

  /** Stubs a deployment that keeps every promise of base-online.json (serving {@code served} as its descriptor). */
  private static void healthy(String served) {
    server.stubFor(get(urlEqualTo("/atlassian-connect.json")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(served)));
    server.stubFor(get(urlEqualTo("/i18n/en_US.json")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"issue-helper.name\": \"Issue Helper\"}")));
    server.stubFor(head(urlEqualTo("/images/icon.svg")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/svg+xml")));
    server.stubFor(head(urlPathEqualTo("/glance")).willReturn(aResponse().withStatus(401)));
    server.stubFor(head(urlEqualTo("/home")).willReturn(aResponse().withStatus(405)));
    server.stubFor(get(urlEqualTo("/home")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")));
    server.stubFor(post(urlEqualTo("/installed")).willReturn(aResponse().withStatus(401)));
    server.stubFor(post(urlEqualTo("/uninstalled")).willReturn(aResponse().withStatus(401)));
    server.stubFor(post(urlEqualTo("/webhooks/issue-created")).willReturn(aResponse().withStatus(401)));
  }

  @Test
  void aDeploymentThatKeepsEveryPromiseIsClean() throws Exception {
    ObjectNode d = descriptor();
    healthy(JSON.writeValueAsString(d));
    Report r = run(d, online(base()));
    assertEquals(List.of(), lines(r));
    assertTrue(
        r.notes().contains("atlassian-connect.json: probed " + base() + " in place of baseUrl https://issue-helper.example.com (--base-url)"),
        r.notes().toString());
    server.verify(headRequestedFor(urlEqualTo("/glance?issueKey=TEST-1")));
  }

  @Test
  void aGatewayAnsweringFiveHundredForEverythingGivesOneFindingInSeconds() throws Exception {
    ObjectNode d = descriptor();
    ArrayNode pages = (ArrayNode) d.with("modules").withArray("generalPages");
    for (int i = 0; i < 60; i++) {
      ObjectNode p = pages.addObject();
      p.put("key", "page-" + i);
      p.putObject("name").put("value", "Page " + i);
      p.put("url", "/pages/" + i + "?project={project.key}");
    }
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("upstream connect error")));
    Report r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(d, online(base())));
    assertEquals(1, r.findings().size(), lines(r).toString());
    Finding f = r.findings().get(0);
    assertEquals("online/deployment-down", f.ruleId());
    assertTrue(f.message().contains("all 69 URLs answered with server errors"), f.message());
    assertEquals("/baseUrl", f.pointer());
  }

  @Test
  void aDeploymentThatAcceptsConnectionsButNeverAnswersFailsInSeconds() throws Exception {
    ObjectNode d = descriptor();
    ArrayNode pages = (ArrayNode) d.with("modules").withArray("generalPages");
    for (int i = 0; i < 40; i++) {
      ObjectNode p = pages.addObject();
      p.put("key", "page-" + i);
      p.putObject("name").put("value", "Page " + i);
      p.put("url", "/pages/" + i);
    }
    try (RawServer silent = new RawServer(RawServer.Mode.SILENT)) {
      VerifyOptions.Builder o =
          VerifyOptions.builder().online(true).baseUrl(silent.url("")).http(fast().readTimeout(Duration.ofMillis(500)).requestTimeout(Duration.ofSeconds(1)).build());
      long start = System.nanoTime();
      Report r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(d, o));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(List.of("online/deployment-down"), r.findings().stream().map(Finding::ruleId).toList(), lines(r).toString());
      assertTrue(r.findings().get(0).message().contains("failed with timed out"), r.findings().get(0).message());
      assertTrue(millis < 10_000, "took " + millis + " ms");
    }
  }

  @Test
  void theAceInstalledRouteMismatchIsFoundAndExplained() throws Exception {
    ObjectNode d = descriptor();
    d.with("lifecycle").put("installed", "/install-callback");
    healthy(JSON.writeValueAsString(d));
    Report r = run(d, online(base()));
    assertEquals(1, r.findings().size(), lines(r).toString());
    Finding f = r.findings().get(0);
    assertEquals("online/route-missing", f.ruleId());
    assertEquals("/lifecycle/installed", f.pointer());
    assertTrue(f.message().contains("POST " + base() + "/install-callback answered HTTP 404"), f.message());
    assertTrue(f.hint().contains("the app answers POST /installed (HTTP 401): atlassian-connect-express mounts /installed"), f.hint());
  }

  @Test
  void aFieldTheServerInjectsShowsUpAsDriftAtItsPointer() throws Exception {
    ObjectNode local = descriptor();
    ObjectNode served = local.deepCopy();
    local.with("apiMigrations").remove("signed-install");
    served.put("baseUrl", base());
    healthy(JSON.writeValueAsString(served));
    Report r = run(local, online(base()));
    assertEquals(1, r.findings().size(), lines(r).toString());
    assertEquals("online/descriptor-drift", r.findings().get(0).ruleId());
    assertEquals("/apiMigrations/signed-install", r.findings().get(0).pointer());
  }

  @Test
  void contextParametersAreFilledWithPlausibleSamples() throws Exception {
    ObjectNode d = descriptor();
    ((ObjectNode) d.with("modules").withArray("generalPages").get(0))
        .put("url", "/issue/{issue.key}/panel?project={project.key}&id=${project.id}&space={space.key}");
    healthy(JSON.writeValueAsString(d));
    server.stubFor(head(urlPathEqualTo("/issue/TEST-1/panel")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")));
    Report r = run(d, online(base()));
    assertEquals(List.of(), lines(r));
    server.verify(headRequestedFor(urlEqualTo("/issue/TEST-1/panel?project=TEST&id=10000&space=TEST")));
  }

  @Test
  void withoutOnlineNothingTouchesTheNetworkAndTheReportSaysWhatWasSkipped() throws Exception {
    ObjectNode d = descriptor();
    d.put("baseUrl", base());
    healthy(JSON.writeValueAsString(d));
    Report r = run(d, VerifyOptions.builder());
    assertEquals(List.of(), lines(r));
    server.verify(0, anyRequestedFor(anyUrl()));
    assertEquals(
        List.of("skipped the checks that need the network (18 rules: online/*); pass --online to verify that the"
            + " deployment serves what the descriptor promises"),
        r.notes().stream().filter(n -> n.startsWith("skipped the checks")).toList());
  }

  @Test
  void skippingTheRouteRulesMeansNoPostIsSent() throws Exception {
    ObjectNode d = descriptor();
    healthy(JSON.writeValueAsString(d));
    Report r = run(d, online(base()).skipRule("online/route-missing").skipRule("online/route-error"));
    assertEquals(List.of(), lines(r));
    server.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void absoluteUrlsUnderTheDeclaredBaseAreProbedOnTheDeploymentAndLinksElsewhereAreNot() throws Exception {
    ObjectNode d = descriptor();
    ObjectNode glance = (ObjectNode) d.with("modules").withArray("jiraIssueGlances").get(0);
    glance.with("icon").put("url", "https://issue-helper.example.com/images/icon.svg");
    ObjectNode link = d.with("modules").withArray("webItems").addObject();
    link.put("key", "docs-link");
    link.putObject("name").put("value", "Docs");
    link.put("location", "system.top.navigation.bar");
    link.put("url", "https://docs.example.com/issue-helper");
    healthy(JSON.writeValueAsString(d));
    Report r = run(d, online(base()));
    assertEquals(List.of(), lines(r));
    server.verify(headRequestedFor(urlEqualTo("/images/icon.svg")));
  }

  @Test
  void aRouteOutsideTheDeploymentIsNeverPostedToAndTheReportSaysSo() throws Exception {
    try (RawServer elsewhere = new RawServer(RawServer.Mode.SILENT)) {
      ObjectNode d = descriptor();
      ((ObjectNode) d.with("modules").withArray("webhooks").get(0)).put("url", elsewhere.url("/hooks/issue"));
      healthy(JSON.writeValueAsString(d));
      Report r = run(d, online(base()));
      assertEquals(List.of(), lines(r));
      assertEquals(0, elsewhere.connections());
      assertTrue(
          r.notes().contains("atlassian-connect.json: not POSTed to, being outside the deployment (a POST could have"
              + " side effects there): /modules/webhooks/0/url"),
          r.notes().toString());
    }
  }

  @Test
  void protocolRelativeRoutesAreNeverPostedAndAPostIsNeverRedirectedOffTheDeployment() throws Exception {
    try (RawServer elsewhere = new RawServer(RawServer.Mode.SILENT)) {
      ObjectNode d = descriptor();
      String foreign = "//127.0.0.1:" + elsewhere.port();
      ((ObjectNode) d.with("modules").withArray("webhooks").get(0)).put("url", foreign + "/hooks/issue");
      d.with("lifecycle").put("uninstalled", foreign + "/uninstalled");
      healthy(JSON.writeValueAsString(d));
      server.stubFor(post(urlEqualTo("/installed")).willReturn(aResponse().withStatus(307)
          .withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + "/installed")));
      Report r = run(d, online(base()));
      assertEquals(0, elsewhere.connections(), "a byte reached the other host");
      assertTrue(r.notes().stream().anyMatch(n -> n.contains("not POSTed to, being outside the deployment")
          && n.contains("/lifecycle/uninstalled") && n.contains("/modules/webhooks/0/url")), r.notes().toString());
      assertTrue(lines(r).stream().anyMatch(l -> l.contains("/installed") || l.contains("never carried")),
          lines(r).toString());
    }
  }

  @Test
  void aSelfSignedDeploymentGivesOneCertificateFindingAndNothingElse() throws Exception {
    WireMockServer https = TestServers.httpsWithSelfSigned();
    try {
      ObjectNode d = descriptor();
      Report r = run(d, online("https://127.0.0.1:" + https.httpsPort()));
      assertEquals(List.of("online/certificate-self-signed"), r.findings().stream().map(Finding::ruleId).toList(), lines(r).toString());
      assertEquals("/baseUrl", r.findings().get(0).pointer());
      assertTrue(https.findAll(anyRequestedFor(anyUrl())).isEmpty(), "no request got through");
    } finally {
      https.stop();
    }
  }
}
