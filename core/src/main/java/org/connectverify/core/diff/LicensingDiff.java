package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * {@code enableLicensing} switching between free and paid (absent counts as false) needs every customer's admin to
 * approve the update.
 */
final class LicensingDiff implements DiffCheck {
  public static final Rule NEEDS_APPROVAL_LICENSING =
      Rule.of(
          "diff/needs-approval-licensing",
          Severity.WARNING,
          "The update switches enableLicensing (free to paid, or back): each customer's admin must approve it, and"
              + " until then the customer keeps the old version.");

  public static final Rule BREAKING_LICENSING_DROPPED =
      Rule.of(
          "diff/breaking-licensing-dropped",
          Severity.ERROR,
          "A paid app's licensing or editions setting disappears from the new version: it ships unlicensed (or"
              + " without editions), so paying customers' licences stop being enforced.");

  private static final String POINTER = "/enableLicensing";
  private static final String EDITIONS = "/editionsEnabled";

  @Override
  public List<Rule> rules() {
    return List.of(NEEDS_APPROVAL_LICENSING, BREAKING_LICENSING_DROPPED);
  }

  @Override
  public void check(DiffContext ctx) {
    boolean before = JsonText.isTrue(ctx.oldAt(POINTER));
    boolean after = JsonText.isTrue(ctx.newAt(POINTER));
    boolean manifest = ctx.newer().origin().isManifest();
    if (JsonText.isTrue(ctx.oldAt(EDITIONS)) && !JsonText.isTrue(ctx.newAt(EDITIONS))) {
      ctx.claimOld(EDITIONS);
      ctx.claimNew(EDITIONS);
      ctx.report(
          BREAKING_LICENSING_DROPPED,
          ctx.newAt(EDITIONS).isMissingNode() ? ctx.keyInOld(EDITIONS) : ctx.inNew(EDITIONS),
          (manifest ? "app.licensing.editionsEnabled" : "editionsEnabled")
              + " is no longer true: customers on a paid edition lose what their edition unlocks",
          manifest ? "keep app.licensing.editionsEnabled: true" : "keep editionsEnabled: true");
    }
    if (before && ctx.newAt(POINTER).isMissingNode()) {
      ctx.claimOld(POINTER);
      ctx.claimNew(POINTER);
      ctx.report(
          BREAKING_LICENSING_DROPPED,
          ctx.keyInOld(POINTER),
          manifest
              ? "the paid app's manifest has no app.licensing.enabled: the Forge version ships unlicensed, so every"
                  + " site can use it without a licence and licence checks in the app see none"
              : "enableLicensing: true is dropped: the app ships unlicensed, so licence checks see none",
          manifest
              ? "set app.licensing.enabled: true in the manifest (a paid Connect app must keep it on Forge)"
              : "keep enableLicensing: true; to make the app free on purpose, set it to false");
      return;
    }
    if (before == after) {
      return;
    }
    JsonNode now = ctx.newAt(POINTER);
    Position at = now.isMissingNode() ? ctx.keyInOld(POINTER) : ctx.inNew(POINTER);
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    if (after) {
      ctx.report(
          NEEDS_APPROVAL_LICENSING,
          at,
          "enableLicensing turns on (free to paid): each customer's admin must approve the update, and until then"
              + " the customer keeps the old, free version",
          "announce the switch to paid ahead of the release; ship feature changes in separate updates so they are"
              + " not held back by the approval");
    } else {
      ctx.report(
          NEEDS_APPROVAL_LICENSING,
          at,
          "enableLicensing turns off (paid to free): each customer's admin must approve the update, and until then"
              + " the customer keeps the old, paid version",
          "ship the switch to free on its own and tell customers' admins to approve it");
    }
  }
}
