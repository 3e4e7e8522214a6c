package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.connectverify.core.text.Strings;

/** Short, one-line renderings of JSON values for messages. */
final class JsonText {
  private static final int MAX = 60;

  private JsonText() {}

  /** A string quoted (and cut at 60 characters), a number or boolean as is, containers compact or by size. */
  static String brief(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return quote(node.asText());
    }
    if (node.isContainerNode()) {
      String compact = node.toString();
      if (compact.length() <= MAX) {
        return compact;
      }
      return node.isObject()
          ? "an object of " + count(node.size(), "member")
          : "a list of " + count(node.size(), "item");
    }
    return node.toString();
  }

  /**
   * Brief renderings of two different values that never read the same: when {@link #brief} shortens both to one text
   * (two long strings with a common start, two objects of the same size), both are shown from a little before their
   * first difference instead, with an ellipsis where text is left out.
   */
  static String[] briefPair(JsonNode a, JsonNode b) {
    String ba = brief(a);
    String bb = brief(b);
    if (!ba.equals(bb) || a == null || b == null || a.equals(b)) {
      return new String[] {ba, bb};
    }
    String fa = a.isTextual() ? quoteFull(a.asText()) : a.toString();
    String fb = b.isTextual() ? quoteFull(b.asText()) : b.toString();
    int d = 0;
    while (d < fa.length() && d < fb.length() && fa.charAt(d) == fb.charAt(d)) {
      d++;
    }
    int start = Math.max(0, d - 20);
    return new String[] {window(fa, start), window(fb, start)};
  }

  private static String window(String s, int start) {
    int end = Math.min(s.length(), start + MAX);
    return (start > 0 ? "…" : "") + s.substring(start, end) + (end < s.length() ? "…" : "");
  }

  /** {@code "text"} in full, for values whose every character matters (keys, URLs). */
  static String quoteFull(String s) {
    return "\"" + s + "\"";
  }

  /** {@code "text"}, cut with an ellipsis when longer than 60 characters. */
  static String quote(String s) {
    String t = s.length() > MAX ? Strings.cut(s, MAX - 1) + "…" : s;
    return "\"" + t + "\"";
  }

  static String count(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The text of a string node, or null for anything else. */
  static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  /** True for boolean true and the string "true" (any case). */
  static boolean isTrue(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isTextual() && node.asText().trim().equalsIgnoreCase("true");
  }

  /** Leaf values by pointer relative to node; empty containers count as leaves. */
  static void flatten(JsonNode node, String pointer, Map<String, String> out) {
    if (node.isObject() && node.size() > 0) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(e.getValue(), pointer + "/" + e.getKey(), out);
      }
    } else if (node.isArray() && node.size() > 0) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), pointer + "/" + i, out);
      }
    } else {
      out.put(pointer, node.toString());
    }
  }
}
