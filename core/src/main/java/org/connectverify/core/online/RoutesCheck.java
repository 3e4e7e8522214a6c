package org.connectverify.core.online;

import java.util.List;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.http.ProbeRequest;
import org.connectverify.core.http.ProbeResult;

/**
 * Lifecycle and webhook routes exist for POST. Each is sent {@code {}} as JSON without any credentials, which a
 * correct app rejects before doing anything (401 is the expected answer, so this has no side effects on a correct
 * app); 404, 405 and 410 mean the route is not mounted. When the {@code installed} route is missing but the app
 * answers at {@code /installed}, the finding says so: atlassian-connect-express always mounts {@code /installed},
 * whatever the descriptor says.
 */
public final class RoutesCheck implements OnlineCheck {
  public static final Rule MISSING =
      Rule.online(
          "online/route-missing",
          Severity.ERROR,
          "A lifecycle or webhook URL is not mounted for POST (404, 405 or 410); the product's calls are lost.");
  public static final Rule ERROR =
      Rule.online(
          "online/route-error",
          Severity.WARNING,
          "A lifecycle or webhook URL fails on an unsigned POST (server error or no answer) instead of refusing it.");

  @Override
  public List<Rule> rules() {
    return List.of(MISSING, ERROR);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null) {
      return;
    }
    for (Target t : run.plan().targets()) {
      if ((t.kind() != Target.Kind.LIFECYCLE && t.kind() != Target.Kind.WEBHOOK) || run.quiet(t)) {
        continue;
      }
      ProbeResult r = run.result(t);
      String what =
          t.kind() == Target.Kind.LIFECYCLE
              ? "lifecycle " + Say.quote(t.label()) + " route " + Say.quote(t.declared())
              : "webhook " + (t.label() == null ? "" : Say.quote(t.label()) + " ") + "route " + Say.quote(t.declared());
      int s = r.status();
      if (s == 404 || s == 405 || s == 410) {
        ctx.report(MISSING, ctx.at(t.pointer()), what + " is not mounted: " + Say.request(t) + " " + Say.outcome(r),
            missingHint(ctx, run, t));
      } else if (!r.answered() || s >= 500 || s == 407) {
        ctx.report(
            ERROR,
            ctx.at(t.pointer()),
            what + " fails on an unsigned POST of {}: " + Say.request(t) + " " + Say.outcome(r),
            "a correct app refuses a request without a valid JWT with 401 before doing anything else");
      }
    }
  }

  /** Points at the conventional path when the app answers there (the atlassian-connect-express mismatch). */
  private static String missingHint(CheckContext ctx, OnlineRun run, Target t) {
    String generic = "mount a POST handler at this path, or fix the URL in the descriptor";
    if (t.kind() != Target.Kind.LIFECYCLE || t.label() == null) {
      return generic;
    }
    String conventional = "/" + t.label();
    String url = Plan.join(run.plan().base(), conventional);
    if (url.equals(t.url())) {
      return generic;
    }
    ProbeResult other = ctx.http().fetch(ProbeRequest.postEmptyJson(url));
    if (!other.answered() || other.status() == 404 || other.status() == 405 || other.status() == 410) {
      return generic;
    }
    return "the app answers POST "
        + conventional
        + " (HTTP "
        + other.status()
        + ")"
        + (t.label().equals("installed")
            ? ": atlassian-connect-express mounts /installed whatever the descriptor says;"
            : ";")
        + " set lifecycle."
        + t.label()
        + " to \""
        + conventional
        + "\"";
  }
}
