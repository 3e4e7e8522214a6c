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

  private static final String POINTER = "/enableLicensing";

  @Override
  public List<Rule> rules() {
    return List.of(NEEDS_APPROVAL_LICENSING);
  }

  @Override
  public void check(DiffContext ctx) {
    boolean before = JsonText.isTrue(ctx.oldAt(POINTER));
    boolean after = JsonText.isTrue(ctx.newAt(POINTER));
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
