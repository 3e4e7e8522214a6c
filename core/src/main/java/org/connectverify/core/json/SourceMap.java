package org.connectverify.core.json;

import java.util.HashMap;
import java.util.Map;

/**
 * Where every value of a parsed document stands: the line and column of its key (for object members) and of its value,
 * looked up by JSON pointer. Lines and columns are 1-based. Lookups of pointers that do not exist fall back to the
 * nearest existing ancestor, so a finding always has a position.
 *
 * <p>The positions form a tree shaped like the document, so reading a document builds no pointer strings: a pointer is
 * only taken apart when a finding asks where it stands, far more rarely than a document has values.
 */
public final class SourceMap {
  private static final SourceMap EMPTY = new SourceMap(null);

  private final Entry root;

  private SourceMap(Entry root) {
    this.root = root;
  }

  /** An empty map, for documents that could not be parsed. */
  public static SourceMap empty() {
    return EMPTY;
  }

  public boolean contains(String pointer) {
    return walk(pointer, false) != null;
  }

  /** {line, column} of the value at pointer (or of the nearest ancestor that exists; {0, 0} if none). */
  public int[] value(String pointer) {
    Entry e = nearest(pointer);
    return e == null ? new int[] {0, 0} : new int[] {e.line, e.column};
  }

  /**
   * {line, column} of the key of the member at pointer; the value's position for array elements and the root, and
   * the nearest ancestor's position for pointers that do not exist.
   */
  public int[] key(String pointer) {
    Entry e = nearest(pointer);
    if (e == null) {
      return new int[] {0, 0};
    }
    return e.keyLine > 0 ? new int[] {e.keyLine, e.keyColumn} : new int[] {e.line, e.column};
  }

  /** The entry at pointer, or the deepest one on its way there. */
  private Entry nearest(String pointer) {
    return walk(pointer, true);
  }

  /** The entry at pointer; when there is none, the deepest one on the way there ({@code nearest}) or null. */
  private Entry walk(String pointer, boolean nearest) {
    Entry e = root;
    if (e == null || pointer.isEmpty()) {
      return e;
    }
    if (pointer.charAt(0) != '/') {
      return nearest ? e : null;
    }
    int start = 1;
    while (true) {
      int end = pointer.indexOf('/', start);
      Entry next = e.child(Pointers.unescape(pointer.substring(start, end < 0 ? pointer.length() : end)));
      if (next == null) {
        return nearest ? e : null;
      }
      e = next;
      if (end < 0) {
        return e;
      }
      start = end + 1;
    }
  }

  /** How many values have a position. */
  public int size() {
    return root == null ? 0 : root.count();
  }

  /** A builder for the readers, which record positions as they stream a document (JSON or YAML). */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects positions value by value, from the root down. */
  public static final class Builder {
    private Entry root;

    private Builder() {}

    /** Records where the root value stands. */
    public Entry root(int line, int column) {
      root = new Entry(null, null, -1, 0, 0, line, column);
      return root;
    }

    public SourceMap build() {
      return new SourceMap(root);
    }
  }

  /**
   * Where one value stands, and where its members (an object) or elements (an array) stand. A reader adds the children
   * in document order; a member added again under the same name (a duplicate key) replaces the earlier one, as the
   * parsed tree keeps the last value.
   */
  public static final class Entry {
    /** Objects with more members than this also get a name index: lookups stay cheap on large objects. */
    private static final int SCAN = 8;

    private final Entry parent;
    private final String name; // null for array elements and the root
    private final int index; // the element's index in an array; -1 otherwise
    final int keyLine;
    final int keyColumn;
    final int line;
    final int column;
    private Entry[] children;
    private int size;
    private Map<String, Entry> byName;

    private Entry(Entry parent, String name, int index, int keyLine, int keyColumn, int line, int column) {
      this.parent = parent;
      this.name = name;
      this.index = index;
      this.keyLine = keyLine;
      this.keyColumn = keyColumn;
      this.line = line;
      this.column = column;
    }

    /** Records a member of this object: its key at keyLine:keyColumn, its value at line:column. */
    public Entry member(String name, int keyLine, int keyColumn, int line, int column) {
      return member(name, member(name), keyLine, keyColumn, line, column);
    }

    /**
     * {@link #member(String, int, int, int, int)} for a reader that has just looked up {@code earlier}, the member
     * recorded under name so far ({@link #member(String)}), to tell a duplicate key: not looked up twice.
     */
    public Entry member(String name, Entry earlier, int keyLine, int keyColumn, int line, int column) {
      Entry e = new Entry(this, name, -1, keyLine, keyColumn, line, column);
      if (earlier != null) { // a duplicate key: rare, so a scan for its place
        for (int i = 0; i < size; i++) {
          if (children[i] == earlier) {
            children[i] = e;
          }
        }
      } else {
        add(e);
      }
      if (byName != null) {
        byName.put(name, e);
      } else if (size > SCAN) {
        byName = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
          byName.put(children[i].name, children[i]);
        }
      }
      return e;
    }

    /** Records the next element of this array, at line:column. */
    public Entry element(int line, int column) {
      Entry e = new Entry(this, null, size, 0, 0, line, column);
      add(e);
      return e;
    }

    /** The member recorded under name so far, or null. */
    public Entry member(String name) {
      if (!isObject()) {
        return null;
      }
      if (byName != null) {
        return byName.get(name);
      }
      for (int i = 0; i < size; i++) {
        if (children[i].name.equals(name)) {
          return children[i];
        }
      }
      return null;
    }

    /** The JSON pointer of this value, built on demand (for a finding). */
    public String pointer() {
      if (parent == null) {
        return "";
      }
      return parent.pointer() + "/" + (name != null ? Pointers.escape(name) : Integer.toString(index));
    }

    /** True once a member is recorded: an array's elements have no name (an empty container answers nothing). */
    private boolean isObject() {
      return size > 0 && children[0].name != null;
    }

    private void add(Entry e) {
      if (children == null) {
        children = new Entry[4];
      } else if (size == children.length) {
        children = java.util.Arrays.copyOf(children, size * 2);
      }
      children[size++] = e;
    }

    /** The child for one unescaped pointer token, or null. */
    private Entry child(String token) {
      if (isObject()) {
        return member(token);
      }
      int i = arrayIndex(token);
      return i >= 0 && i < size ? children[i] : null;
    }

    private int count() {
      int n = 1;
      for (int i = 0; i < size; i++) {
        n += children[i].count();
      }
      return n;
    }

    /** A token as an array index, as RFC 6901 writes one (no sign, no leading zero); -1 when it is none. */
    private static int arrayIndex(String token) {
      int n = token.length();
      if (n == 0 || n > 9 || (n > 1 && token.charAt(0) == '0')) {
        return -1;
      }
      int v = 0;
      for (int i = 0; i < n; i++) {
        char c = token.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        v = v * 10 + (c - '0');
      }
      return v;
    }
  }
}
