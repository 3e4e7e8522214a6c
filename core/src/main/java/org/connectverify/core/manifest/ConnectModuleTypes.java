package org.connectverify.core.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code connectModules} entries Forge accepts, per product prefix ({@code @forge/manifest} 12.5.0): anything else
 * is refused with {@code invalid value '<name>' in connectModules}. {@code jira:} also covers Jira Service Management.
 */
final class ConnectModuleTypes {
  private ConnectModuleTypes() {}

  static final Map<String, Set<String>> BY_PRODUCT =
      Map.of(
          "confluence",
          Set.of(
              "adminPages", "blueprints", "cloudAppMigration", "configurePage", "confluenceContentProperties",
              "confluenceThemes", "contentBylineItems", "customContent", "dialogs", "dynamicContentMacros",
              "generalPages", "keyboardShortcuts", "lifecycle", "postInstallPage", "publishConditions",
              "spaceToolsTabs", "staticContentMacros", "translations", "webItems", "webPanels", "webSections",
              "webhooks"),
          "jira",
          Set.of(
              "adminPages", "assetPanels", "automationActions", "cloudAppMigration", "configurePage", "dialogs",
              "generalPages", "jiraBackgroundScripts", "jiraBuildInfoProvider", "jiraDashboardItems",
              "jiraDeploymentGating", "jiraDeploymentInfoProvider", "jiraDevOpsComponentProvider",
              "jiraDevelopmentTool", "jiraEntityProperties", "jiraFeatureFlagInfoProvider", "jiraGlobalPermissions",
              "jiraIssueContents", "jiraIssueContexts", "jiraIssueFields", "jiraIssueGlances", "jiraIssueTabPanels",
              "jiraIssueTypes", "jiraJqlFunctions", "jiraOperationsInfoProvider", "jiraProjectAdminTabPanels",
              "jiraProjectPages", "jiraProjectPermissions", "jiraProjectTabPanels", "jiraRemoteLinkInfoProvider",
              "jiraReports", "jiraSearchRequestViews", "jiraSecurityInfoProvider", "jiraTimeTrackingProviders",
              "jiraWorkflowConditions", "jiraWorkflowPostFunctions", "jiraWorkflowValidators", "keyboardShortcuts",
              "lifecycle", "postInstallPage", "serviceDeskOrganizationActions", "serviceDeskOrganizationPanels",
              "serviceDeskPortalFooters", "serviceDeskPortalHeaders", "serviceDeskPortalProfileActions",
              "serviceDeskPortalProfilePanels", "serviceDeskPortalRequestCreatePropertyPanels",
              "serviceDeskPortalRequestViewActions", "serviceDeskPortalRequestViewDetailsPanels",
              "serviceDeskPortalRequestViewPanels", "serviceDeskPortalSubHeaders",
              "serviceDeskPortalUserMenuActions", "serviceDeskQueueGroups", "serviceDeskQueues",
              "serviceDeskReportGroups", "serviceDeskReports", "translations", "webItems", "webPanels",
              "webSections", "webhooks"));

  /** True when {@code name} ({@code <product>:<type>}) is an accepted entry. */
  static boolean known(String name) {
    int colon = name.indexOf(':');
    if (colon < 0) {
      return false;
    }
    Set<String> types = BY_PRODUCT.get(name.substring(0, colon));
    return types != null && types.contains(name.substring(colon + 1));
  }

  /** The product prefix of a name ({@code jira}), or null when it has none Forge knows. */
  static String product(String name) {
    int colon = name.indexOf(':');
    return colon < 0 || !BY_PRODUCT.containsKey(name.substring(0, colon)) ? null : name.substring(0, colon);
  }

  /** Every accepted name, {@code confluence:...} then {@code jira:...}, each sorted. */
  static List<String> all() {
    List<String> out = new ArrayList<>();
    for (String product : List.of("confluence", "jira")) {
      BY_PRODUCT.get(product).stream().sorted().forEach(t -> out.add(product + ":" + t));
    }
    return out;
  }
}
