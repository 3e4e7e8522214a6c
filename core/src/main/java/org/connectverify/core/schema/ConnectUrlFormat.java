package org.connectverify.core.schema;

import java.net.URI;
import java.util.Optional;
import org.connectverify.core.text.Uris;
import org.everit.json.schema.FormatValidator;

/**
 * Format {@code connect-url}: an absolute http(s) URL or a URL relative to the app's baseUrl, as Atlassian's validator
 * accepts them. Context-parameter tokens such as {@code {issue.key}} or {@code ${project.id}}, and template markers such
 * as {@code {{localBaseUrl}}}, are allowed anywhere; unbalanced braces are left to {@code urls/malformed-template}.
 */
final class ConnectUrlFormat implements FormatValidator {
  @Override
  public String formatName() {
    return "connect-url";
  }

  @Override
  public Optional<String> validate(String subject) {
    if (plainPath(subject, true)) {
      return Optional.empty(); // "/page?issue={issue.key}": a plain path once its tokens are cut (see below)
    }
    if (subject.isBlank()) {
      return Optional.of("URL is empty");
    }
    boolean braces = subject.indexOf('{') >= 0;
    if (!braces && hasWhitespace(subject)) {
      return Optional.of("URL \"" + subject + "\" contains white space");
    }
    String probe = withoutTokens(subject);
    if (plainPath(probe)) {
      return Optional.empty(); // the commonest URL, "/page?id=x": java.net.URI would accept it, relative
    }
    Uris.Parsed parsed = Uris.parse(probe.replace(" ", "%20"));
    if (parsed.error() != null) {
      return Optional.of("\"" + subject + "\" is not a valid URL: " + parsed.error().getReason());
    }
    URI uri = parsed.uri();
    if (uri.isAbsolute()) {
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.of(
            "URL \"" + subject + "\" has scheme '" + scheme + "'; only http(s) or a relative URL is allowed");
      }
      if (uri.getHost() == null) {
        return Optional.of("URL \"" + subject + "\" has no host");
      }
    }
    return Optional.empty();
  }

  /**
   * The URL with each token ({@code {x}} or {@code ${x}}, innermost first, as nested ones are written) replaced by
   * {@code x}, and each brace left over by {@code x}: what {@link URI} then judges. One pass with a stack of open
   * braces, the same as replacing {@code \$?\{[^{}]*\}} until nothing changes.
   */
  static String withoutTokens(String url) {
    if (url.indexOf('{') < 0 && url.indexOf('}') < 0) {
      return url;
    }
    StringBuilder out = new StringBuilder(url.length());
    int[] open = new int[8];
    int depth = 0;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '{') {
        if (depth == open.length) {
          open = java.util.Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = out.length();
        out.append(c);
      } else if (c == '}' && depth > 0) {
        int at = open[--depth];
        out.setLength(at > 0 && out.charAt(at - 1) == '$' ? at - 1 : at);
        out.append('x');
      } else {
        out.append(c);
      }
    }
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == '{' || c == '}') {
        out.setCharAt(i, 'x');
      }
    }
    return out.toString();
  }

  /** Characters RFC 2396 allows, unescaped, in a path and a query: {@link URI} parses a path of them as it is. */
  private static final String PATH_MARKS = "-_.!~*'():@&=+$,;/?";

  /**
   * True for an absolute path (not {@code //authority}) with an optional query, made only of letters, digits and
   * {@link #PATH_MARKS}: a relative URL that {@link URI} accepts. Anything else (escapes, fragments, other
   * characters, absolute URLs) is left to {@link URI}.
   */
  static boolean plainPath(String url) {
    return plainPath(url, false);
  }

  /**
   * {@link #plainPath(String)}, with {@code braces} also taking {@code {} and {@code }} as plain. Such a URL is a plain
   * path once {@link #withoutTokens} has cut its tokens: that keeps the first two characters (a token needs a brace,
   * and becomes an {@code x}), drops characters or turns braces into {@code x}, so what is left is plain too. The
   * commonest URL with a context parameter then needs neither the copy nor the second scan.
   */
  static boolean plainPath(String url, boolean braces) {
    if (url.isEmpty() || url.charAt(0) != '/' || url.startsWith("//")) {
      return false;
    }
    for (int i = 1; i < url.length(); i++) {
      char c = url.charAt(i);
      if (!(c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || PATH_MARKS.indexOf(c) >= 0
          || braces && (c == '{' || c == '}'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
