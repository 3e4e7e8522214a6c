package org.connectverify.core.diff;

import java.util.Locale;
import java.util.Map;

/**
 * Scope names and what they imply: READ &lt; WRITE &lt; DELETE &lt; PROJECT_ADMIN / SPACE_ADMIN &lt; ADMIN (the two
 * admin scopes do not imply each other); ACT_AS_USER and ACCESS_EMAIL_ADDRESSES stand alone; NONE is implied by
 * everything. Names compare case-insensitively.
 */
final class Scopes {
  private static final Map<String, Integer> LEVEL =
      Map.of("READ", 1, "WRITE", 2, "DELETE", 3, "PROJECT_ADMIN", 4, "SPACE_ADMIN", 4, "ADMIN", 5);

  private Scopes() {}

  static String normalize(String scope) {
    return scope.trim().toUpperCase(Locale.ROOT);
  }

  /** True when holding {@code held} grants {@code wanted} (both normalized). */
  static boolean implies(String held, String wanted) {
    if (held.equals(wanted) || wanted.equals("NONE")) {
      return true;
    }
    Integer h = LEVEL.get(held);
    Integer w = LEVEL.get(wanted);
    return h != null && w != null && h > w;
  }

  /** True when {@code wider} is a higher step of the same ladder than {@code narrower}. */
  static boolean widens(String wider, String narrower) {
    Integer a = LEVEL.get(wider);
    Integer b = LEVEL.get(narrower);
    return a != null && b != null && a > b;
  }
}
