package org.connectverify.core.online;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.CheckContext;
import org.connectverify.core.http.ProbeRequest;
import org.connectverify.core.http.ProbeResult;

/**
 * The online view of one descriptor: its {@link Plan} and the result of every target. Every request is started before
 * any check reads a descriptor ({@link #start}; the prober bounds concurrency and caches), so the whole run's URLs are
 * in flight together, while the offline checks work; the checks then get the cached results. Also decides whether the deployment is down, in which case the
 * per-URL checks stay quiet and one finding says so.
 */
final class OnlineRun {
  private final Plan plan;
  private final Map<ProbeRequest, ProbeResult> results;
  private final Outage outage;

  /**
   * Every URL on the probed host failed the same way.
   *
   * @param signature the shared {@link ProbeResult#failureSignature()}
   * @param urls how many distinct URLs
   * @param example one of the results, for the message
   */
  record Outage(String signature, int urls, ProbeResult example) {
    boolean certificate() {
      return example.failure() != null && example.failure().certificate();
    }
  }

  private OnlineRun(Plan plan, Map<ProbeRequest, ProbeResult> results) {
    this.plan = plan;
    this.results = results;
    this.outage = detectOutage();
  }

  /** Sends every request of the context's descriptor without waiting for the answers (see {@link OnlineCheck}). */
  static void start(CheckContext ctx) {
    Plan plan = Plan.of(ctx);
    if (plan != null) {
      plan.targets().forEach(t -> ctx.http().submit(t.request()));
    }
  }

  /** The run for the context's descriptor, or null when there is no deployment to probe. */
  static OnlineRun of(CheckContext ctx) {
    Plan plan = Plan.of(ctx);
    if (plan == null) {
      return null;
    }
    List<ProbeRequest> requests = new ArrayList<>();
    plan.targets().forEach(t -> requests.add(t.request()));
    return new OnlineRun(plan, ctx.http().fetchAll(requests));
  }

  Plan plan() {
    return plan;
  }

  ProbeResult result(Target t) {
    return results.get(t.request());
  }

  /** The outage of the probed host, or null when it answers. */
  Outage outage() {
    return outage;
  }

  /**
   * True when a per-URL check should say nothing about this target: its host is down as a whole (one finding says
   * so), or its certificate failed (one finding per host says so).
   */
  boolean quiet(Target t) {
    ProbeResult r = result(t);
    if (r.failure() != null && r.failure().certificate()) {
      return true;
    }
    return outage != null && Plan.hostKey(t.url()).equals(Plan.hostKey(plan.base()));
  }

  private Outage detectOutage() {
    String baseHost = Plan.hostKey(plan.base());
    Set<ProbeRequest> seen = new LinkedHashSet<>();
    String signature = null;
    ProbeResult example = null;
    for (Target t : plan.targets()) {
      if (!Plan.hostKey(t.url()).equals(baseHost) || !seen.add(t.request())) {
        continue;
      }
      ProbeResult r = result(t);
      String s = r.failureSignature();
      if (s == null || (signature != null && !signature.equals(s))) {
        return null;
      }
      signature = s;
      if (example == null || t.kind() == Target.Kind.DESCRIPTOR) {
        example = r;
      }
    }
    return seen.size() >= 2 ? new Outage(signature, seen.size(), example) : null;
  }
}
