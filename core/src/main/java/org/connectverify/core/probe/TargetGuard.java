package org.connectverify.core.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether the probe may send forged tokens and install callbacks to a base URL: loopback targets always,
 * other hosts only when the user confirmed a staging deployment, Atlassian's own hosts never. Works on the URL text
 * alone (no DNS look-up), so a name that merely resolves to loopback still needs the confirmation.
 */
public final class TargetGuard {
  /** Host suffixes of Atlassian's products and services, which the probe must never act against. */
  static final List<String> ATLASSIAN_DOMAINS =
      List.of(
          "atlassian.net",
          "atlassian.com",
          "atlassian.io",
          "atl-paas.net",
          "jira.com",
          "jira-dev.com",
          "bitbucket.org",
          "trello.com",
          "statuspage.io");

  private TargetGuard() {}

  /**
   * The base URL, normalised (no trailing slash, no query or fragment), when the probe may target it.
   *
   * @throws IllegalArgumentException with a one-line reason otherwise
   */
  public static URI check(String baseUrl, boolean confirmStaging) {
    URI uri;
    try {
      uri = new URI(baseUrl.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--base-url '" + baseUrl + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("--base-url '" + baseUrl + "' must start with http:// or https://");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("--base-url '" + baseUrl + "' has no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "--base-url '" + baseUrl + "' must be a plain base URL (no user info, query or fragment)");
    }
    String h = host.toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (String domain : ATLASSIAN_DOMAINS) {
      if (h.equals(domain) || h.endsWith("." + domain)) {
        throw new IllegalArgumentException(
            "refusing to probe " + host + ": it is an Atlassian host, and the probe sends forged tokens and install"
                + " callbacks; point --base-url at your own app");
      }
    }
    if (!isLoopback(h) && !confirmStaging) {
      throw new IllegalArgumentException(
          "refusing to probe " + host + " without --confirm-staging: the probe installs a synthetic tenant and sends"
              + " forged requests; confirm that this is a staging deployment you own");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  /** True for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1} written as such. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
