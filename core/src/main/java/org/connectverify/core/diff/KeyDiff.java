package org.connectverify.core.diff;

import java.util.List;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** A changed app {@code key} makes the update a different app: existing installs never receive it. */
final class KeyDiff implements DiffCheck {
  public static final Rule BREAKING_KEY =
      Rule.of(
          "diff/breaking-key",
          Severity.ERROR,
          "The app key changes: to the Marketplace and every site this is a different app, so existing installs"
              + " never get the update.");

  private static final String POINTER = "/key";

  @Override
  public List<Rule> rules() {
    return List.of(BREAKING_KEY);
  }

  @Override
  public void check(DiffContext ctx) {
    String before = ctx.older().key();
    String after = ctx.newer().key();
    if (before == null || before.equals(after)) {
      return;
    }
    Position at = after == null ? ctx.keyInOld(POINTER) : ctx.inNew(POINTER);
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    ctx.report(
        BREAKING_KEY,
        at,
        "app key changes from "
            + JsonText.quoteFull(before)
            + (after == null ? " to nothing" : " to " + JsonText.quoteFull(after))
            + ": this is a different app; existing installs are not updated, and customers would have to install it"
            + " anew and lose the data stored under the old key",
        "keep the key " + JsonText.quoteFull(before) + "; a new key belongs to a new Marketplace listing");
  }
}
