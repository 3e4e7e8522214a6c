package org.connectverify.core.product;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Product;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * A webhook on an event the product never emits: the host registers it without complaint and the app silently
 * receives nothing. Only what can be confirmed is reported: a near miss of a documented event (one typo, dashes for
 * underscores, a missing {@code jira:} prefix), or an event of the other product's own families (a {@code page_*}
 * event in a Jira app, a {@code jira:*} or {@code sprint_*} one in a Confluence app). An event merely missing from
 * the documented lists, a wildcard or a placeholder is not reported: the lists are not proof of absence. The schema
 * only bounds the event's length, so nothing here is reported twice.
 */
public final class WebhookEventCheck implements Check {
  public static final Rule UNKNOWN_WEBHOOK_EVENT =
      Rule.of(
          "modules/unknown-webhook-event",
          Severity.ERROR,
          "A webhook on an event the product never emits (a typo, or the other product's event): the app never"
              + " receives it.");

  /** Event families only Jira has. */
  private static final Pattern JIRA_ONLY =
      Pattern.compile(
          "jira[:_].*|(issue|issuelink|issuetype|issue_property|worklog|sprint|board|version|project|component"
              + "|option|filter)_.*");

  /** Event families only Confluence has. */
  private static final Pattern CONFLUENCE_ONLY =
      Pattern.compile("(page|blog|blueprint|space|label|content|relation|theme|search|group)_.*|login.*|logout");

  private final ProductFacts facts;

  public WebhookEventCheck(ProductFacts facts) {
    this.facts = facts;
  }

  @Override
  public List<Rule> rules() {
    return List.of(UNKNOWN_WEBHOOK_EVENT);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode hooks = ctx.root().path("modules").path("webhooks");
    if (!hooks.isArray()) {
      return;
    }
    Product product = ctx.product();
    Set<String> known = facts.webhookEvents(product);
    for (int i = 0; i < hooks.size(); i++) {
      JsonNode node = hooks.get(i).path("event");
      if (!node.isTextual()) {
        continue; // the schema reports a missing or non-text event
      }
      String event = node.asText();
      String lower = event.trim().toLowerCase(Locale.ROOT);
      if (lower.isEmpty() || known.contains(lower) || lower.matches(".*[*{}$%@<>].*")) {
        continue; // known (case is not confirmed to matter), a wildcard, or a placeholder
      }
      String pointer = "/modules/webhooks/" + i + "/event";
      Product other = product.other();
      if (other != null
          && facts.webhookEvents(other).contains(lower)
          && (other == Product.JIRA ? JIRA_ONLY : CONFLUENCE_ONLY).matcher(lower).matches()) {
        ctx.report(
            UNKNOWN_WEBHOOK_EVENT,
            ctx.at(pointer),
            "webhook event \"" + event + "\" is " + other.displayName() + "'s: " + product.displayName()
                + " never emits it, so the app never receives it",
            "remove this webhook, or use a " + product.displayName() + " event");
        continue;
      }
      String meant = nearMiss(lower, known, product);
      if (meant != null) {
        ctx.report(
            UNKNOWN_WEBHOOK_EVENT,
            ctx.at(pointer),
            "webhook event \"" + event + "\" is not one " + product.displayName()
                + " emits, so the app never receives it; did you mean \"" + meant + "\"?",
            "write the event as \"" + meant + "\"");
      }
    }
  }

  /** The one documented event {@code event} is a typo of, or null when there is none or more than one. */
  private static String nearMiss(String event, Set<String> known, Product product) {
    String normal = event.replace('-', '_').replace(' ', '_').replace('.', '_');
    if (known.contains(normal)) {
      return normal;
    }
    if (product != Product.CONFLUENCE && !normal.contains(":") && known.contains("jira:" + normal)) {
      return "jira:" + normal;
    }
    List<String> near = new ArrayList<>();
    for (String k : known) {
      if (oneEditApart(normal, k)) {
        near.add(k);
      }
    }
    return near.size() == 1 ? near.get(0) : null;
  }

  /** One insertion, deletion, substitution or swap of neighbouring characters turns {@code a} into {@code b}. */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int start = 0;
    while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    int endA = a.length();
    int endB = b.length();
    while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
      endA--;
      endB--;
    }
    int restA = endA - start;
    int restB = endB - start;
    if (restA + restB <= 1 || (restA == 1 && restB == 1)) {
      return true; // one insertion/deletion, or one substitution
    }
    return restA == 2
        && restB == 2
        && a.charAt(start) == b.charAt(start + 1)
        && a.charAt(start + 1) == b.charAt(start); // a swap of neighbours
  }
}
