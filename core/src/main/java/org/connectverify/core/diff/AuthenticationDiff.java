package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * A changed {@code authentication.type} (absent counts as jwt, case does not matter) breaks existing installs: they
 * were set up with or without a shared secret and keep it.
 */
final class AuthenticationDiff implements DiffCheck {
  public static final Rule BREAKING_AUTHENTICATION =
      Rule.of(
          "diff/breaking-authentication",
          Severity.ERROR,
          "The authentication type changes: existing installs keep the credentials (or lack of them) they were"
              + " installed with.");

  private static final String POINTER = "/authentication/type";

  @Override
  public List<Rule> rules() {
    return List.of(BREAKING_AUTHENTICATION);
  }

  @Override
  public void check(DiffContext ctx) {
    String before = type(ctx.oldAt(POINTER));
    String after = type(ctx.newAt(POINTER));
    if (before.equals(after) || inferred(ctx.older()) || inferred(ctx.newer())) {
      return;
    }
    Position at;
    if (!ctx.newAt(POINTER).isMissingNode()) {
      at = ctx.inNew(POINTER);
    } else if (!ctx.newAt("/authentication").isMissingNode()) {
      at = ctx.keyInNew("/authentication");
    } else {
      at = ctx.keyInOld(POINTER);
    }
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    String impact =
        after.equals("none")
            ? "requests from existing installs stop being signed, so the app can no longer tell them from forgeries"
            : before.equals("none")
                ? "existing installs have no shared secret, so they cannot sign the requests the app will now check"
                : "existing installs keep the credentials they were installed with";
    ctx.report(
        BREAKING_AUTHENTICATION,
        at,
        "authentication type changes from " + before + " to " + after + ": " + impact,
        "keep the authentication type; if it must change, release the change as a new app version that customers"
            + " reinstall");
  }

  /**
   * True for a manifest that does not declare app.connect.authentication: its type is inferred from whether an
   * installed callback exists, so a change there is the installed callback's change, which the lifecycle diff reports
   * (one change, one finding).
   */
  private static boolean inferred(org.connectverify.core.Descriptor d) {
    return d.origin().isManifest() && !d.origin().document().path("app").path("connect").has("authentication");
  }

  private static String type(JsonNode v) {
    return v.isTextual() && !v.asText().isBlank() ? v.asText().trim().toLowerCase(Locale.ROOT) : "jwt";
  }
}
