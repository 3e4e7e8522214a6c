package org.connectverify.core.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rules whose findings are security problems, with a CVSS-like score (0.0 to 10.0) that GitHub code scanning reads
 * as {@code security-severity} to rank them (9.0 and above: critical, 7.0 to 8.9: high, 4.0 to 6.9: medium). One
 * explicit list, kept honest by a test against the catalogue; rules not listed are quality findings, not security ones.
 */
public final class SecurityRules {
  private static final Map<String, String> SCORES = new TreeMap<>();

  static {
    // The live app accepts requests it must refuse: anyone can act as a tenant.
    for (String id :
        new String[] {
          "probe/accepts-alg-none",
          "probe/accepts-expired-token",
          "probe/accepts-install-from-unknown-key",
          "probe/accepts-missing-token",
          "probe/accepts-unknown-issuer",
          "probe/accepts-unsigned-install",
          "probe/accepts-wrong-qsh",
          "probe/accepts-wrong-secret",
          "probe/token-accepted-after-uninstall",
          "probe/old-secret-still-accepted"
        }) {
      SCORES.put(id, "9.1");
    }
    // Authentication declared wrongly, secrets at risk, or traffic that can be read or changed on the way.
    for (String id :
        new String[] {
          "auth/context-qsh",
          "auth/installed-missing",
          "auth/scopes-without-auth",
          "auth/signed-install",
          "diff/breaking-signed-install-off",
          "probe/rotated-secret-not-stored",
          "probe/rotation-not-atomic",
          "online/certificate-expired",
          "online/certificate-self-signed",
          "online/certificate-untrusted",
          "online/certificate-wrong-host",
          "online/https-downgrade",
          "online/base-url-not-https",
          "base-url/https"
        }) {
      SCORES.put(id, "7.5");
    }
  }

  private SecurityRules() {}

  /** The score of a security rule, or null for a rule that is not about security. */
  public static String score(String ruleId) {
    return SCORES.get(ruleId);
  }

  /** Every listed rule id, sorted. */
  public static java.util.Set<String> ids() {
    return java.util.Collections.unmodifiableSet(SCORES.keySet());
  }
}
