package org.connectverify.core.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.connectverify.core.Finding;
import org.connectverify.core.baseline.Fingerprint;

/**
 * Identity of a finding for CI systems that track issues across runs (SARIF partial fingerprints, GitLab Code Quality
 * fingerprints): rule, repository-relative file and JSON pointer (array indexes as {@code *}), never the message, so
 * rewording a message or moving lines does not turn an old issue into a new one. Findings that share all three in one
 * report are numbered in report order, so every fingerprint of a report is unique. One instance per report.
 */
final class LocationFingerprint {
  private final Map<String, Integer> seen = new HashMap<>();

  /** The next fingerprint (32 hex digits) for {@code f} at repository path {@code path}. */
  String next(Finding f, String path) {
    String key = f.ruleId() + '\u0000' + path + '\u0000' + Fingerprint.pointer(f.pointer());
    int n = seen.merge(key, 1, Integer::sum);
    if (n > 1) {
      key += '\u0000' + Integer.toString(n);
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
