package org.connectverify.core.online;

import java.util.List;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.http.ProbeResult;

/**
 * The baseUrl answers at all. Any HTTP status counts (many apps serve nothing at their root); a timeout, refused or
 * reset connection, or unknown host does not. Certificate problems and whole-deployment outages have their own rules.
 */
public final class BaseUrlCheck implements OnlineCheck {
  public static final Rule UNREACHABLE =
      Rule.online(
          "online/base-url-unreachable",
          Severity.ERROR,
          "The baseUrl gives no HTTP answer at all (timeout, connection refused or reset, unknown host).");

  @Override
  public List<Rule> rules() {
    return List.of(UNREACHABLE);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null) {
      return;
    }
    Target base = run.plan().targets(Target.Kind.BASE).get(0);
    ProbeResult r = run.result(base);
    if (r.failure() == null || run.quiet(base)) {
      return;
    }
    ctx.report(
        UNREACHABLE,
        ctx.at("/baseUrl"),
        "baseUrl " + run.plan().base() + " does not answer: " + Say.request(base) + " " + Say.outcome(r),
        "check that the app is running and reachable from the internet at this address");
  }
}
