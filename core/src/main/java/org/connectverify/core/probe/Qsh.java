package org.connectverify.core.probe;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Connect query string hash ({@code qsh} claim): lower-case hex SHA-256 of the UTF-8 canonical request
 * {@code METHOD&canonicalURI&canonicalQuery}, as Atlassian specifies it (connect-facts §10):
 *
 * <ul>
 *   <li>METHOD in upper case;
 *   <li>the path only, without the app's baseUrl path; empty becomes {@code /}; no trailing {@code /} unless it is the
 *       whole path; always a leading {@code /}; {@code &} inside it percent-encoded;
 *   <li>query parameters without {@code jwt}, sorted by percent-encoded name then value (code point order), a repeated
 *       parameter as one pair whose values are joined by {@code ,}; OAuth1 percent-encoding (space is {@code %20},
 *       {@code *} is {@code %2A}, {@code ~} stays); no parameters gives the empty string.
 * </ul>
 *
 * Pure functions; no state.
 */
public final class Qsh {
  /** The query parameter that carries the token itself and is left out of the hash. */
  public static final String JWT_PARAM = "jwt";

  private Qsh() {}

  /** The qsh of a request to the app at {@code requestUri}, whose descriptor baseUrl has the path {@code basePath}. */
  public static String of(String method, URI requestUri, String basePath) {
    return hash(canonicalRequest(method, requestUri, basePath));
  }

  /**
   * The canonical request of {@code method} to {@code requestUri} (its raw, percent-encoded path and query are read),
   * with {@code basePath} (the path of the app's baseUrl, or of the product's context path; may be empty) removed.
   */
  public static String canonicalRequest(String method, URI requestUri, String basePath) {
    String rawPath = requestUri.getRawPath() == null ? "" : requestUri.getRawPath();
    return canonicalRequest(method, relativePath(percentDecode(rawPath, false), basePath), parseQuery(requestUri.getRawQuery()));
  }

  /**
   * The canonical request from its parts: {@code path} already relative to the baseUrl and decoded, {@code params} as
   * decoded name/value pairs in any order (repeats allowed).
   */
  public static String canonicalRequest(String method, String path, List<Map.Entry<String, String>> params) {
    return method.toUpperCase(Locale.ROOT) + "&" + canonicalUri(path) + "&" + canonicalQuery(params);
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code canonicalRequest}. */
  public static String hash(String canonicalRequest) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@code path} without the leading {@code basePath} (compared segment-wise, ignoring a trailing slash). */
  static String relativePath(String path, String basePath) {
    String base = basePath == null ? "" : stripTrailingSlashes(basePath);
    if (!base.isEmpty() && (path.equals(base) || path.startsWith(base + "/"))) {
      return path.substring(base.length());
    }
    return path;
  }

  static String canonicalUri(String path) {
    String p = stripTrailingSlashes(path == null ? "" : path);
    if (p.isEmpty()) {
      return "/";
    }
    p = p.replace("&", "%26");
    return p.startsWith("/") ? p : "/" + p;
  }

  static String canonicalQuery(List<Map.Entry<String, String>> params) {
    // encoded name -> encoded values; TreeMap on String sorts by UTF-16 code unit, which for the ASCII-only output of
    // percentEncode is code point order (upper case before lower case).
    Map<String, List<String>> byName = new TreeMap<>();
    for (Map.Entry<String, String> p : params) {
      if (JWT_PARAM.equals(p.getKey())) {
        continue;
      }
      byName.computeIfAbsent(percentEncode(p.getKey()), k -> new ArrayList<>()).add(percentEncode(p.getValue()));
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<String>> e : byName.entrySet()) {
      List<String> values = e.getValue();
      values.sort(null);
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(e.getKey()).append('=').append(String.join(",", values));
    }
    return out.toString();
  }

  /**
   * OAuth1 / RFC 3986 percent-encoding of UTF-8: letters, digits and {@code -._~} stay, everything else (space too)
   * becomes {@code %XX} with upper-case hex.
   */
  public static String percentEncode(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Splits a raw (percent-encoded) query string into decoded name/value pairs, in order. {@code +} decodes to a space,
   * as servlet containers do. Null or empty gives no pairs.
   */
  public static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      out.add(Map.entry(percentDecode(name, true), percentDecode(value, true)));
    }
    return out;
  }

  /** Decodes {@code %XX} escapes as UTF-8; {@code plusIsSpace} for query components. Malformed escapes stay as they are. */
  static String percentDecode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
      return s;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.write(b, 0, b.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static String stripTrailingSlashes(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }
}
