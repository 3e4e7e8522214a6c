package org.connectverify.core.json;

import java.util.ArrayList;
import java.util.List;

/** JSON pointer (RFC 6901) helpers. The root is the empty string. */
public final class Pointers {
  private Pointers() {}

  /** Escapes one reference token ({@code ~} to {@code ~0}, {@code /} to {@code ~1}). */
  public static String escape(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~' || c == '/') {
        return token.replace("~", "~0").replace("/", "~1");
      }
    }
    return token; // most keys: nothing to escape, no copies, one pass
  }

  /** The pointer of {@code child} (an object key) under {@code parent}. */
  public static String child(String parent, String key) {
    String token = escape(key);
    // sized once: the walks build one of these for every object and array they enter
    return new StringBuilder(parent.length() + 1 + token.length()).append(parent).append('/').append(token).toString();
  }

  /** The pointer of array element {@code index} under {@code parent}. */
  public static String child(String parent, int index) {
    return new StringBuilder(parent.length() + 11).append(parent).append('/').append(index).toString();
  }

  /** The parent pointer, or the empty string for the root and its children. */
  public static String parent(String pointer) {
    int i = pointer.lastIndexOf('/');
    return i <= 0 ? "" : pointer.substring(0, i);
  }

  /** The unescaped last token, or the empty string for the root. */
  public static String lastToken(String pointer) {
    int i = pointer.lastIndexOf('/');
    return i < 0 ? "" : unescape(pointer.substring(i + 1));
  }

  /** The unescaped tokens of a pointer. */
  public static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(unescape(t));
    }
    return out;
  }

  /**
   * A readable name for where a pointer points, as messages show it: {@code modules.webItems[0].name}, or
   * {@code descriptor} for the root.
   */
  public static String readable(String pointer) {
    if (pointer.isEmpty()) {
      return "descriptor";
    }
    StringBuilder b = new StringBuilder();
    for (String token : tokens(pointer)) {
      if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
        b.append('[').append(token).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(token);
      }
    }
    return b.toString();
  }

  public static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
