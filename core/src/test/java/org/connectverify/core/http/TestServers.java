package org.connectverify.core.http;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Test servers other packages' tests need (the certificate keystores stay in this package). */
public final class TestServers {
  private TestServers() {}

  /** A started WireMock serving https on 127.0.0.1 with a self-signed certificate; the caller stops it. */
  public static WireMockServer httpsWithSelfSigned() throws Exception {
    return TlsProbeTest.https(TestCertificates.get().selfSigned());
  }
}
