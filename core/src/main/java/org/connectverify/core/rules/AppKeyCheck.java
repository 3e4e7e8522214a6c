package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.template.TemplateEngine;

/**
 * The app key: letters, digits, {@code -}, {@code .} and {@code _} only and at most 80 characters (the schema's
 * limits, an error), and at most 64 characters (the documented limit, a warning: installing creates an app user named
 * after the key, and that fails above 64). An empty or non-string key is the schema's to report; a key that still
 * holds a template placeholder is the templating step's.
 */
public final class AppKeyCheck implements Check {
  public static final Rule FORMAT =
      Rule.of(
          "descriptor/app-key-format",
          Severity.ERROR,
          "The app key has characters other than letters, digits, '-', '.' and '_', or is longer than 80"
              + " characters.");
  public static final Rule LENGTH =
      Rule.of(
          "descriptor/app-key-length",
          Severity.WARNING,
          "The app key is longer than 64 characters, the documented limit; installation can fail.");

  static final int MAX = 80;
  static final int DOCUMENTED_MAX = 64;
  private static final Pattern BAD_CHAR = Pattern.compile("[^a-zA-Z0-9._-]");
  private static final Pattern BUILD_TOKEN = Pattern.compile("^@[^@]+@$");

  @Override
  public List<Rule> rules() {
    return List.of(FORMAT, LENGTH);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode node = ctx.root().path("key");
    if (!node.isTextual() || node.asText().isEmpty() || TemplateEngine.holdsPlaceholder(node.asText())) {
      return;
    }
    String key = node.asText();
    if (!allKeyChars(key)) {
      String hint =
          BUILD_TOKEN.matcher(key).matches()
              ? "\"" + key + "\" looks like a build token that was never filtered (Maven resource filtering or"
                  + " similar): turn filtering on for this file, or write the key itself"
              : "use only letters, digits, '-', '.' and '_' (for example a reversed domain such as"
                  + " \"com.example.my-app\"); the key cannot change once the app is listed";
      ctx.report(
          FORMAT,
          ctx.at("/key"),
          "app key \"" + key + "\" contains " + badChars(key) + ": only letters, digits, '-', '.' and"
              + " '_' are allowed",
          hint);
    }
    int length = key.codePointCount(0, key.length());
    if (length > MAX) {
      ctx.report(
          FORMAT,
          ctx.at("/key"),
          "app key is " + length + " characters long: the descriptor schema allows at most " + MAX,
          "shorten the key to at most " + DOCUMENTED_MAX + " characters, the documented limit");
    } else if (length > DOCUMENTED_MAX) {
      ctx.report(
          LENGTH,
          ctx.at("/key"),
          "app key is " + length + " characters long: Atlassian documents at most " + DOCUMENTED_MAX
              + "; installing creates an app user named after the key, which fails above that",
          "shorten the key to at most " + DOCUMENTED_MAX + " characters before the app is first listed");
    }
  }

  /**
   * True when every char of {@code s} is an ASCII letter or digit, '.', '_' or '-': a string {@link #BAD_CHAR} finds
   * nothing in, without a matcher for every descriptor.
   */
  static boolean allKeyChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** The distinct disallowed characters, in order of appearance: {@code '@'}, {@code a space and '/'}. */
  private static String badChars(String key) {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    Matcher m = BAD_CHAR.matcher(key);
    while (m.find()) {
      String c = m.group();
      seen.add(
          switch (c) {
            case " " -> "a space";
            case "\t" -> "a tab";
            default -> "'" + c + "'";
          });
    }
    List<String> all = List.copyOf(seen);
    return all.size() == 1
        ? all.get(0)
        : String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
  }
}
