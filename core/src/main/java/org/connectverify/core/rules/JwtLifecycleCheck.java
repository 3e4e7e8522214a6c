package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * What a JWT app needs in its descriptor: an {@code installed} lifecycle callback (the only way it receives the shared
 * secret that signs every request), {@code apiMigrations.signed-install: true} (install and uninstall callbacks
 * signed with RS256, enforced since October 2021) and {@code apiMigrations.context-qsh: true} (context JWTs carry
 * the fixed {@code qsh} claim). An app with no {@code authentication} object, or a type the schema rejects, is the
 * schema's to report.
 */
public final class JwtLifecycleCheck implements Check {
  public static final Rule INSTALLED_MISSING =
      Rule.of(
          "auth/installed-missing",
          Severity.ERROR,
          "A JWT app has no lifecycle.installed callback, so it never receives the shared secret.");
  public static final Rule SIGNED_INSTALL =
      Rule.of(
          "auth/signed-install",
          Severity.INFO,
          "A JWT app does not opt into signed install callbacks (apiMigrations.signed-install: true).");
  public static final Rule CONTEXT_QSH =
      Rule.of(
          "auth/context-qsh",
          Severity.INFO,
          "A JWT app does not opt into the context-qsh migration (apiMigrations.context-qsh: true).");

  @Override
  public List<Rule> rules() {
    return List.of(INSTALLED_MISSING, SIGNED_INSTALL, CONTEXT_QSH);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode root = ctx.root();
    if (Authentication.of(root) != Authentication.JWT) {
      return;
    }
    JsonNode lifecycle = root.path("lifecycle");
    boolean hasInstalled = lifecycle.has("installed");
    boolean hasUninstalled = lifecycle.has("uninstalled");
    if (!hasInstalled) {
      ctx.report(
          INSTALLED_MISSING,
          lifecycle.isObject() ? ctx.atKey("/lifecycle") : authenticationAt(ctx),
          "the app uses JWT authentication" + typeNote(root) + " but has no lifecycle.installed callback: the"
              + " host sends the shared secret only to that callback, so the app cannot verify or sign any JWT",
          "add \"lifecycle\": {\"installed\": \"/installed\"} and store the clientKey and sharedSecret it receives,"
              + " or use \"authentication\": {\"type\": \"none\"} if the app never checks or makes JWT requests");
    }
    JsonNode migrations = root.path("apiMigrations");
    if (hasInstalled || hasUninstalled) {
      migration(
          ctx,
          migrations,
          "signed-install",
          SIGNED_INSTALL,
          "install and uninstall callbacks are signed with the shared secret, which anyone who saw an earlier"
              + " install could forge; signed install (RS256, with Atlassian's public key) has been enforced since"
              + " 29 October 2021",
          "set \"apiMigrations\": {\"signed-install\": true} and verify the callbacks' RS256 JWTs against"
              + " https://connect-install-keys.atlassian.com/<kid>");
    }
    migration(
        ctx,
        migrations,
        "context-qsh",
        CONTEXT_QSH,
        "context JWTs (AP.context.getToken()) carry no qsh claim, so the app cannot tell them from request JWTs",
        "set \"apiMigrations\": {\"context-qsh\": true} and accept qsh \"context-qsh\" only on the endpoints that"
            + " take context tokens");
  }

  private static void migration(
      CheckContext ctx, JsonNode migrations, String name, Rule rule, String why, String hint) {
    JsonNode flag = migrations.path(name);
    if (flag.isBoolean() && flag.booleanValue()) {
      return;
    }
    if (!flag.isMissingNode() && !flag.isBoolean()) {
      return; // not a boolean: schema/type
    }
    Position at;
    String state;
    if (flag.isBoolean()) {
      at = ctx.at("/apiMigrations/" + name);
      state = "apiMigrations." + name + " is false";
    } else {
      at = migrations.isObject() ? ctx.atKey("/apiMigrations") : authenticationAt(ctx);
      state = "apiMigrations." + name + " is not set";
    }
    ctx.report(rule, at, state + ": " + why, hint);
  }

  private static Position authenticationAt(CheckContext ctx) {
    return ctx.root().path("authentication").has("type")
        ? ctx.at("/authentication/type")
        : ctx.atKey("/authentication");
  }

  private static String typeNote(JsonNode root) {
    return root.path("authentication").has("type") ? "" : " (the default when authentication.type is absent)";
  }
}
