package org.connectverify.core.diff;

import java.util.List;
import java.util.Locale;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** {@code apiMigrations.signed-install} turned off (false or removed) while the app still uses JWT. */
final class SignedInstallDiff implements DiffCheck {
  public static final Rule BREAKING_SIGNED_INSTALL_OFF =
      Rule.of(
          "diff/breaking-signed-install-off",
          Severity.ERROR,
          "apiMigrations.signed-install is turned off: install callbacks go back to shared-secret JWTs, which the"
              + " app's asymmetric verification rejects.");

  private static final String POINTER = "/apiMigrations/signed-install";

  @Override
  public List<Rule> rules() {
    return List.of(BREAKING_SIGNED_INSTALL_OFF);
  }

  @Override
  public void check(DiffContext ctx) {
    if (!JsonText.isTrue(ctx.oldAt(POINTER)) || JsonText.isTrue(ctx.newAt(POINTER))) {
      return;
    }
    String auth = JsonText.text(ctx.newAt("/authentication/type"));
    if (auth != null && auth.trim().toLowerCase(Locale.ROOT).equals("none")) {
      return;
    }
    boolean removed = ctx.newAt(POINTER).isMissingNode();
    Position at = removed ? ctx.keyInOld(POINTER) : ctx.inNew(POINTER);
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    ctx.report(
        BREAKING_SIGNED_INSTALL_OFF,
        at,
        "apiMigrations.signed-install is "
            + (removed ? "removed" : "turned off")
            + ": install and uninstall callbacks stop being signed with Atlassian's RS256 keys, so an app that"
            + " verifies them asymmetrically rejects every install and upgrade",
        "keep \"signed-install\": true; verify install callbacks with the public key named by the JWT's kid");
  }
}
