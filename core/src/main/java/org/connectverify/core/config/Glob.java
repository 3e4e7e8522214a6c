package org.connectverify.core.config;

import java.util.regex.Pattern;

/**
 * File globs as in {@code .gitignore}-style tools: {@code *} and {@code ?} stay within a folder, {@code **} crosses
 * folders ({@code **}{@code /} may also match nothing), {@code /} separates. A glob without {@code /} matches a file
 * name in any folder. Paths are matched with {@code /} separators, relative to the configuration file's folder.
 */
public final class Glob {
  private final String glob;
  private final Pattern pattern;
  private final boolean nameOnly;

  public Glob(String glob) {
    this.glob = glob;
    this.nameOnly = !glob.contains("/");
    this.pattern = Pattern.compile(toRegex(glob));
  }

  public boolean matches(String path) {
    if (pattern.matcher(path).matches()) {
      return true;
    }
    return nameOnly && pattern.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
  }

  /** True when the glob matches every path (refused when no rule narrows a suppression either). */
  boolean matchesEverything() {
    String g = glob.replace("**/", "").replace("/**", "");
    return g.equals("**") || g.equals("*") || g.isEmpty();
  }

  private static String toRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        sb.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        sb.append("[^/]*");
      } else if (c == '?') {
        sb.append("[^/]");
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return glob;
  }
}
