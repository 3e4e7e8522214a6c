package org.connectverify.core.text;

/** Small string helpers for messages. */
public final class Strings {
  private Strings() {}

  /** A file as reports show it: relative to {@code baseDir} when inside it, else as given; {@code /} separators. */
  public static String displayPath(java.nio.file.Path file, java.nio.file.Path baseDir) {
    java.nio.file.Path abs = file.toAbsolutePath().normalize();
    if (java.io.File.separatorChar == '/' && baseDir.isAbsolute()) {
      // a file under the base folder, the common case: what relativize gives for a normalised path, without taking
      // both paths apart into names (once per file of a run)
      String a = abs.toString();
      String b = baseDir.toString();
      int cut = b.endsWith("/") ? b.length() : b.length() + 1;
      if (a.length() > cut && a.startsWith(b) && a.charAt(cut - 1) == '/') {
        return a.substring(cut).replace('\\', '/');
      }
    }
    java.nio.file.Path shown = abs.startsWith(baseDir) ? baseDir.relativize(abs) : file.normalize();
    return shown.toString().replace('\\', '/');
  }

  /**
   * The first {@code n} chars of {@code s}, one fewer when the cut would split a surrogate pair (an emoji), so a
   * shortened value is still valid text.
   */
  public static String cut(String s, int n) {
    if (n >= s.length()) {
      return s;
    }
    int end = Math.max(0, n);
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * {@code s} safe to print on a terminal or in a CI log: control characters (terminal escapes such as ESC, C1
   * codes, line breaks), Unicode line separators and bidirectional overrides are written as a backslash, {@code u} and
   * four hex digits ({@code \n}, {@code \r}, {@code \t} for those three), and unpaired surrogates the same way.
   */
  public static String printable(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean lone = Character.isSurrogate(c) && !pair && !(Character.isLowSurrogate(c) && i > 0
          && Character.isHighSurrogate(s.charAt(i - 1)));
      boolean unsafe =
          lone || Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
              || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      if (!unsafe) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out == null ? s : out.toString();
  }

  /** Levenshtein edit distance. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The candidates closest to {@code name} by case-insensitive edit distance, best first; empty when none is close. */
  public static java.util.List<String> closest(String name, Iterable<String> candidates) {
    java.util.List<String> best = new java.util.ArrayList<>();
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    int limit = Math.max(2, name.length() / 3);
    for (String candidate : candidates) {
      // the distance is at least the difference in length: too far to be suggested. Lower case keeps the length of
      // all but U+0130 (to "i" and a combining dot), so most candidates are ruled out before they are copied.
      if (Math.abs(candidate.length() - lower.length()) > limit && candidate.indexOf('\u0130') < 0) {
        continue;
      }
      String other = candidate.toLowerCase(java.util.Locale.ROOT);
      if (Math.abs(other.length() - lower.length()) > limit) {
        continue;
      }
      int d = distance(lower, other);
      if (d > limit) {
        continue;
      }
      if (d < bestDistance) {
        best.clear();
        bestDistance = d;
      }
      if (d == bestDistance) {
        best.add(candidate);
      }
    }
    return best;
  }

  /** Quotes and joins values for messages: {@code "a", "b" or "c"}. */
  public static String quoteList(java.util.Collection<String> values, String lastJoin) {
    java.util.List<String> q = values.stream().map(v -> "\"" + v + "\"").toList();
    if (q.size() <= 1) {
      return String.join("", q);
    }
    return String.join(", ", q.subList(0, q.size() - 1)) + " " + lastJoin + " " + q.get(q.size() - 1);
  }
}
