package org.connectverify.core.diff;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One side of a comparison, already read: the name shown in findings (a relative path, a URL, or
 * {@code path@REV} for a git revision), the descriptor's bytes, and the file it was read from.
 *
 * @param file the file on disk, or null for a URL, a git revision or an artifact (Spring Boot properties for
 *     {@code ${...}} placeholders are looked up next to it, as in verify)
 */
public record DiffSide(String display, byte[] bytes, Path file) {
  public DiffSide {
    Objects.requireNonNull(display);
    Objects.requireNonNull(bytes);
  }

  /** A side that is not a file on disk. */
  public DiffSide(String display, byte[] bytes) {
    this(display, bytes, null);
  }
}
