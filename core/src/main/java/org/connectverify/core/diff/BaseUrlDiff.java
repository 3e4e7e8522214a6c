package org.connectverify.core.diff;

import java.util.List;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** A changed {@code baseUrl} cannot reach existing installs: they keep calling the old one. */
final class BaseUrlDiff implements DiffCheck {
  public static final Rule BREAKING_BASE_URL =
      Rule.of(
          "diff/breaking-base-url",
          Severity.ERROR,
          "The baseUrl changes: existing installs keep calling the old one until they are reinstalled.");

  private static final String POINTER = "/baseUrl";

  @Override
  public List<Rule> rules() {
    return List.of(BREAKING_BASE_URL);
  }

  @Override
  public void check(DiffContext ctx) {
    if (ctx.connectRetired()) {
      return; // reported once by MigrationDiff
    }
    String before = JsonText.text(ctx.oldAt(POINTER));
    String after = JsonText.text(ctx.newAt(POINTER));
    if (before == null || before.isBlank() || (after != null && trim(before).equals(trim(after)))) {
      return;
    }
    Position at = ctx.newAt(POINTER).isMissingNode() ? ctx.keyInOld(POINTER) : ctx.inNew(POINTER);
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    ctx.report(
        BREAKING_BASE_URL,
        at,
        "baseUrl changes from "
            + JsonText.quoteFull(before)
            + (after == null ? " to nothing" : " to " + JsonText.quoteFull(after))
            + ": existing installs keep calling "
            + JsonText.quoteFull(before)
            + " until they are reinstalled",
        "keep the baseUrl and move what serves it behind the same address; if you must move, keep the old address"
            + " answering for existing installs");
  }

  /** Ignores one trailing slash and surrounding blanks, which change nothing for the host. */
  private static String trim(String url) {
    String t = url.trim();
    return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
  }
}
