package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * {@code app.id}: Forge's app ARI, {@code ari:cloud:ecosystem::app/<uuid>}, which {@code forge register} writes. The
 * converter's placeholder {@code ari:cloud:ecosystem::app/invalid-run-forge-register} passes the linter but names no
 * app, so deploying fails until {@code forge register} replaces it. A value that still holds {@code ${VAR}} is the
 * templating step's to report.
 */
public final class AppIdCheck implements Check {
  public static final Rule FORMAT =
      Rule.of(
          "manifest/app-id-format",
          Severity.ERROR,
          "app.id is missing or not ari:cloud:ecosystem::app/<uuid>: forge deploy refuses the manifest.");
  public static final Rule PLACEHOLDER =
      Rule.of(
          "manifest/app-id-placeholder",
          Severity.WARNING,
          "app.id is the placeholder ari:cloud:ecosystem::app/invalid-run-forge-register: run forge register before"
              + " deploying.");

  static final String PLACEHOLDER_ID = "ari:cloud:ecosystem::app/invalid-run-forge-register";
  private static final Pattern ARI =
      Pattern.compile(
          "ari:cloud:ecosystem::app/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Override
  public List<Rule> rules() {
    return List.of(FORMAT, PLACEHOLDER);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null) {
      return;
    }
    JsonNode id = doc.path("app").path("id");
    if (id.isMissingNode() || id.isNull()) {
      ctx.report(
          FORMAT,
          ManifestDoc.atKey(ctx, doc.path("app").isObject() ? "/app" : ""),
          "app.id is missing: every Forge manifest names its app",
          "run forge register, which writes app.id");
      return;
    }
    if (ManifestDoc.templated(id)) {
      return;
    }
    String value = id.asText("");
    if (value.equals(PLACEHOLDER_ID)) {
      ctx.report(
          PLACEHOLDER,
          ManifestDoc.at(ctx, "/app/id"),
          "app.id is the placeholder '" + PLACEHOLDER_ID + "': forge deploy fails until the app is registered",
          "run forge register (or paste the id of the registered app); use ${APP_ID} if each environment has its"
              + " own");
    } else if (!id.isTextual() || !ARI.matcher(value).matches()) {
      ctx.report(
          FORMAT,
          ManifestDoc.at(ctx, "/app/id"),
          "app.id " + AppConnectCheck.describe(id) + " is not a Forge app id (ari:cloud:ecosystem::app/<uuid>)",
          "copy the id forge register wrote, e.g. ari:cloud:ecosystem::app/0b7c2f4e-5d1a-4c3e-9f8a-2e6d7c1b9a40");
    }
  }
}
