package org.connectverify.core;

/**
 * A place in a file: display path (relative, {@code /} separators), 1-based line and column (0 when unknown) and the
 * JSON pointer (RFC 6901) of the value there, empty for the root.
 */
public record Position(String file, int line, int column, String pointer) {

  public Position {
    file = file == null ? "" : file;
    pointer = pointer == null ? "" : pointer;
  }

  /** A position in a file with no line information (e.g. a file that cannot be read). */
  public static Position ofFile(String file) {
    return new Position(file, 0, 0, "");
  }

  /** {@code file:line:col}, or {@code file} when the line is unknown. */
  public String describe() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
