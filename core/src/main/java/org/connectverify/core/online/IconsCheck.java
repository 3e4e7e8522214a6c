package org.connectverify.core.online;

import java.util.List;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.http.ProbeResult;

/**
 * Every icon URL ({@code icon.url}, {@code icons.*.url}, {@code imagePlaceholder.url}) is served with a 2xx answer and
 * an {@code image/*} content type. The product's pages load icons straight from the browser, without a token, so a
 * 401 or 403 is as broken as a 404.
 */
public final class IconsCheck implements OnlineCheck {
  public static final Rule UNAVAILABLE =
      Rule.online(
          "online/icon-unavailable",
          Severity.WARNING,
          "An icon URL is not served (no 2xx answer); the product shows a broken image.");
  public static final Rule NOT_IMAGE =
      Rule.online(
          "online/icon-not-image",
          Severity.WARNING,
          "An icon URL answers with a content type that is not an image.");

  @Override
  public List<Rule> rules() {
    return List.of(UNAVAILABLE, NOT_IMAGE);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null) {
      return;
    }
    for (Target t : run.plan().targets(Target.Kind.ICON)) {
      if (run.quiet(t)) {
        continue;
      }
      ProbeResult r = run.result(t);
      if (!r.ok()) {
        ctx.report(
            UNAVAILABLE,
            ctx.at(t.pointer()),
            "icon " + Say.quote(t.declared()) + " is not served: " + Say.request(t) + " " + Say.outcome(r),
            "deploy the image at this path, publicly readable (the browser fetches it without a token)");
      } else if (r.contentType() == null || !r.contentType().startsWith("image/")) {
        ctx.report(
            NOT_IMAGE,
            ctx.at(t.pointer()),
            "icon "
                + Say.quote(t.declared())
                + " is served as "
                + (r.contentType() == null ? "no Content-Type" : r.contentType())
                + ", not an image/* type ("
                + Say.request(t)
                + (r.redirects().isEmpty() ? "" : ", redirected to " + r.finalUrl())
                + ")",
            "point the URL at the image itself and serve it with its image type (image/png, image/svg+xml, ...)");
      }
    }
  }
}
