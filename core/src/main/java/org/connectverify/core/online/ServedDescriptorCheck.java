package org.connectverify.core.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.http.ProbeResult;
import org.connectverify.core.json.JsonReader;

/**
 * The descriptor the deployment serves is the one verified: it is served (HTTP 200, valid JSON, an object) from a
 * port the product fetches from, and equals the local file after templating. Every differing JSON pointer is listed
 * (up to {@value #MAX_LISTED}), so fields a framework injects while serving, such as a forced
 * {@code apiMigrations.signed-install}, show up.
 */
public final class ServedDescriptorCheck implements OnlineCheck {
  static final int MAX_LISTED = 20;

  public static final Rule PORT =
      Rule.online(
          "online/descriptor-port",
          Severity.ERROR,
          "The descriptor URL uses a port the product does not fetch from (only 80, 443 and 8080).");
  public static final Rule UNREACHABLE =
      Rule.online(
          "online/descriptor-unreachable",
          Severity.ERROR,
          "The deployment does not serve the descriptor: no HTTP 200, or not a JSON object.");
  public static final Rule DRIFT =
      Rule.online(
          "online/descriptor-drift",
          Severity.ERROR,
          "The descriptor the deployment serves differs from the local one; the listed JSON pointers differ.");

  @Override
  public List<Rule> rules() {
    return List.of(PORT, UNREACHABLE, DRIFT);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null) {
      return;
    }
    Plan plan = run.plan();
    String url = plan.descriptorUrl();
    int port = Plan.port(url);
    if (!Plan.isLoopback(url) && !Plan.DESCRIPTOR_PORTS.contains(port)) {
      ctx.report(
          PORT,
          ctx.at("/baseUrl"),
          "the descriptor URL "
              + url
              + (plan.descriptorUrlGiven() ? " (" + ctx.options().optionNames().of("descriptor-url", null) + ")" : "")
              + " uses port "
              + port
              + "; the product fetches descriptors only from ports 80, 443 and 8080",
          "serve the app (or at least its descriptor) on port 443");
    }
    List<Target> targets = plan.targets(Target.Kind.DESCRIPTOR);
    if (targets.isEmpty() || run.quiet(targets.get(0))) {
      return;
    }
    Target t = targets.get(0);
    ProbeResult r = run.result(t);
    String file = ctx.descriptor().file();
    if (r.status() != 200) {
      ctx.report(
          UNREACHABLE,
          ctx.at(""),
          "the deployment does not serve the descriptor: " + Say.request(t) + " " + Say.outcome(r),
          plan.descriptorUrlGiven()
              ? "check " + ctx.options().optionNames().of("descriptor-url", null)
              : "serve the descriptor at baseUrl + /" + file.substring(file.lastIndexOf('/') + 1)
                  + ", or pass " + ctx.options().optionNames().of("descriptor-url", null) + " with where it is served");
      return;
    }
    if (r.truncated()) {
      ctx.report(
          UNREACHABLE,
          ctx.at(""),
          "the descriptor served at " + url + " is larger than the " + ctx.options().http().maxResponseBytes()
              + "-byte cap (max-response-size); it cannot be a descriptor",
          null);
      return;
    }
    JsonReader.Result served = ctx.services().json().read(r.body() == null ? new byte[0] : r.body(), url);
    if (!served.parsed() || !served.root().isObject()) {
      String why = served.parsed() ? "is a JSON " + served.root().getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object" : Say.notJson(served, r);
      ctx.report(
          UNREACHABLE,
          ctx.at(""),
          "the descriptor served at " + url + " " + why,
          "serve the descriptor file itself (Content-Type application/json), not an error or login page");
      return;
    }
    List<JsonDiff.Difference> diffs = JsonDiff.diff(ctx.root(), served.root(), (pointer, value) -> ignored(plan, pointer, value));
    String name = file.substring(file.lastIndexOf('/') + 1);
    int listed = 0;
    List<String> rest = new ArrayList<>();
    for (JsonDiff.Difference d : diffs) {
      if (listed == MAX_LISTED) {
        rest.add(d.pointer());
        continue;
      }
      listed++;
      ctx.report(DRIFT, ctx.at(d.pointer()), message(d, url, name), hint(d));
    }
    if (!rest.isEmpty()) {
      ctx.report(
          DRIFT,
          ctx.at(""),
          "the descriptor served at " + url + " differs from " + name + " at " + rest.size() + " more pointers: "
              + String.join(", ", rest.subList(0, Math.min(5, rest.size())))
              + (rest.size() > 5 ? ", ..." : ""),
          null);
    }
  }

  /** The served baseUrl may be the probed deployment's (a staging server templates its own address). */
  private static boolean ignored(Plan plan, String pointer, JsonNode served) {
    return pointer.equals("/baseUrl")
        && served != null
        && served.isTextual()
        && Plan.trimSlash(served.asText()).equals(Plan.trimSlash(plan.base()));
  }

  private static String message(JsonDiff.Difference d, String url, String name) {
    return switch (d.change()) {
      case ADDED -> "the descriptor served at " + url + " has " + d.pointer() + " = " + JsonDiff.show(d.served())
          + ", which " + name + " does not have";
      case REMOVED -> "the descriptor served at " + url + " lacks " + d.pointer() + " (" + JsonDiff.show(d.local())
          + " in " + name + ")";
      case CHANGED -> "the descriptor served at " + url + " has " + d.pointer() + " = " + JsonDiff.show(d.served())
          + " where " + name + " has " + JsonDiff.show(d.local());
    };
  }

  private static String hint(JsonDiff.Difference d) {
    if (d.pointer().startsWith("/apiMigrations")) {
      return "the server changes apiMigrations while serving (atlassian-connect-express forces signed-install):"
          + " put the value in the file so what you verify is what the product gets";
    }
    return "deploy the descriptor you verified, or verify the one you deploy (build filtering, templating or the"
        + " framework may rewrite it while serving)";
  }
}
