package org.connectverify.core.diff;

import java.util.Objects;

/**
 * One side of a comparison, already read: the name shown in findings (a relative path, a URL, or
 * {@code path@REV} for a git revision) and the descriptor's bytes.
 */
public record DiffSide(String display, byte[] bytes) {
  public DiffSide {
    Objects.requireNonNull(display);
    Objects.requireNonNull(bytes);
  }
}
