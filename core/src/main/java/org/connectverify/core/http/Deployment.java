package org.connectverify.core.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one place that decides where a request may go: the deployment under test (scheme, host and port of its base
 * URL) and how a descriptor URL is made absolute against it. The probe and {@code verify --online} both resolve
 * through here, and a request whose target is not the deployment is not sent.
 *
 * <p>Resolution is the product's, never text pasting: a relative URL is a path below the base URL (with or without
 * its leading {@code /}), so no descriptor value can become user info, a host or a port ({@code "@evil:80/x"} is the
 * path {@code /@evil:80/x}). A protocol-relative {@code //host/path} takes the base's scheme and names its own host,
 * as in a browser; an absolute URL is itself. Both are then checked like any other target.
 */
public final class Deployment {
  private final String scheme;
  private final String host;
  private final int port;
  /** The base URL without a trailing slash. */
  private final String base;

  private Deployment(String scheme, String host, int port, String base) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.base = base;
  }

  /**
   * The deployment at {@code baseUrl}, an absolute http(s) URL.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static Deployment of(String baseUrl) {
    URI u;
    try {
      u = new URI(baseUrl.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + baseUrl + "' is not a URL: " + e.getReason());
    }
    String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if ((!s.equals("http") && !s.equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException("'" + baseUrl + "' is not an absolute http(s) URL");
    }
    String b = baseUrl.trim();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return new Deployment(s, u.getHost().toLowerCase(Locale.ROOT), effectivePort(s, u.getPort()), b);
  }

  private static int effectivePort(String scheme, int port) {
    return port > 0 ? port : scheme.equals("https") ? 443 : 80;
  }

  /** Why a descriptor URL cannot be requested on the deployment. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** The base URL, without a trailing slash. */
  public String base() {
    return base;
  }

  /**
   * {@code ref} (a descriptor URL, context parameters already filled) made absolute as the product does it, and
   * checked: it must parse as a URL and name this deployment.
   *
   * @throws Refused with a one-line reason otherwise; nothing may be sent then
   */
  public URI resolve(String ref) throws Refused {
    String text;
    if (ref.startsWith("//")) {
      text = scheme + ":" + ref;
    } else if (isAbsolute(ref)) {
      text = ref;
    } else {
      text = base + (ref.startsWith("/") ? ref : "/" + ref);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new Refused("'" + ref + "' is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    if (!contains(uri)) {
      throw new Refused("'" + ref + "' resolves to " + origin(uri) + ", which is not the deployment under test ("
          + scheme + "://" + host + ":" + port + ")");
    }
    return uri;
  }

  /** True when {@code uri} has the deployment's scheme, host and port (and no user info). */
  public boolean contains(URI uri) {
    String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return s.equals(scheme)
        && uri.getRawUserInfo() == null
        && uri.getHost() != null
        && uri.getHost().toLowerCase(Locale.ROOT).equals(host)
        && effectivePort(s, uri.getPort()) == port;
  }

  /** {@link #contains(URI)} for URL text; false when it does not parse. */
  public boolean contains(String url) {
    try {
      return contains(new URI(url));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** True when both URLs have the same scheme, host and port (false if either does not parse). */
  public static boolean sameOrigin(String a, String b) {
    try {
      return of(a).contains(new URI(b));
    } catch (IllegalArgumentException | URISyntaxException e) {
      return false;
    }
  }

  private static String origin(URI uri) {
    String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      return "'" + uri + "' (no host)";
    }
    return s + "://" + (uri.getRawUserInfo() == null ? "" : "<user info>@") + uri.getHost().toLowerCase(Locale.ROOT)
        + ":" + effectivePort(s, uri.getPort());
  }

  private static boolean isAbsolute(String ref) {
    return ref.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*");
  }
}
