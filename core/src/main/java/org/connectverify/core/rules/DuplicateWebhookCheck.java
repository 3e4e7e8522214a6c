package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * The same webhook (event, URL and filter) declared twice: the host registers both and the app receives every event
 * twice, so it handles it twice (duplicate comments, double counts) unless its handler is idempotent.
 */
public final class DuplicateWebhookCheck implements Check {
  public static final Rule DUPLICATE_WEBHOOK =
      Rule.of(
          "modules/duplicate-webhook",
          Severity.WARNING,
          "The same webhook (event, URL and filter) is declared twice: the app receives every such event twice.");

  @Override
  public List<Rule> rules() {
    return List.of(DUPLICATE_WEBHOOK);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode hooks = ctx.root().path("modules").path("webhooks");
    if (!hooks.isArray()) {
      return;
    }
    Map<String, Integer> first = new LinkedHashMap<>();
    for (int i = 0; i < hooks.size(); i++) {
      JsonNode h = hooks.get(i);
      if (!h.path("event").isTextual() || !h.path("url").isTextual()) {
        continue; // the schema reports a webhook without event or url
      }
      String event = h.path("event").asText().trim().toLowerCase(Locale.ROOT);
      String url = h.path("url").asText().trim();
      String id = event + " " + url + " " + h.path("filter").asText("").trim() + " "
          + h.path("propertyKeys").toString() + " " + h.path("excludeBody").asText("");
      Integer earlier = first.putIfAbsent(id, i);
      if (earlier == null) {
        continue;
      }
      String pointer = "/modules/webhooks/" + i;
      ctx.report(
          DUPLICATE_WEBHOOK,
          ctx.at(pointer),
          "webhook \"" + h.path("event").asText() + "\" to \"" + url + "\" is declared twice (also"
              + " modules.webhooks[" + earlier + "]): the app receives every such event twice",
          "remove one of the two",
          List.of(new Finding.Related(ctx.at("/modules/webhooks/" + earlier), "first declared here")));
    }
  }
}
