package org.connectverify.core.json;

import java.util.HashMap;
import java.util.Map;

/**
 * Where every value of a parsed document stands: for each JSON pointer, the line and column of its key (for object
 * members) and of its value. Lines and columns are 1-based. Lookups of pointers that do not exist fall back to the
 * nearest existing ancestor, so a finding always has a position.
 */
public final class SourceMap {
  private final Map<String, int[]> entries;

  SourceMap(Map<String, int[]> entries) {
    this.entries = entries;
  }

  /** An empty map, for documents that could not be parsed. */
  public static SourceMap empty() {
    return new SourceMap(new HashMap<>());
  }

  public boolean contains(String pointer) {
    return entries.containsKey(pointer);
  }

  /** {line, column} of the value at pointer (or of the nearest ancestor that exists; {0, 0} if none). */
  public int[] value(String pointer) {
    int[] e = nearest(pointer);
    return e == null ? new int[] {0, 0} : new int[] {e[2], e[3]};
  }

  /**
   * {line, column} of the key of the member at pointer; the value's position for array elements and the root, and
   * the nearest ancestor's position for pointers that do not exist.
   */
  public int[] key(String pointer) {
    int[] e = nearest(pointer);
    if (e == null) {
      return new int[] {0, 0};
    }
    return e[0] > 0 ? new int[] {e[0], e[1]} : new int[] {e[2], e[3]};
  }

  private int[] nearest(String pointer) {
    String p = pointer;
    while (true) {
      int[] e = entries.get(p);
      if (e != null) {
        return e;
      }
      if (p.isEmpty()) {
        return null;
      }
      p = Pointers.parent(p);
    }
  }

  public int size() {
    return entries.size();
  }
}
