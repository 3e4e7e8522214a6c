package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Descriptor;
import org.connectverify.core.json.Pointers;

/**
 * The native Forge modules of a manifest side ({@code modules} of the manifest as written; none for a descriptor),
 * and which native module types take over which Connect module types when an app adopts Forge. Pointers are into the
 * manifest.
 */
final class ForgeModules {
  /** One native module: its type ({@code macro}, {@code jira:issuePanel}), its manifest pointer and its key. */
  record Native(String type, String pointer, String key) {}

  /** Connect module type to the native Forge module types that replace it. */
  private static final Map<String, Set<String>> REPLACES =
      Map.ofEntries(
          Map.entry("dynamicContentMacros", Set.of("macro")),
          Map.entry("staticContentMacros", Set.of("macro")),
          Map.entry("generalPages", Set.of("jira:globalPage", "confluence:globalPage")),
          Map.entry(
              "adminPages", Set.of("jira:adminPage", "confluence:globalSettings", "confluence:spaceSettings")),
          Map.entry("configurePage", Set.of("jira:adminPage", "confluence:globalSettings")),
          Map.entry("postInstallPage", Set.of("jira:adminPage", "confluence:globalSettings")),
          Map.entry("jiraProjectPages", Set.of("jira:projectPage")),
          Map.entry("jiraProjectTabPanels", Set.of("jira:projectPage")),
          Map.entry("jiraProjectAdminTabPanels", Set.of("jira:projectSettingsPage")),
          Map.entry("jiraIssueGlances", Set.of("jira:issueGlance")),
          Map.entry("jiraIssueContents", Set.of("jira:issuePanel")),
          Map.entry("jiraIssueTabPanels", Set.of("jira:issueActivity", "jira:issuePanel")),
          Map.entry("jiraIssueFields", Set.of("jira:customField", "jira:customFieldType")),
          Map.entry("jiraDashboardItems", Set.of("jira:dashboardGadget")),
          Map.entry("jiraWorkflowPostFunctions", Set.of("jira:workflowPostFunction")),
          Map.entry("jiraWorkflowValidators", Set.of("jira:workflowValidator")),
          Map.entry("jiraWorkflowConditions", Set.of("jira:workflowCondition")),
          Map.entry("jiraEntityProperties", Set.of("jira:entityProperty")),
          Map.entry("jiraGlobalPermissions", Set.of("jira:globalPermission")),
          Map.entry("jiraProjectPermissions", Set.of("jira:projectPermission")),
          Map.entry("jiraJqlFunctions", Set.of("jira:jqlFunction")),
          Map.entry("jiraTimeTrackingProviders", Set.of("jira:timeTrackingProvider")),
          Map.entry("customContent", Set.of("confluence:customContent")),
          Map.entry("contentBylineItems", Set.of("confluence:contentBylineItem")),
          Map.entry("spaceToolsTabs", Set.of("confluence:spacePage", "confluence:spaceSettings")),
          Map.entry("confluenceContentProperties", Set.of("confluence:contentProperty")));

  private final List<Native> modules;

  private ForgeModules(List<Native> modules) {
    this.modules = modules;
  }

  /** The native modules of a side; none when it is a descriptor. */
  static ForgeModules of(Descriptor side) {
    List<Native> out = new ArrayList<>();
    if (side.origin().isManifest()) {
      JsonNode modules = side.origin().document().path("modules");
      for (Iterator<Map.Entry<String, JsonNode>> it = modules.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode list = e.getValue();
        for (int i = 0; list.isArray() && i < list.size(); i++) {
          String key = JsonText.text(list.get(i).get("key"));
          out.add(new Native(e.getKey(), Pointers.child(Pointers.child("/modules", e.getKey()), i), key));
        }
      }
    }
    return new ForgeModules(out);
  }

  List<Native> all() {
    return modules;
  }

  /** The native module with this key, or null. */
  Native withKey(String key) {
    for (Native n : modules) {
      if (key != null && key.equals(n.key())) {
        return n;
      }
    }
    return null;
  }

  /**
   * The native module whose key is this key once its unfilled {@code ${VAR}} placeholders are taken as empty
   * ({@code zenuml-macro${LITE_KEY_SUFFIX}}), or null.
   */
  Native withKeyIfEmpty(String key) {
    for (Native n : modules) {
      if (key != null && n.key() != null && n.key().contains("${")
          && key.equals(n.key().replaceAll("\\$\\{[^}]*\\}", ""))) {
        return n;
      }
    }
    return null;
  }

  /** The native modules of a type that can replace a Connect module of {@code connectType}, in manifest order. */
  List<Native> replacing(String connectType) {
    Set<String> types = REPLACES.getOrDefault(connectType, Set.of());
    return modules.stream().filter(n -> types.contains(n.type())).toList();
  }

  /**
   * The Forge product event a Connect webhook event becomes ({@code jira:issue_created} to {@code
   * avi:jira:created:issue}, {@code page_updated} to {@code avi:confluence:updated:page}); null when it has no
   * entity_action shape.
   */
  static String forgeEvent(String connectEvent, boolean confluence) {
    String e = connectEvent.startsWith("jira:") ? connectEvent.substring(5) : connectEvent;
    if (e.equals("comment_created") && !confluence) {
      return "avi:jira:commented:issue";
    }
    int i = e.lastIndexOf('_');
    if (i <= 0 || i == e.length() - 1) {
      return null;
    }
    String entity = e.substring(0, i).replace("_", "");
    String action = e.substring(i + 1);
    if (confluence && entity.equals("blog")) {
      entity = "blogpost";
    }
    return "avi:" + (confluence ? "confluence" : "jira") + ":" + action + ":" + entity;
  }

  /** The trigger module that listens to a Forge event, or null. */
  Native triggerOn(Descriptor side, String forgeEvent) {
    for (Native t : ofType("trigger")) {
      for (JsonNode e : side.origin().document().at(t.pointer() + "/events")) {
        if (e.asText().equals(forgeEvent)) {
          return t;
        }
      }
    }
    return null;
  }

  /** The native modules of one type, in manifest order. */
  List<Native> ofType(String type) {
    return modules.stream().filter(n -> n.type().equals(type)).toList();
  }
}
