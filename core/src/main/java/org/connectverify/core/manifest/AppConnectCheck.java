package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.text.Strings;

/**
 * The manifest's {@code app.connect} block, as the Forge platform checks it ({@code @forge/manifest} 12.5.0): the key
 * (required, 1-90 characters of letters, digits, {@code -}, {@code .}, {@code _}), the remote that serves the Connect
 * modules (required with {@code connectModules}, at most 23 characters of letters, digits, {@code _}, {@code -}, naming
 * a declared remote that is not {@code configurable}) and the legacy {@code authentication} (only {@code jwt}, and only
 * with {@code connectModules}). A manifest without {@code app.connect} is a plain Forge app and gets nothing here.
 *
 * <p>With Connect modules, {@code app.connect.key} is the derived descriptor's key and {@code authentication} its
 * authentication type: the descriptor rules check those ({@code descriptor/app-key-*}, {@code schema/required}, {@code
 * schema/enum}), and this check reports only what they let through (a key when there are no Connect modules; {@code
 * none} or an upper-case {@code JWT}, which Connect accepts and Forge does not).
 */
public final class AppConnectCheck implements Check {
  public static final Rule KEY =
      Rule.of(
          "manifest/connect-key",
          Severity.ERROR,
          "app.connect.key is missing, empty, longer than 90 characters or has characters other than letters, digits,"
              + " '-', '.' and '_': forge deploy refuses the manifest.");
  public static final Rule REMOTE =
      Rule.of(
          "manifest/connect-remote",
          Severity.ERROR,
          "app.connect.remote is missing although connectModules exist, is malformed, names no declared remote, or"
              + " names a configurable remote: forge deploy refuses the manifest.");
  public static final Rule AUTHENTICATION =
      Rule.of(
          "manifest/connect-authentication",
          Severity.ERROR,
          "app.connect.authentication is not 'jwt', or is set without connectModules: forge deploy refuses the"
              + " manifest.");

  static final int KEY_MAX = 90;
  static final int REMOTE_MAX = 23;
  private static final Pattern KEY_CHARS = Pattern.compile("[a-zA-Z0-9._-]+");
  static final Pattern REMOTE_CHARS = Pattern.compile("[a-zA-Z0-9_-]+");

  @Override
  public List<Rule> rules() {
    return List.of(KEY, REMOTE, AUTHENTICATION);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null || !doc.path("app").has("connect")) {
      return;
    }
    JsonNode connect = doc.path("app").path("connect");
    if (!connect.isObject()) {
      ctx.report(
          KEY,
          ManifestDoc.at(ctx, "/app/connect"),
          "app.connect must be a mapping with at least a key, not " + describe(connect),
          "write app.connect as a mapping: key: <your Connect app key>, remote: <the remote serving it>");
      return;
    }
    if (!ctx.descriptor().origin().connect()) {
      checkKey(ctx, connect); // with Connect modules, app.connect.key is the descriptor's key: its rules check it
    }
    checkRemote(ctx, doc, connect);
    checkAuthentication(ctx, doc, connect);
  }

  private static void checkKey(CheckContext ctx, JsonNode connect) {
    JsonNode key = connect.path("key");
    String pointer = "/app/connect/key";
    if (key.isMissingNode() || key.isNull()) {
      ctx.report(
          KEY,
          ManifestDoc.atKey(ctx, "/app/connect"),
          "app.connect.key is missing: a manifest with app.connect must name the Connect app's key",
          "set app.connect.key to the key of the Connect app on the Marketplace (key continuity keeps existing"
              + " installs); use ${CONNECT_KEY} to give each environment its own key");
      return;
    }
    if (ManifestDoc.templated(key)) {
      return;
    }
    if (!key.isTextual()) {
      ctx.report(KEY, ManifestDoc.at(ctx, pointer), "app.connect.key must be a string, not " + describe(key),
          "quote the key");
      return;
    }
    String k = key.asText();
    int length = k.codePointCount(0, k.length());
    if (k.isEmpty()) {
      ctx.report(KEY, ManifestDoc.at(ctx, pointer), "app.connect.key is empty",
          "set app.connect.key to the key of the Connect app on the Marketplace");
    } else if (length > KEY_MAX) {
      ctx.report(
          KEY,
          ManifestDoc.at(ctx, pointer),
          "app.connect.key is " + length + " characters long: Forge allows at most " + KEY_MAX,
          "use the Connect app's own key; it cannot change once a production version is deployed");
    } else if (!KEY_CHARS.matcher(k).matches()) {
      ctx.report(
          KEY,
          ManifestDoc.at(ctx, pointer),
          "app.connect.key \"" + k + "\" has characters other than letters, digits, '-', '.' and '_'",
          "use the Connect app's own key, e.g. \"com.example.my-app\"");
    }
  }

  private static void checkRemote(CheckContext ctx, JsonNode doc, JsonNode connect) {
    JsonNode remote = connect.path("remote");
    String pointer = "/app/connect/remote";
    if (remote.isMissingNode() || remote.isNull()) {
      if (ManifestDoc.hasConnectModules(doc)) {
        ctx.report(
            REMOTE,
            ManifestDoc.atKey(ctx, "/app/connect"),
            "missing app.connect.remote: app.connect.remote is required if connectModules are present",
            "add remote: <key of the remote that serves the Connect modules> under app.connect");
      }
      return;
    }
    if (ManifestDoc.templated(remote)) {
      return;
    }
    if (!remote.isTextual()) {
      ctx.report(REMOTE, ManifestDoc.at(ctx, pointer),
          "app.connect.remote must be a string naming a remote, not " + describe(remote),
          "set it to the key of one of the manifest's remotes");
      return;
    }
    String name = remote.asText();
    if (name.isEmpty() || name.length() > REMOTE_MAX || !REMOTE_CHARS.matcher(name).matches()) {
      ctx.report(
          REMOTE,
          ManifestDoc.at(ctx, pointer),
          "app.connect.remote \"" + name + "\" is not a remote key: at most " + REMOTE_MAX
              + " letters, digits, '_' and '-'",
          "set it to the key of one of the manifest's remotes");
      return;
    }
    List<String> keys = ManifestDoc.remoteKeys(doc);
    int index = -1;
    JsonNode remotes = doc.path("remotes");
    for (int i = 0; i < remotes.size(); i++) {
      if (remotes.get(i).path("key").asText("").equals(name)) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      List<String> close = Strings.closest(name, keys);
      String hint =
          !close.isEmpty()
              ? "did you mean \"" + close.get(0) + "\"?"
              : keys.isEmpty()
                  ? "declare the remote under remotes: (key: " + name + ", baseUrl: https://...)"
                  : "declared remotes: " + Strings.quoteList(keys, "and");
      ctx.report(
          REMOTE,
          ManifestDoc.at(ctx, pointer),
          "no remote found with key '" + name + "' matching app.connect.remote value",
          hint);
      return;
    }
    JsonNode configurable = remotes.get(index).path("configurable");
    if (configurable.asBoolean(false)) {
      String at = "/remotes/" + index + "/configurable";
      ctx.report(
          REMOTE,
          ManifestDoc.at(ctx, at),
          "Connect remotes cannot be configurable: remote '" + name + "' serves the Connect modules"
              + " (app.connect.remote) but is declared configurable",
          "give the Connect remote a fixed baseUrl and drop configurable; only other remotes may be configurable");
    }
  }

  private static void checkAuthentication(CheckContext ctx, JsonNode doc, JsonNode connect) {
    JsonNode auth = connect.path("authentication");
    if (auth.isMissingNode()) {
      return;
    }
    String pointer = "/app/connect/authentication";
    if (!ManifestDoc.templated(auth) && !auth.asText("").equals("jwt") && !schemaReports(ctx, auth)) {
      ctx.report(
          AUTHENTICATION,
          ManifestDoc.at(ctx, pointer),
          "app.connect.authentication is " + describe(auth) + ": the only value Forge accepts is 'jwt'",
          "write authentication: jwt, or drop the line (Connect on Forge always signs with JWT)");
    }
    JsonNode modules = doc.path("connectModules");
    if (modules.isMissingNode() || modules.isNull()) {
      ctx.report(
          AUTHENTICATION,
          ManifestDoc.atKey(ctx, pointer),
          "Missing connectModules. When app.connect.authentication is present, connectModules is required.",
          "drop app.connect.authentication once the app has no Connect modules left");
    }
  }

  /**
   * True when the descriptor's schema rules already report this authentication value: with Connect modules it becomes
   * the descriptor's {@code authentication.type}, and the schema refuses anything but jwt and none in either case.
   */
  private static boolean schemaReports(CheckContext ctx, JsonNode auth) {
    String lower = auth.asText("").toLowerCase(java.util.Locale.ROOT);
    return ctx.descriptor().origin().connect() && !lower.equals("jwt") && !lower.equals("none");
  }

  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "'" + value.asText() + "'";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.isNull() ? "empty" : "'" + value.asText() + "'";
  }
}
