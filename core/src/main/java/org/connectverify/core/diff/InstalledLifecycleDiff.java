package org.connectverify.core.diff;

import java.util.List;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * The {@code installed} lifecycle callback removed, or moved to another URL (both resolved against the new
 * baseUrl, so a baseUrl change alone is not reported twice).
 */
final class InstalledLifecycleDiff implements DiffCheck {
  public static final Rule BREAKING_INSTALLED_LIFECYCLE =
      Rule.of(
          "diff/breaking-installed-lifecycle",
          Severity.ERROR,
          "The installed lifecycle callback is removed or moved: the app stops getting (or must answer elsewhere)"
              + " the call that registers each site and its shared secret.");

  private static final String POINTER = "/lifecycle/installed";

  @Override
  public List<Rule> rules() {
    return List.of(BREAKING_INSTALLED_LIFECYCLE);
  }

  @Override
  public void check(DiffContext ctx) {
    if (ctx.connectRetired()) {
      return; // reported once by MigrationDiff
    }
    String before = JsonText.text(ctx.oldAt(POINTER));
    if (before == null || before.isBlank()) {
      return;
    }
    String after = JsonText.text(ctx.newAt(POINTER));
    String base = JsonText.text(ctx.newAt("/baseUrl"));
    if (after == null || after.isBlank()) {
      ctx.claimOld(POINTER);
      ctx.claimNew(POINTER);
      ctx.report(
          BREAKING_INSTALLED_LIFECYCLE,
          ctx.keyInOld(POINTER),
          "lifecycle.installed "
              + JsonText.quoteFull(before)
              + " is removed: the app is no longer told when a site installs or upgrades it, so it gets no shared"
              + " secret or tenant details for new installs",
          "keep lifecycle.installed pointing at a handler that answers 200 or 204");
      return;
    }
    if (route(resolve(base, before)).equals(route(resolve(base, after)))) {
      return; // the same route; a changed query (a build's version stamp, say) reaches the same handler
    }
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    ctx.report(
        BREAKING_INSTALLED_LIFECYCLE,
        ctx.inNew(POINTER),
        "lifecycle.installed moves from "
            + JsonText.quoteFull(before)
            + " to "
            + JsonText.quoteFull(after)
            + ": installs and upgrades fail unless the new URL answers 200 or 204 the moment the update rolls out",
        "keep the old path " + JsonText.quoteFull(before) + "; if the handler moves, serve it at both paths");
  }

  /** The URL without its query and fragment. */
  private static String route(String url) {
    int q = url.indexOf('?');
    int h = url.indexOf('#');
    int cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
    return cut < 0 ? url : url.substring(0, cut);
  }

  /** An absolute URL as it is; a relative one appended to the baseUrl. */
  private static String resolve(String baseUrl, String url) {
    String u = url.trim();
    if (u.startsWith("http://") || u.startsWith("https://") || baseUrl == null) {
      return u;
    }
    String b = baseUrl.trim();
    b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    return b + (u.startsWith("/") ? u : "/" + u);
  }
}
