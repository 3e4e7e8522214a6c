package org.connectverify.core.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.http.ProbeResult;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.json.Pointers;

/**
 * Every {@code translations.paths} URL is served with HTTP 200 and holds a JSON object of strings (the product shows
 * the default text when it is not). The files are then handed to a {@link ServedTranslationCheck}, where the i18n
 * key checks run on the served files.
 */
public final class ServedTranslationsCheck implements OnlineCheck {
  public static final Rule UNAVAILABLE =
      Rule.online(
          "online/translation-unavailable",
          Severity.ERROR,
          "A translation file the descriptor names is not served (no HTTP 200).");
  public static final Rule INVALID =
      Rule.online(
          "online/translation-invalid",
          Severity.ERROR,
          "A served translation file is not a JSON object of strings.");

  private final ServedTranslationCheck further;

  /** @param further what else to check on the served files ({@link ServedTranslationCheck#NONE} for nothing) */
  public ServedTranslationsCheck(ServedTranslationCheck further) {
    this.further = Objects.requireNonNull(further);
  }

  @Override
  public List<Rule> rules() {
    return List.of(UNAVAILABLE, INVALID);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null) {
      return;
    }
    List<ServedTranslationCheck.Served> files = new ArrayList<>();
    for (Target t : run.plan().targets(Target.Kind.TRANSLATION)) {
      files.add(new ServedTranslationCheck.Served(t.label(), t.pointer(), t.url(), served(ctx, run, t)));
    }
    if (files.stream().anyMatch(ServedTranslationCheck.Served::usable)) {
      further.check(ctx, files);
    }
  }

  /** The body of a file served as a JSON object of strings; null (reported unless the host is down) otherwise. */
  private static byte[] served(CheckContext ctx, OnlineRun run, Target t) {
    if (run.quiet(t)) {
      return null;
    }
    ProbeResult r = run.result(t);
    if (r.status() != 200) {
      ctx.report(
          UNAVAILABLE,
          ctx.at(t.pointer()),
          "translation file for " + t.label() + " " + Say.quote(t.declared()) + " is not served: " + Say.request(t) + " "
              + Say.outcome(r),
          "deploy the file at this path (check the web server's static folder and the build that copies it)");
      return null;
    }
    String problem = problem(ctx, t, r);
    if (problem != null) {
      ctx.report(
          INVALID,
          ctx.at(t.pointer()),
          "translation file for " + t.label() + " served at " + t.url() + " " + problem,
          "serve a JSON object mapping each i18n key to its translated string");
      return null;
    }
    return r.body();
  }

  /** Why the served file is not a JSON object of strings, or null when it is. */
  private static String problem(CheckContext ctx, Target t, ProbeResult r) {
    if (r.truncated()) {
      return "is larger than the " + ctx.options().http().maxResponseBytes() + "-byte cap (max-response-size)";
    }
    byte[] body = r.body() == null ? new byte[0] : r.body();
    JsonReader.Result parsed = ctx.services().json().read(body, t.url());
    if (!parsed.parsed()) {
      return Say.notJson(parsed, r);
    }
    JsonNode root = parsed.root();
    if (!root.isObject()) {
      return "is a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object";
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        int[] lc = parsed.sourceMap().value(Pointers.child("", e.getKey()));
        return "has a non-string value for key " + Say.quote(e.getKey()) + " at line " + lc[0] + ", column " + lc[1]
            + " (" + JsonDiff.show(e.getValue()) + ")";
      }
    }
    return null;
  }
}
