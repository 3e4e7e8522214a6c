package org.connectverify.core.product;

import java.util.ArrayList;
import java.util.List;

/**
 * The placeholders of one URL string. Three kinds are told apart: {@code {issue.key}} (a Connect context parameter the
 * host binds in module URLs), {@code ${issue.key}} (webhook substitution, and the URL variables some apps such as
 * draw.io use in macro URLs), and {@code {{localBaseUrl}}} (a marker of a templating engine that renders the descriptor
 * before it is served). Braces that do not pair up make the template malformed.
 *
 * @param tokens the placeholders in order
 * @param problem why the template is malformed, or null
 */
record UrlTemplate(List<Token> tokens, String problem) {

  /** One placeholder: its name (what is between the braces) and its kind. */
  record Token(String name, Kind kind) {}

  enum Kind {
    CONTEXT,
    DOLLAR,
    TEMPLATE_MARKER
  }

  static UrlTemplate parse(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '}') {
        return new UrlTemplate(tokens, "a \"}\" at position " + (i + 1) + " closes no \"{\"");
      }
      if (c != '{') {
        i++;
        continue;
      }
      if (s.startsWith("{{", i)) {
        int end = s.indexOf("}}", i + 2);
        if (end < 0) {
          return new UrlTemplate(tokens, "the \"{{\" at position " + (i + 1) + " is never closed");
        }
        tokens.add(new Token(s.substring(i + 2, end).trim(), Kind.TEMPLATE_MARKER));
        i = end + 2;
        continue;
      }
      int close = s.indexOf('}', i + 1);
      int nextOpen = s.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        return new UrlTemplate(tokens, "the \"{\" at position " + (i + 1) + " is never closed");
      }
      String name = s.substring(i + 1, close);
      if (name.isBlank()) {
        return new UrlTemplate(tokens, "\"{}\" at position " + (i + 1) + " names no parameter");
      }
      boolean dollar = i > 0 && s.charAt(i - 1) == '$';
      tokens.add(new Token(name, dollar ? Kind.DOLLAR : Kind.CONTEXT));
      i = close + 1;
    }
    return new UrlTemplate(tokens, null);
  }
}
