package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
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

  public static final Rule BREAKING_CONNECT_REMOVED =
      Rule.of(
          "diff/breaking-connect-removed",
          Severity.ERROR,
          "The new Forge manifest has no app.connect: it is not the Connect app's next version, so every customer must"
              + " uninstall the app and install the Forge one.");

  private static final String POINTER = "/key";

  @Override
  public List<Rule> rules() {
    return List.of(BREAKING_KEY, BREAKING_CONNECT_REMOVED);
  }

  @Override
  public void check(DiffContext ctx) {
    String before = ctx.older().key();
    String after = ctx.newer().key();
    if (before == null || before.equals(after)) {
      return;
    }
    if (after != null && ctx.newer().origin().isManifest() && after.contains("${")) {
      ctx.claimOld(POINTER);
      ctx.claimNew(POINTER);
      return; // an unfilled ${VAR}: the run's notes say so and how to pass the production value
    }
    if (ctx.newer().origin().isManifest() && !ctx.newer().origin().document().path("app").path("connect").isObject()) {
      ctx.claimOld(POINTER);
      ctx.claimNew(POINTER);
      ctx.differentApp();
      JsonNode app = ctx.newer().origin().document().path("app");
      Position at = app.isObject() ? ctx.newer().sourceKeyPosition("/app") : ctx.newer().sourcePosition("");
      ctx.report(
          BREAKING_CONNECT_REMOVED,
          at,
          "app.connect is missing, so this Forge app does not continue the Connect app "
              + JsonText.quoteFull(before)
              + ": existing installs get no update, and customers must uninstall and install anew, losing the data"
              + " stored under the Connect key",
          "declare app.connect.key: "
              + before
              + " in the manifest before its first production deploy (a key can never be added to a deployed app)");
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
        ctx.newer().origin().isManifest()
            ? "set app.connect.key to " + JsonText.quoteFull(before) + " for production (with key: ${CONNECT_KEY},"
                + " deploy production with CONNECT_KEY=" + before + "); a deployed key can never change"
            : "keep the key " + JsonText.quoteFull(before) + "; a new key belongs to a new Marketplace listing");
  }
}
