package org.connectverify.core.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Descriptor;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;

/**
 * End-of-support readiness of a Forge manifest: what Connect it still carries before Connect's end of support
 * (31 January 2027), the way Atlassian's {@code connect-to-forge adoption-status} counts it (non-empty
 * {@code connectModules}, {@code app.connect} fields besides {@code key}, {@code :connect-*} scopes, Connect context
 * tokens such as {@code {issue.key}} in native modules), and whether the {@code connectToForgeMigration} module that
 * drives the admins' end-of-support banner is declared. Info findings, each at the manifest line to work on: they
 * track a migration, they do not fail a build. Descriptors and manifests without Connect parts are not reported.
 */
public final class ConnectRemainsCheck implements Check {
  public static final Rule CONNECT_REMAINS =
      Rule.of(
          "migration/connect-remains",
          Severity.INFO,
          "The manifest still carries Connect (connectModules, Connect scopes, app.connect fields besides key, Connect"
              + " context tokens): apps that do at Connect's end of support, 31 January 2027, count as not migrated.");
  public static final Rule NO_MIGRATION_MODULE =
      Rule.of(
          "migration/no-migration-module",
          Severity.INFO,
          "A manifest that still carries Connect declares no connectToForgeMigration module, so admins' end-of-support"
              + " banner cannot say whether and when the app moves to Forge.");

  static final String END_OF_SUPPORT = "Connect's end of support on 31 January 2027";

  /** A Connect context parameter in a URL: {@code {issue.key}}, {@code {page.id}}, {@code {project.key}}. */
  private static final Pattern CONTEXT_TOKEN = Pattern.compile("\\{[a-z][a-zA-Z]*(\\.[a-zA-Z]+)+\\}");

  @Override
  public List<Rule> rules() {
    return List.of(CONNECT_REMAINS, NO_MIGRATION_MODULE);
  }

  @Override
  public void check(CheckContext ctx) {
    Descriptor d = ctx.descriptor();
    if (!d.origin().isManifest() || !d.origin().document().isObject()) {
      return;
    }
    JsonNode manifest = d.origin().document();
    boolean remains = false;

    JsonNode connectModules = manifest.path("connectModules");
    List<String> counts = new ArrayList<>();
    int total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = connectModules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int n = e.getValue().isArray() ? e.getValue().size() : 1;
      if (n > 0) {
        counts.add(e.getKey() + " ×" + n);
        total += n;
      }
    }
    if (total > 0) {
      remains = true;
      ctx.report(
          CONNECT_REMAINS,
          d.sourceKeyPosition("/connectModules"),
          total + " Connect module" + (total == 1 ? "" : "s") + " remain in connectModules before " + END_OF_SUPPORT
              + ": " + String.join(", ", counts),
          "move each to a native Forge module with the same key (macros and URLs carry over only then), then drop"
              + " connectModules");
    }

    List<String> scopes = new ArrayList<>();
    JsonNode declared = manifest.path("permissions").path("scopes");
    if (declared.isArray()) {
      declared.forEach(s -> addConnectScope(scopes, s.asText("")));
    } else if (declared.isObject()) {
      declared.fieldNames().forEachRemaining(s -> addConnectScope(scopes, s));
    }
    if (!scopes.isEmpty()) {
      remains = true;
      ctx.report(
          CONNECT_REMAINS,
          d.sourceKeyPosition("/permissions/scopes"),
          "Connect scope" + (scopes.size() == 1 ? " " : "s ") + String.join(", ", scopes)
              + (scopes.size() == 1 ? " remains" : " remain") + " before "
              + END_OF_SUPPORT,
          "replace them with the Forge scopes the app's REST calls need (read:jira-work, read:confluence-content.all,"
              + " ...); adding Forge scopes makes that release a major version");
    }

    JsonNode connect = manifest.path("app").path("connect");
    List<String> fields = new ArrayList<>();
    connect.fieldNames().forEachRemaining(f -> {
      if (!f.equals("key")) {
        fields.add(f);
      }
    });
    if (!fields.isEmpty()) {
      remains = true;
      ctx.report(
          CONNECT_REMAINS,
          d.sourceKeyPosition("/app/connect"),
          "app.connect declares " + String.join(", ", fields) + " besides key before " + END_OF_SUPPORT
              + ": a fully migrated app keeps only app.connect.key",
          "remove them together with the last Connect module; never remove app.connect.key");
    }

    List<String[]> tokens = new ArrayList<>();
    tokens(manifest.path("modules"), "/modules", tokens);
    for (String[] t : tokens) {
      remains = true;
      ctx.report(
          CONNECT_REMAINS,
          d.sourcePosition(t[0]),
          "Connect context token " + t[1] + " in a native Forge module: Forge does not fill it",
          "read the context from the Forge bridge (view.getContext() or the resolver's context) instead");
    }

    if (remains && !hasMigrationModule(manifest.path("modules"))) {
      JsonNode modules = manifest.path("modules");
      ctx.report(
          NO_MIGRATION_MODULE,
          modules.isObject() ? d.sourceKeyPosition("/modules") : d.sourceKeyPosition("/connectModules"),
          "no connectToForgeMigration module: before " + END_OF_SUPPORT + " admins see a banner that cannot say"
              + " whether this app will move to Forge",
          "declare modules.connectToForgeMigration with key, migrationGuideUrl (https://...) and"
              + " willMigrateToForgeBeforeEOS: YES, NO or UNDECIDED, and update it with each major version");
    }
  }

  private static void addConnectScope(List<String> out, String scope) {
    if (scope.contains(":connect-")) {
      out.add(scope);
    }
  }

  private static boolean hasMigrationModule(JsonNode modules) {
    JsonNode m = modules.path("connectToForgeMigration");
    return m.isArray() ? !m.isEmpty() : m.isObject();
  }

  /** [pointer, token] of the first Connect context token in every string under node. */
  private static void tokens(JsonNode node, String pointer, List<String[]> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> tokens(e.getValue(), Pointers.child(pointer, e.getKey()), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        tokens(node.get(i), Pointers.child(pointer, i), out);
      }
    } else if (node.isTextual()) {
      Matcher m = CONTEXT_TOKEN.matcher(node.asText());
      if (m.find()) {
        out.add(new String[] {pointer, m.group()});
      }
    }
  }
}
