package org.connectverify.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Certificates as the product sees them: WireMock serving https on 127.0.0.1 with keystores made by
 * {@link TestCertificates}. Self-signed, expired, wrong-host and unknown-CA certificates are told apart.
 */
class TlsProbeTest {
  private static final List<WireMockServer> servers = new ArrayList<>();
  private static TestCertificates certs;

  @BeforeAll
  static void certificates() throws Exception {
    certs = TestCertificates.get();
  }

  @AfterAll
  static void stop() {
    servers.forEach(WireMockServer::stop);
  }

  /** An https server (and its plain http port) presenting the keystore's certificate, answering 200 to anything. */
  static WireMockServer https(Path keystore) {
    WireMockServer s =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD)
                .keyManagerPassword(TestCertificates.PASSWORD));
    s.start();
    servers.add(s);
    s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")));
    return s;
  }

  private static ProbeResult fetch(WireMockServer s, X509TrustManager trust) {
    try (OkHttpProbe probe = new OkHttpProbe(OkHttpProbeTest.fast().trustManager(trust).build())) {
      return probe.fetch(ProbeRequest.exists("https://127.0.0.1:" + s.httpsPort() + "/"));
    }
  }

  @Test
  void aSelfSignedCertificateIsReportedAsSuch() {
    ProbeResult r = fetch(https(certs.selfSigned()), null);
    assertEquals(Failure.CERT_SELF_SIGNED, r.failure(), r.describe());
    assertEquals("CN=127.0.0.1", r.detail());
    assertEquals(1, r.attempts(), "a certificate problem is not retried");
  }

  @Test
  void anExpiredCertificateIsReportedAsExpiredEvenWhenItIsAlsoSelfSigned() {
    ProbeResult r = fetch(https(certs.expired()), null);
    assertEquals(Failure.CERT_EXPIRED, r.failure(), r.describe());
    assertTrue(r.detail().startsWith("expired on "), r.detail());
  }

  @Test
  void aTrustedCertificateForAnotherHostIsReportedAsWrongHost() throws Exception {
    ProbeResult r = fetch(https(certs.wrongHost()), TestCertificates.trusting(certs.wrongHost()));
    assertEquals(Failure.CERT_WRONG_HOST, r.failure(), r.describe());
    assertEquals("it names [wrong.example], not 127.0.0.1", r.detail());
  }

  @Test
  void aCertificateFromAnUnknownCaIsReportedAsUntrusted() {
    ProbeResult r = fetch(https(certs.untrustedChain()), null);
    assertEquals(Failure.CERT_UNTRUSTED, r.failure(), r.describe());
    assertEquals(
        "CN=127.0.0.1, issued by CN=connect-verify test CA; an intermediate certificate may be missing from the chain",
        r.detail());
  }

  @Test
  void aTrustedCertificateForTheHostAnswers() throws Exception {
    ProbeResult r = fetch(https(certs.selfSigned()), TestCertificates.trusting(certs.selfSigned()));
    assertEquals(200, r.status(), r.describe());
  }

  @Test
  void aRedirectFromHttpsToHttpIsRecorded() throws Exception {
    WireMockServer s = https(certs.selfSigned());
    s.stubFor(get(urlEqualTo("/home"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:" + s.port() + "/landing")));
    try (OkHttpProbe probe = new OkHttpProbe(OkHttpProbeTest.fast().trustManager(TestCertificates.trusting(certs.selfSigned())).build())) {
      ProbeResult r = probe.fetch(ProbeRequest.getBody("https://127.0.0.1:" + s.httpsPort() + "/home"));
      assertEquals(200, r.status(), r.describe());
      assertEquals(
          "https://127.0.0.1:" + s.httpsPort() + "/home -> http://127.0.0.1:" + s.port() + "/landing", r.downgrade());
    }
  }
}
