package org.connectverify.core.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.connectverify.core.Finding;

/**
 * A finding's identity across edits: its rule, file, JSON pointer and message, with everything that moves when lines
 * shift or array elements are reordered taken out: line and column are not part of it, array indexes in the pointer
 * become {@code *}, and every run of digits in the message (line numbers, columns, indexes, counts) becomes {@code #}.
 * Two findings that differ only in those count as the same, and a baseline keeps how many of them it knew.
 */
public final class Fingerprint {
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Fingerprint() {}

  /** The fingerprint: 32 hex digits of a SHA-256 over the normalised parts. */
  public static String of(Finding f) {
    return of(f.ruleId(), f.file(), f.pointer(), f.message());
  }

  public static String of(String rule, String file, String pointer, String message) {
    String key = rule + '\u0000' + file + '\u0000' + pointer(pointer) + '\u0000' + message(message);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The pointer with array indexes (all-digit tokens) replaced by {@code *}. */
  public static String pointer(String pointer) {
    if (pointer.isEmpty()) {
      return pointer;
    }
    String[] tokens = pointer.substring(1).split("/", -1);
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append('/').append(!t.isEmpty() && DIGITS.matcher(t).matches() ? "*" : t);
    }
    return sb.toString();
  }

  /** The message with digit runs replaced by {@code #} and white space collapsed. */
  public static String message(String message) {
    return SPACES.matcher(DIGITS.matcher(message).replaceAll("#")).replaceAll(" ").strip();
  }
}
