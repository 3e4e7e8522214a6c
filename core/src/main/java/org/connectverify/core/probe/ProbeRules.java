package org.connectverify.core.probe;

import java.util.List;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** The rules of {@code connect-verify probe}: what a running app must do when the product (or an attacker) calls it. */
public final class ProbeRules {
  private ProbeRules() {}

  public static final Rule INSTALL_FAILED =
      Rule.online(
          "probe/install-failed",
          Severity.ERROR,
          "The signed installed callback was not answered 200 or 204 within the install timeout, so the product"
              + " cannot install the app.");

  public static final Rule SIGNED_REQUEST_REJECTED =
      Rule.online(
          "probe/signed-request-rejected",
          Severity.ERROR,
          "A request signed exactly as the product signs it was refused with 401/403: every user of the app would"
              + " get an error.");

  public static final Rule SIGNED_REQUEST_FAILED =
      Rule.online(
          "probe/signed-request-failed",
          Severity.WARNING,
          "A correctly signed request was not refused as unauthorised but did not succeed either (404, 5xx or no"
              + " answer).");

  public static final Rule ACCEPTS_MISSING_TOKEN =
      Rule.online(
          "probe/accepts-missing-token",
          Severity.ERROR,
          "An endpoint the product calls with a JWT answered a request without any token.");

  public static final Rule ACCEPTS_WRONG_SECRET =
      Rule.online(
          "probe/accepts-wrong-secret",
          Severity.ERROR,
          "An endpoint accepted a token signed with a secret that is not the tenant's shared secret.");

  public static final Rule ACCEPTS_ALG_NONE =
      Rule.online(
          "probe/accepts-alg-none",
          Severity.ERROR,
          "An endpoint accepted an unsigned token (alg: none), so anyone can act as any tenant and user.");

  public static final Rule ACCEPTS_EXPIRED_TOKEN =
      Rule.online(
          "probe/accepts-expired-token",
          Severity.ERROR,
          "An endpoint accepted a token whose exp lies ten minutes in the past, so captured tokens can be replayed.");

  public static final Rule ACCEPTS_WRONG_QSH =
      Rule.online(
          "probe/accepts-wrong-qsh",
          Severity.ERROR,
          "An endpoint accepted a token whose qsh claim hashes a different request, so a token for one URL opens"
              + " every URL.");

  public static final Rule ACCEPTS_UNKNOWN_ISSUER =
      Rule.online(
          "probe/accepts-unknown-issuer",
          Severity.ERROR,
          "An endpoint accepted a token whose iss is a clientKey that was never installed.");

  public static final Rule ACCEPTS_UNSIGNED_INSTALL =
      Rule.online(
          "probe/accepts-unsigned-install",
          Severity.ERROR,
          "The installed callback accepted an unsigned install for an existing tenant: anyone can overwrite that"
              + " tenant's shared secret.");

  public static final Rule ACCEPTS_INSTALL_FROM_UNKNOWN_KEY =
      Rule.online(
          "probe/accepts-install-from-unknown-key",
          Severity.ERROR,
          "The installed callback accepted an install signed by a key the product never published.");

  public static final Rule ROTATED_SECRET_NOT_STORED =
      Rule.online(
          "probe/rotated-secret-not-stored",
          Severity.ERROR,
          "After a reinstall with a new shared secret, requests signed with the new secret are refused: the app kept"
              + " the old one.");

  public static final Rule OLD_SECRET_STILL_ACCEPTED =
      Rule.online(
          "probe/old-secret-still-accepted",
          Severity.ERROR,
          "After a reinstall with a new shared secret, requests signed with the replaced secret are still accepted.");

  public static final Rule ROTATION_NOT_ATOMIC =
      Rule.online(
          "probe/rotation-not-atomic",
          Severity.ERROR,
          "Under concurrent load, requests signed with the new shared secret failed after the reinstall had"
              + " returned: the secret is not replaced atomically.");

  public static final Rule UNINSTALL_FAILED =
      Rule.online(
          "probe/uninstall-failed",
          Severity.WARNING,
          "The signed uninstalled callback was not answered with 2xx.");

  public static final Rule TOKEN_ACCEPTED_AFTER_UNINSTALL =
      Rule.online(
          "probe/token-accepted-after-uninstall",
          Severity.WARNING,
          "After the tenant was uninstalled, a request signed with its shared secret was still accepted.");

  public static final Rule REQUEST_UNANSWERED =
      Rule.online(
          "probe/request-unanswered",
          Severity.ERROR,
          "A probe request whose answer decides a security verdict got no HTTP answer, so the probe cannot tell"
              + " whether the app refuses or accepts it; the verdict is unknown, never counted as passed.");

  public static final Rule URL_NOT_PROBED =
      Rule.online(
          "probe/url-not-probed",
          Severity.ERROR,
          "A lifecycle or module URL cannot be requested on the deployment under test (it is not a valid URL, or it"
              + " resolves to another scheme, host or port), so nothing was sent to it and its checks did not run.");

  /** Every probe rule, in the order the probe runs its steps. */
  public static List<Rule> all() {
    return List.of(
        INSTALL_FAILED,
        SIGNED_REQUEST_REJECTED,
        SIGNED_REQUEST_FAILED,
        ACCEPTS_MISSING_TOKEN,
        ACCEPTS_WRONG_SECRET,
        ACCEPTS_ALG_NONE,
        ACCEPTS_EXPIRED_TOKEN,
        ACCEPTS_WRONG_QSH,
        ACCEPTS_UNKNOWN_ISSUER,
        ACCEPTS_UNSIGNED_INSTALL,
        ACCEPTS_INSTALL_FROM_UNKNOWN_KEY,
        ROTATED_SECRET_NOT_STORED,
        OLD_SECRET_STILL_ACCEPTED,
        ROTATION_NOT_ATOMIC,
        UNINSTALL_FAILED,
        TOKEN_ACCEPTED_AFTER_UNINSTALL,
        REQUEST_UNANSWERED,
        URL_NOT_PROBED);
  }
}
