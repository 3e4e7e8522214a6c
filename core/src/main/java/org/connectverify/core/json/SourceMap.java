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

  /** A builder for readers of other formats (YAML) that record the same positions as {@link JsonReader}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects positions pointer by pointer; the last entry for a pointer wins (as the last duplicate key does). */
  public static final class Builder {
    private final Map<String, int[]> entries = new HashMap<>();

    private Builder() {}

    /**
     * Records where the value at {@code pointer} stands, and its key ({@code keyLine} 0 for array elements and the
     * root).
     */
    public Builder put(String pointer, int keyLine, int keyColumn, int line, int column) {
      entries.put(pointer, new int[] {keyLine, keyColumn, line, column});
      return this;
    }

    /** {keyLine, keyColumn, line, column} recorded for pointer, or null. */
    public int[] get(String pointer) {
      return entries.get(pointer);
    }

    public SourceMap build() {
      return new SourceMap(entries);
    }
  }
}
