package org.connectverify.core.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Standard proxy settings. Java's own ({@code https.proxyHost}, {@code http.proxyHost}, {@code http.nonProxyHosts},
 * {@code java.net.useSystemProxies}) win, through {@link ProxySelector#getDefault()}; when none is set, the
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code ALL_PROXY} and {@code NO_PROXY} environment variables (either case)
 * that CI systems set are honoured. Loopback addresses never go through a proxy. Proxy credentials are never sent.
 */
final class EnvProxySelector extends ProxySelector {
  private final Proxy https;
  private final Proxy http;
  private final List<String> noProxy;

  EnvProxySelector(Map<String, String> env) {
    Proxy all = proxy(get(env, "ALL_PROXY"));
    Proxy h = proxy(get(env, "HTTP_PROXY"));
    Proxy hs = proxy(get(env, "HTTPS_PROXY"));
    this.http = h != null ? h : all;
    this.https = hs != null ? hs : (h != null ? h : all);
    this.noProxy = new ArrayList<>();
    String np = get(env, "NO_PROXY");
    if (np != null) {
      for (String entry : np.split(",")) {
        String e = entry.trim().toLowerCase(Locale.ROOT);
        int colon = e.lastIndexOf(':');
        if (colon > 0 && !e.endsWith("]") && e.indexOf(':') == colon) {
          e = e.substring(0, colon);
        }
        if (e.startsWith("*.")) {
          e = e.substring(1);
        }
        if (!e.isEmpty()) {
          noProxy.add(e);
        }
      }
    }
  }

  /** The selector for this JVM and environment. */
  static ProxySelector system() {
    ProxySelector jvm = ProxySelector.getDefault();
    boolean javaConfigured =
        System.getProperty("https.proxyHost") != null
            || System.getProperty("http.proxyHost") != null
            || System.getProperty("socksProxyHost") != null
            || Boolean.getBoolean("java.net.useSystemProxies");
    if (!javaConfigured) {
      EnvProxySelector env = new EnvProxySelector(System.getenv());
      if (env.configured()) {
        return env;
      }
    }
    return jvm != null ? jvm : new EnvProxySelector(Map.of());
  }

  boolean configured() {
    return http != null || https != null;
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (isLoopback(host) || bypassed(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    return List.of(p == null ? Proxy.NO_PROXY : p);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}

  private boolean bypassed(String host) {
    for (String e : noProxy) {
      if (e.equals("*")) {
        return true;
      }
      String bare = e.startsWith(".") ? e.substring(1) : e;
      if (host.equals(bare) || host.endsWith("." + bare)) {
        return true;
      }
    }
    return false;
  }

  static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  private static String get(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      v = env.get(name.toLowerCase(Locale.ROOT));
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** {@code http://host:port}, {@code host:port} or {@code socks5://host:port}; credentials are dropped. */
  private static Proxy proxy(String value) {
    if (value == null) {
      return null;
    }
    String v = value.contains("://") ? value : "http://" + value;
    URI u;
    try {
      u = URI.create(v);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (u.getHost() == null) {
      return null;
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    boolean socks = scheme.startsWith("socks");
    int port = u.getPort() > 0 ? u.getPort() : (socks ? 1080 : scheme.equals("https") ? 443 : 80);
    return new Proxy(socks ? Proxy.Type.SOCKS : Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port));
  }
}
