package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * The {@code connectToForgeMigration} module (under {@code modules}; the product-prefixed spelling {@code
 * jira:connectToForgeMigration} is read alike): it drives the end-of-support banner that admins see, and Forge's
 * schema requires {@code key}, {@code migrationGuideUrl} (an {@code https://} URL of at most 2048 characters) and
 * {@code willMigrateToForgeBeforeEOS} ({@code YES}, {@code NO} or {@code UNDECIDED}).
 */
public final class MigrationModuleCheck implements Check {
  public static final Rule FIELDS =
      Rule.of(
          "manifest/connect-to-forge-migration",
          Severity.ERROR,
          "A connectToForgeMigration module lacks key, has a migrationGuideUrl that is not https:// (or is over 2048"
              + " characters), or a willMigrateToForgeBeforeEOS other than YES, NO or UNDECIDED.");

  static final int MAX_URL = 2048;
  static final Set<String> ANSWERS = Set.of("YES", "NO", "UNDECIDED");

  @Override
  public List<Rule> rules() {
    return List.of(FIELDS);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null) {
      return;
    }
    for (ManifestDoc.Item item : ManifestDoc.items(doc, "modules")) {
      String type = item.type();
      if (!type.equals("connectToForgeMigration") && !type.endsWith(":connectToForgeMigration")) {
        continue;
      }
      JsonNode m = item.node();
      String at = item.pointer();
      if (!m.path("key").isTextual()) {
        ctx.report(FIELDS, ManifestDoc.at(ctx, at), type + " module has no key", "add key: <module key>");
      }
      JsonNode url = m.path("migrationGuideUrl");
      if (url.isMissingNode()) {
        ctx.report(
            FIELDS,
            ManifestDoc.at(ctx, at),
            type + " module has no migrationGuideUrl",
            "add migrationGuideUrl: https://<the page that tells admins how the app moves to Forge>");
      } else if (!ManifestDoc.templated(url)) {
        String u = url.asText("");
        if (!url.isTextual() || !u.startsWith("https://")) {
          ctx.report(
              FIELDS,
              ManifestDoc.at(ctx, at + "/migrationGuideUrl"),
              "migrationGuideUrl " + AppConnectCheck.describe(url) + " must match ^https://",
              "link the migration guide over https");
        } else if (u.length() > MAX_URL) {
          ctx.report(
              FIELDS,
              ManifestDoc.at(ctx, at + "/migrationGuideUrl"),
              "migrationGuideUrl is " + u.length() + " characters long: at most " + MAX_URL + " are allowed",
              "link a shorter URL");
        }
      }
      JsonNode answer = m.path("willMigrateToForgeBeforeEOS");
      if (answer.isMissingNode()) {
        ctx.report(
            FIELDS,
            ManifestDoc.at(ctx, at),
            type + " module has no willMigrateToForgeBeforeEOS",
            "add willMigrateToForgeBeforeEOS: YES, NO or UNDECIDED");
      } else if (!ManifestDoc.templated(answer) && !(answer.isTextual() && ANSWERS.contains(answer.asText()))) {
        ctx.report(
            FIELDS,
            ManifestDoc.at(ctx, at + "/willMigrateToForgeBeforeEOS"),
            "willMigrateToForgeBeforeEOS is " + AppConnectCheck.describe(answer) + ": expected YES, NO or UNDECIDED",
            "write one of YES, NO or UNDECIDED (upper case)");
      }
    }
  }
}
