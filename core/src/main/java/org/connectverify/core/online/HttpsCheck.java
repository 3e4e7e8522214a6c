package org.connectverify.core.online;

import java.util.List;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.http.ProbeResult;

/**
 * The deployment is served over https and stays there: a probed baseUrl on plain http (other than loopback, which
 * is for local tests) and any redirect from https to http on the way to a promised URL are findings.
 */
public final class HttpsCheck implements OnlineCheck {
  public static final Rule NOT_HTTPS =
      Rule.online(
          "online/base-url-not-https",
          Severity.WARNING,
          "The probed deployment is served over plain http; the product installs apps only from https.");
  public static final Rule DOWNGRADE =
      Rule.online(
          "online/https-downgrade",
          Severity.ERROR,
          "A URL of the app redirects from https to plain http; the product will not follow it.");

  @Override
  public List<Rule> rules() {
    return List.of(NOT_HTTPS, DOWNGRADE);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null) {
      return;
    }
    String base = run.plan().base();
    if (base.regionMatches(true, 0, "http:", 0, 5) && !Plan.isLoopback(base)) {
      ctx.report(
          NOT_HTTPS,
          ctx.at("/baseUrl"),
          "the deployment probed, " + base + ", is plain http; the product installs and calls apps only over https",
          "serve the app over https with a certificate from a public CA");
    }
    for (Target t : run.plan().targets()) {
      ProbeResult r = run.result(t);
      if (r.downgrade() == null) {
        continue;
      }
      ctx.report(
          DOWNGRADE,
          ctx.at(t.pointer()),
          Say.request(t) + " redirects from https to plain http (" + r.downgrade() + ")",
          "fix the redirect (often a proxy that does not forward X-Forwarded-Proto) so it stays on https");
    }
  }
}
