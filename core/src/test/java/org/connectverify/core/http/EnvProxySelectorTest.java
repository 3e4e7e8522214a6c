package org.connectverify.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvProxySelectorTest {

  private static String chosen(EnvProxySelector s, String url) {
    Proxy p = s.select(URI.create(url)).get(0);
    if (p.type() == Proxy.Type.DIRECT) {
      return "DIRECT";
    }
    InetSocketAddress a = (InetSocketAddress) p.address();
    return p.type() + " " + a.getHostString() + ":" + a.getPort();
  }

  @Test
  void usesHttpsProxyForHttpsAndHttpProxyForHttp() {
    EnvProxySelector s =
        new EnvProxySelector(Map.of("HTTPS_PROXY", "http://secure.proxy:3128", "http_proxy", "plain.proxy:8080"));
    assertEquals("HTTP secure.proxy:3128", chosen(s, "https://app.example.com/x"));
    assertEquals("HTTP plain.proxy:8080", chosen(s, "http://app.example.com/x"));
  }

  @Test
  void fallsBackToAllProxyAndUnderstandsSocks() {
    EnvProxySelector s = new EnvProxySelector(Map.of("ALL_PROXY", "socks5://socks.proxy"));
    assertEquals("SOCKS socks.proxy:1080", chosen(s, "https://app.example.com/"));
  }

  @Test
  void bypassesNoProxyHostsTheirSubdomainsAndLoopback() {
    EnvProxySelector s =
        new EnvProxySelector(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "internal.example, .corp.example:8443"));
    assertEquals("DIRECT", chosen(s, "https://internal.example/"));
    assertEquals("DIRECT", chosen(s, "https://api.internal.example/"));
    assertEquals("DIRECT", chosen(s, "https://x.corp.example/"));
    assertEquals("HTTP p:1", chosen(s, "https://notinternal.example/"));
    assertEquals("DIRECT", chosen(s, "https://127.0.0.1:8443/"));
    assertEquals("DIRECT", chosen(s, "https://localhost/"));
    assertEquals("DIRECT", chosen(s, "https://[::1]:8080/"));
  }

  @Test
  void aWildcardNoProxyDisablesProxies() {
    EnvProxySelector s = new EnvProxySelector(Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*"));
    assertEquals("DIRECT", chosen(s, "https://app.example.com/"));
  }

  @Test
  void isNotConfiguredWithoutProxyVariables() {
    assertFalse(new EnvProxySelector(Map.of("NO_PROXY", "x")).configured());
  }
}
