package org.connectverify.core.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.everit.json.schema.FormatValidator;

/**
 * Format {@code connect-url}: an absolute http(s) URL or a URL relative to the app's baseUrl, as Atlassian's validator
 * accepts them. Context-parameter tokens such as {@code {issue.key}} or {@code ${project.id}}, and template markers such
 * as {@code {{localBaseUrl}}}, are allowed anywhere; unbalanced braces are left to {@code urls/malformed-template}.
 */
final class ConnectUrlFormat implements FormatValidator {
  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("\\$?\\{[^{}]*}");

  @Override
  public String formatName() {
    return "connect-url";
  }

  @Override
  public Optional<String> validate(String subject) {
    if (subject.isBlank()) {
      return Optional.of("URL is empty");
    }
    boolean braces = subject.indexOf('{') >= 0;
    if (!braces && hasWhitespace(subject)) {
      return Optional.of("URL \"" + subject + "\" contains white space");
    }
    String probe = subject;
    // most URLs hold no token, and every module's URL comes here: they skip the regular expression
    for (String previous = null; braces && !probe.equals(previous); ) {
      previous = probe;
      probe = TOKEN.matcher(probe).replaceAll("x");
    }
    probe = probe.replace('{', 'x').replace('}', 'x');
    try {
      URI uri = new URI(probe.replace(" ", "%20"));
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
    } catch (URISyntaxException e) {
      return Optional.of("\"" + subject + "\" is not a valid URL: " + e.getReason());
    }
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
