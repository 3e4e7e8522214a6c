package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.template.TemplateEngine;

/**
 * URLs the host appends to the baseUrl: lifecycle callbacks, webhooks and the pages of page modules (general, admin,
 * configure and post-install pages, dialogs, panels, tabs, macros). The host joins them to the baseUrl as text, so an
 * absolute URL becomes {@code https://app.example.comhttps://...} (refused or never answered), and a path without a
 * leading {@code /} under a baseUrl without a trailing one runs into it ({@code https://app.example.cominstalled}).
 * Web items, icons and links to other sites may be absolute and are not checked here.
 */
public final class RelativeUrlCheck implements Check {
  public static final Rule NOT_RELATIVE =
      Rule.of(
          "urls/not-relative",
          Severity.ERROR,
          "A lifecycle, webhook or page URL is absolute: the host appends it to the baseUrl, so it never reaches the"
              + " app.");
  public static final Rule MISSING_SLASH =
      Rule.of(
          "urls/missing-slash",
          Severity.WARNING,
          "A lifecycle, webhook or page URL does not start with '/' and the baseUrl does not end with one: joined as"
              + " text they make a broken URL.");

  /** Module types whose {@code url} is a page or endpoint the host loads from the app, relative to the baseUrl. */
  private static final Set<String> PAGE_MODULES =
      Set.of("generalPages", "adminPages", "configurePage", "postInstallPage", "profilePages", "spaceToolsTabs",
          "dialogs", "webPanels", "webhooks", "dynamicContentMacros", "staticContentMacros", "jiraProjectPages",
          "jiraProjectAdminTabPanels", "jiraIssueTabPanels", "jiraProjectTabPanels", "jiraVersionTabPanels",
          "jiraComponentTabPanels", "jiraProfileTabPanels", "jiraSearchRequestViews", "jiraReports",
          "jiraWorkflowPostFunctions", "jiraIssueContents", "jiraDashboardItems", "jiraBackgroundScripts",
          "jiraIssueFields", "serviceDeskPortalPages", "contentBylineItems");

  @Override
  public List<Rule> rules() {
    return List.of(NOT_RELATIVE, MISSING_SLASH);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode baseNode = ctx.root().path("baseUrl");
    String base = baseNode.isTextual() ? baseNode.asText().trim() : null;
    if (base == null || TemplateEngine.holdsPlaceholder(base) || !base.contains("://")) {
      return; // the base-url rules and templating report an unusable baseUrl
    }
    JsonNode lifecycle = ctx.root().path("lifecycle");
    for (Iterator<Map.Entry<String, JsonNode>> it = lifecycle.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      url(ctx, base, Pointers.child("/lifecycle", e.getKey()), e.getValue(), "lifecycle." + e.getKey());
    }
    JsonNode modules = ctx.root().path("modules");
    for (Iterator<Map.Entry<String, JsonNode>> it = modules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!PAGE_MODULES.contains(e.getKey())) {
        continue;
      }
      String typePointer = Pointers.child("/modules", e.getKey());
      JsonNode list = e.getValue();
      if (list.isObject()) {
        url(ctx, base, typePointer + "/url", list.path("url"), e.getKey() + ".url");
      } else {
        for (int i = 0; i < list.size(); i++) {
          url(ctx, base, Pointers.child(typePointer, i) + "/url", list.get(i).path("url"),
              e.getKey() + "[" + i + "].url");
        }
      }
    }
  }

  private static void url(CheckContext ctx, String base, String pointer, JsonNode node, String field) {
    if (!node.isTextual()) {
      return;
    }
    String url = node.asText().trim();
    if (url.isEmpty() || TemplateEngine.holdsPlaceholder(url) || url.startsWith("{")) {
      return;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || url.startsWith("//")) {
      String inside = url.startsWith(stripSlash(base)) ? url.substring(stripSlash(base).length()) : null;
      ctx.report(
          NOT_RELATIVE,
          ctx.at(pointer),
          field + " \"" + url + "\" is absolute: the host appends it to the baseUrl (\"" + stripSlash(base) + url
              + "\"), so the request never reaches the app",
          inside != null
              ? "write it relative to the baseUrl: \"" + (inside.isEmpty() ? "/" : inside) + "\""
              : "serve it under the baseUrl and write the path relative to it (e.g. \"/" + lastSegment(url) + "\")");
      return;
    }
    if (!url.startsWith("/") && !url.startsWith("?") && !url.startsWith("#") && !base.endsWith("/")) {
      ctx.report(
          MISSING_SLASH,
          ctx.at(pointer),
          field + " \"" + url + "\" does not start with '/' and baseUrl \"" + base + "\" does not end with one:"
              + " joined as text they make \"" + base + url + "\"",
          "write \"/" + url + "\"");
    }
  }

  private static String stripSlash(String s) {
    return s.replaceAll("/+$", "");
  }

  private static String lastSegment(String url) {
    String path = url.replaceFirst("^[a-zA-Z]*:?//[^/]*", "").replaceFirst("[?#].*$", "");
    String seg = path.substring(path.lastIndexOf('/') + 1);
    return seg.isEmpty() ? "" : seg;
  }
}
