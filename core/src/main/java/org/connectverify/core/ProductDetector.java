package org.connectverify.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.connectverify.core.schema.SchemaSet;

/**
 * Decides whether a descriptor is a Jira or a Confluence app from its module types, then from its web item and panel
 * locations and admin scopes. A descriptor with no signal, or with as many signals for both, is checked against what
 * both products share.
 */
public final class ProductDetector {
  private final SchemaSet schemas;

  public ProductDetector(SchemaSet schemas) {
    this.schemas = schemas;
  }

  /** The product and the reason, as shown in the report. */
  public record Decision(Product product, String reason) {}

  public Decision detect(JsonNode root) {
    Set<String> jira = schemas.moduleTypes(Product.JIRA);
    Set<String> confluence = schemas.moduleTypes(Product.CONFLUENCE);
    int j = 0;
    int c = 0;
    String jiraExample = null;
    String confluenceExample = null;
    JsonNode modules = root.path("modules");
    Iterator<String> types = modules.isObject() ? modules.fieldNames() : java.util.Collections.emptyIterator();
    while (types.hasNext()) {
      String type = types.next();
      boolean inJira = jira.contains(type);
      boolean inConfluence = confluence.contains(type);
      if (inJira && !inConfluence) {
        j++;
        jiraExample = jiraExample == null ? type : jiraExample;
      } else if (inConfluence && !inJira) {
        c++;
        confluenceExample = confluenceExample == null ? type : confluenceExample;
      }
    }
    if (j > c) {
      return new Decision(Product.JIRA, "module type \"" + jiraExample + "\" is Jira's");
    }
    if (c > j) {
      return new Decision(Product.CONFLUENCE, "module type \"" + confluenceExample + "\" is Confluence's");
    }
    int[] votes = new int[2];
    String[] example = new String[2];
    modules.forEach(
        list ->
            (list.isArray() ? list : java.util.List.of(list))
                .forEach(
                    module -> {
                      String location = module.path("location").asText("").toLowerCase(Locale.ROOT);
                      int vote = locationVote(location);
                      if (vote >= 0) {
                        votes[vote]++;
                        example[vote] = example[vote] == null ? location : example[vote];
                      }
                    }));
    for (JsonNode hook : modules.path("webhooks")) {
      String event = hook.path("event").asText("").toLowerCase(Locale.ROOT);
      int vote = eventVote(event);
      if (vote >= 0) {
        votes[vote]++;
        example[vote] = example[vote] == null ? "webhook event " + event : example[vote];
      }
    }
    for (JsonNode scope : root.path("scopes")) {
      String s = scope.asText("").toUpperCase(Locale.ROOT);
      if (s.equals("PROJECT_ADMIN")) {
        votes[0]++;
        example[0] = example[0] == null ? "scope PROJECT_ADMIN" : example[0];
      } else if (s.equals("SPACE_ADMIN")) {
        votes[1]++;
        example[1] = example[1] == null ? "scope SPACE_ADMIN" : example[1];
      }
    }
    if (votes[0] > votes[1]) {
      return new Decision(Product.JIRA, signal(example[0]) + " is Jira's");
    }
    if (votes[1] > votes[0]) {
      return new Decision(Product.CONFLUENCE, signal(example[1]) + " is Confluence's");
    }
    return new Decision(
        Product.COMMON, "nothing decides between Jira and Confluence: checked against what both share");
  }

  private static String signal(String example) {
    return example.startsWith("webhook event ") || example.startsWith("scope ")
        ? example.replaceFirst("^(webhook event|scope) (.*)$", "$1 \"$2\"")
        : "location \"" + example + "\"";
  }

  private static final java.util.regex.Pattern JIRA_EVENT =
      java.util.regex.Pattern.compile(
          "(issue|issuelink|worklog|sprint|board|version|project|component|option|filter)_.*");
  private static final java.util.regex.Pattern CONFLUENCE_EVENT =
      java.util.regex.Pattern.compile(
          "(page|blog|blueprint|space|attachment|content|label|relation|theme|group|search)_.*");

  /** 0 for a webhook event only Jira emits, 1 for one only Confluence emits, -1 for shared or unknown ones. */
  static int eventVote(String event) {
    if (event.startsWith("jira:")
        || JIRA_EVENT.matcher(event).matches()
        || event.startsWith("jira_")) {
      return 0;
    }
    if (CONFLUENCE_EVENT.matcher(event).matches()) {
      return 1;
    }
    return -1;
  }

  /** 0 for a Jira location, 1 for a Confluence one, -1 for neither. */
  private static int locationVote(String location) {
    if (location.startsWith("jira.")
        || location.startsWith("atl.jira")
        || location.startsWith("com.atlassian.jira")
        || location.startsWith("system.top.navigation.bar")
        || location.startsWith("servicedesk")
        || location.startsWith("operations-top-level")
        || location.contains("issue")
        || location.contains("project")) {
      return 0;
    }
    if (location.startsWith("system.content")
        || location.startsWith("system.editor")
        || location.startsWith("system.space")
        || location.startsWith("system.attachment")
        || location.startsWith("system.help")
        || location.startsWith("confluence")
        || location.startsWith("atl.editor")
        || location.startsWith("page.")
        || location.contains("space")
        || location.contains("blog")) {
      return 1;
    }
    return -1;
  }
}
