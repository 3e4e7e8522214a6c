package org.connectverify.core.diff;

import java.util.Map;

/** What customers lose when a module of a given type disappears (or changes key), in one clause. */
final class ModuleImpact {
  private static final String GENERIC =
      "customers lose what it adds, and links and stored data that name its key stop working";

  private static final Map<String, String> BY_TYPE =
      Map.ofEntries(
          Map.entry("dynamicContentMacros", "pages and blog posts that use this macro show an error in its place"),
          Map.entry("staticContentMacros", "pages and blog posts that use this macro show an error in its place"),
          Map.entry("customContent", "existing content of this type can no longer be opened or rendered"),
          Map.entry("blueprints", "users can no longer create pages from this blueprint"),
          Map.entry(
              "confluenceContentProperties",
              "Confluence stops indexing these content properties, so CQL searches on them stop matching"),
          Map.entry(
              "jiraEntityProperties",
              "Jira stops indexing these entity properties, so JQL searches, filters and boards that use them stop"
                  + " matching"),
          Map.entry("jiraIssueFields", "this issue field and the values stored in it disappear from issues"),
          Map.entry("jiraDashboardItems", "dashboards that show this gadget lose it"),
          Map.entry(
              "jiraWorkflowPostFunctions", "workflows that use this post function stop running it on transitions"),
          Map.entry("jiraWorkflowValidators", "workflows that use this validator lose it"),
          Map.entry("jiraWorkflowConditions", "workflows that use this condition lose it"),
          Map.entry("jiraProjectPermissions", "permission schemes that grant this permission lose the grant"),
          Map.entry("jiraGlobalPermissions", "sites that granted this permission lose the grant"),
          Map.entry("jiraSearchRequestViews", "saved exports and links to this search view stop working"),
          Map.entry("jiraTimeTrackingProviders", "sites that chose this time tracking provider lose it"),
          Map.entry("webhooks", "the app stops receiving these events"));

  private ModuleImpact() {}

  /** The customer impact of losing a module of this type. */
  static String ofRemoving(String type) {
    return BY_TYPE.getOrDefault(type, GENERIC);
  }
}
