package org.connectverify.core.online;

import java.util.List;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * Every URL of the deployment failed the same way (a gateway answering 5xx for everything, a host that refuses
 * connections, a wrong {@code --base-url} answering 404): one finding instead of one per URL, which the other online
 * checks then leave alone. Certificate failures of the whole host are reported by {@link CertificateCheck} instead.
 */
public final class DeploymentDownCheck implements OnlineCheck {
  public static final Rule DOWN =
      Rule.online(
          "online/deployment-down",
          Severity.ERROR,
          "Every URL of the deployment failed the same way: the deployment (or its gateway) is down.");

  @Override
  public List<Rule> rules() {
    return List.of(DOWN);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null || run.outage() == null || run.outage().certificate()) {
      return;
    }
    OnlineRun.Outage o = run.outage();
    String example = o.example().request().verb() + " " + o.example().request().url();
    String what;
    if (o.signature().equals("HTTP 5xx")) {
      what = "answered with server errors (e.g. " + o.example().describe() + " for " + example + ")";
    } else if (o.example().answered()) {
      what = "answered " + o.signature() + " (e.g. " + example + ")";
    } else {
      String detail = o.example().detail();
      what = "failed with " + o.example().failure().label() + " (e.g. " + example + (detail == null ? "" : ": " + detail) + ")";
    }
    ctx.report(
        DOWN,
        ctx.at("/baseUrl"),
        "deployment at " + run.plan().base() + " is down: all " + o.urls() + " URLs " + what
            + "; per-URL online findings are not reported",
        hint(o, ctx.options().optionNames().of("base-url", null)));
  }

  private static String hint(OnlineRun.Outage o, String baseUrlOption) {
    if (o.signature().equals("HTTP 404")) {
      return "nothing is deployed at this address: check " + baseUrlOption + " (or baseUrl) and the app's context path";
    }
    if (o.signature().equals("UNKNOWN_HOST")) {
      return "the host name does not resolve: check baseUrl (or " + baseUrlOption + ") and DNS";
    }
    if (o.signature().equals("HTTP 407")) {
      return "the proxy wants credentials; connect-verify never sends any: use a proxy that does not need them";
    }
    return "bring the deployment (and any gateway or load balancer in front of it) back, then run again";
  }
}
