package org.connectverify.core.online;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plausible values for the context parameters in module and webhook URLs ({@code {issue.key}}, {@code ${project.id}}),
 * so a page URL is probed the way the product would call it. Values are URL-safe, so no encoding is needed.
 */
final class ContextSamples {
  private ContextSamples() {}

  private static final Pattern TOKEN = Pattern.compile("\\$?\\{([^{}]*)}");

  private static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("issue.id", "10001"),
          Map.entry("issue.key", "TEST-1"),
          Map.entry("issuetype.id", "10002"),
          Map.entry("project.id", "10000"),
          Map.entry("project.key", "TEST"),
          Map.entry("project.type", "software"),
          Map.entry("version.id", "10003"),
          Map.entry("component.id", "10004"),
          Map.entry("profileUser.name", "admin"),
          Map.entry("profileUser.key", "admin"),
          Map.entry("profileUser.accountId", "5b10a2844c20165700ede21g"),
          Map.entry("user.accountId", "5b10a2844c20165700ede21g"),
          Map.entry("dashboardItem.id", "10005"),
          Map.entry("dashboardItem.key", "dashboard-item"),
          Map.entry("dashboardItem.viewType", "DEFAULT"),
          Map.entry("dashboard.id", "10006"),
          Map.entry("board.id", "1"),
          Map.entry("board.type", "scrum"),
          Map.entry("board.screen", "backlog"),
          Map.entry("board.mode", "plan"),
          Map.entry("sprint.id", "1"),
          Map.entry("sprint.state", "active"),
          Map.entry("postFunction.id", "00000000-0000-0000-0000-000000000001"),
          Map.entry("postFunction.config", "%7B%7D"),
          Map.entry("servicedesk.serviceDeskId", "1"),
          Map.entry("servicedesk.requestTypeId", "1"),
          Map.entry("servicedesk.requestId", "10001"),
          Map.entry("content.id", "65537"),
          Map.entry("content.version", "1"),
          Map.entry("content.type", "page"),
          Map.entry("content.plugin", "ac:com.example.app:content"),
          Map.entry("space.id", "65538"),
          Map.entry("space.key", "TEST"),
          Map.entry("page.id", "65537"),
          Map.entry("page.version", "1"),
          Map.entry("page.type", "page"),
          Map.entry("page.title", "Test"),
          Map.entry("macro.id", "00000000-0000-0000-0000-000000000002"),
          Map.entry("macro.hash", "00000000-0000-0000-0000-000000000002"),
          Map.entry("macro.body", ""),
          Map.entry("macro.truncated", "false"),
          Map.entry("output.type", "display"),
          Map.entry("user.isExternalCollaborator", "false"));

  /**
   * {@code template} with every {@code {name}} and {@code ${name}} replaced: known context parameters by their sample,
   * inline conditions ({@code {condition.x}}) by {@code true}, anything else (custom macro parameters and the like) by
   * {@code 1}.
   */
  static String fill(String template) {
    Matcher m = TOKEN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(sample(m.group(1).trim())));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String sample(String name) {
    String known = SAMPLES.get(name);
    if (known != null) {
      return known;
    }
    if (name.startsWith("condition.")) {
      return "true";
    }
    return "1";
  }
}
