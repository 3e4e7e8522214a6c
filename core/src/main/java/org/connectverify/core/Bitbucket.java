package org.connectverify.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.connectverify.core.json.Nodes;

/**
 * Recognises a Bitbucket Cloud Connect descriptor. connect-verify checks Jira and Confluence apps; a Bitbucket app
 * has other scopes, module types and webhook events, so every Jira/Confluence check would report errors that are not
 * defects. Such a descriptor gets one note saying it was not checked, instead of findings.
 */
final class Bitbucket {
  /** Scopes only Bitbucket has (Jira and Confluence's are READ, WRITE, ADMIN, ..., upper or lower case). */
  private static final Set<String> SCOPES =
      Set.of("repository", "pullrequest", "snippet", "issue", "wiki", "team", "account", "email", "webhook",
          "pipeline", "runner", "project");
  /** Module types only Bitbucket has. */
  private static final Set<String> MODULE_TYPES =
      Set.of("oauthConsumer", "repoPages", "repoPage", "repoSettings", "fileViews", "fileView", "profileTabs",
          "profileTab", "linkers", "linkerValues", "postInstallRedirect", "webCards");
  /** Bitbucket webhook events: {@code repo:push}, {@code pullrequest:created}, {@code issue:comment_created}. */
  private static final Pattern EVENT = Pattern.compile("(repo|pullrequest|issue|project|pipeline|pipelines):[a-z_:]+");

  /**
   * Bitbucket URL context parameters, written {@code {NAME.}}, {@code {NAME}} or {@code {NAME_}}: {@code
   * {repository.uuid}}, {@code {repo_uuid}}, {@code {target_user.uuid}}.
   */
  private static final List<String> PARAM_NAMES =
      List.of("repository", "repo_uuid", "target_user", "pullrequest", "commit");

  private Bitbucket() {}

  /** What shows the descriptor is a Bitbucket app (for the note), or null when nothing does. */
  static String signal(JsonNode root) {
    for (JsonNode scope : root.path("scopes")) {
      String s = scope.asText("").toLowerCase(Locale.ROOT);
      String base = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
      if (SCOPES.contains(base)) {
        return "scope \"" + scope.asText() + "\"";
      }
    }
    if (root.path("contexts").isArray()) {
      return "\"contexts\"";
    }
    JsonNode modules = root.path("modules");
    for (Iterator<String> it = modules.fieldNames(); it.hasNext(); ) {
      String type = it.next();
      if (MODULE_TYPES.contains(type)) {
        return "module type \"" + type + "\"";
      }
    }
    for (JsonNode hook : modules.path("webhooks")) {
      String event = hook.path("event").asText("");
      if (EVENT.matcher(event).matches()) {
        return "webhook event \"" + event + "\"";
      }
    }
    if (!hasParam(modules)) { // a walk over the strings: printing the whole tree cost more than all of the above
      return null;
    }
    String text = modules.toString();
    int at = paramAt(text);
    if (at >= 0) {
      return "URL parameter \"" + text.substring(at, Math.min(text.length(), text.indexOf('}', at) + 1)) + "\"";
    }
    return null;
  }

  /**
   * Whether a key or string value under {@code node} holds a Bitbucket parameter: the same answer as searching the
   * tree's JSON text, because a match starts with a {@code {} inside a string and none of its characters is escaped.
   */
  private static boolean hasParam(JsonNode node) {
    if (Nodes.isText(node)) {
      return paramAt(node.textValue()) >= 0;
    }
    if (Nodes.isObject(node)) {
      for (Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        java.util.Map.Entry<String, JsonNode> e = it.next();
        if (paramAt(e.getKey()) >= 0 || hasParam(e.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (Nodes.isArray(node)) {
      for (JsonNode item : node) {
        if (hasParam(item)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Where the first Bitbucket parameter ({@link #PARAM_NAMES} after a brace) starts in {@code s}, or -1. Every key and
   * string of the modules comes here, so this does without a regular expression.
   */
  static int paramAt(String s) {
    for (int i = s.indexOf('{'); i >= 0; i = s.indexOf('{', i + 1)) {
      for (String name : PARAM_NAMES) {
        int end = i + 1 + name.length();
        if (end < s.length() && s.startsWith(name, i + 1) && ".}_".indexOf(s.charAt(end)) >= 0) {
          return i;
        }
      }
    }
    return -1;
  }
}
