package org.connectverify.core.online;

import java.util.List;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.http.ProbeResult;
import org.connectverify.core.json.Pointers;

/**
 * Every module URL the product loads from the app (pages, panels, dialogs, macros, ...; context parameters filled with
 * plausible samples such as {@code issue.key=TEST-1}) answers without 404, 405, 410 or a server error. 401 and 403
 * mean the route exists and wants a token, which is fine here (signed requests are the probe's business). Web items
 * whose context is {@code product} or {@code page}, absolute links elsewhere, and URLs the product POSTs to (workflow
 * post functions' {@code triggered}) are not probed.
 */
public final class ModulePagesCheck implements OnlineCheck {
  public static final Rule UNAVAILABLE =
      Rule.online(
          "online/page-unavailable",
          Severity.ERROR,
          "A module URL answers 404, 405, 410 or a server error, or not at all; the product shows an error there.");

  @Override
  public List<Rule> rules() {
    return List.of(UNAVAILABLE);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null) {
      return;
    }
    for (Target t : run.plan().targets(Target.Kind.PAGE)) {
      if (run.quiet(t)) {
        continue;
      }
      ProbeResult r = run.result(t);
      if (answers(r)) {
        continue;
      }
      ctx.report(
          UNAVAILABLE,
          ctx.at(t.pointer()),
          module(ctx, t.pointer()) + " URL " + Say.quote(t.declared()) + " does not answer: " + Say.request(t) + " "
              + Say.outcome(r),
          r.status() == 404 || r.status() == 410
              ? "mount this route in the app (or fix the URL in the descriptor)"
              : r.status() == 405
                  ? "the product loads this URL with GET: make the route accept GET"
                  : "check the app's logs for this route");
    }
  }

  /** True when the route exists: any answer except 404, 405, 407, 410 and 5xx. */
  static boolean answers(ProbeResult r) {
    if (!r.answered()) {
      return false;
    }
    int s = r.status();
    return s < 500 && s != 404 && s != 405 && s != 407 && s != 410;
  }

  /** {@code generalPages "issue-helper-home"} for a pointer inside a module. */
  static String module(CheckContext ctx, String pointer) {
    List<String> tokens = Pointers.tokens(pointer);
    if (tokens.size() < 2 || !tokens.get(0).equals("modules")) {
      return "module";
    }
    String type = tokens.get(1);
    String modulePointer = Pointers.child("/modules", type);
    if (tokens.size() > 2 && tokens.get(2).matches("\\d+")) {
      modulePointer = modulePointer + "/" + tokens.get(2);
    }
    var key = ctx.root().at(modulePointer).path("key");
    return type + (key.isTextual() ? " " + Say.quote(key.asText()) : "");
  }
}
