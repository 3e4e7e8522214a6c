package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.text.Strings;

/**
 * The manifest's {@code remotes}, as Forge checks them: a key of at most 23 letters, digits, {@code _} and {@code -},
 * unique; a {@code baseUrl} (an https URL, or a map of region URLs with {@code default}) or {@code configurable};
 * {@code operations} from {@code storage}, {@code compute}, {@code fetch}, {@code other}, with {@code storage} needing
 * {@code storage.inScopeEUD}; and every {@code permissions.external.fetch} entry {@code {remote: k}} naming a remote.
 */
public final class RemotesCheck implements Check {
  public static final Rule KEY =
      Rule.of(
          "manifest/remote-key",
          Severity.ERROR,
          "A remote has no key, a key that is not 1-23 letters, digits, '_' and '-', or the key of another remote:"
              + " forge deploy refuses the manifest.");
  public static final Rule BASE_URL =
      Rule.of(
          "manifest/remote-base-url",
          Severity.ERROR,
          "A remote has neither baseUrl nor configurable, a baseUrl that is not https, or a region map without"
              + " 'default' or with an unknown region: forge deploy refuses the manifest.");
  public static final Rule OPERATIONS =
      Rule.of(
          "manifest/remote-operations",
          Severity.ERROR,
          "A remote's operations are not from storage, compute, fetch and other, or it declares storage without"
              + " storage.inScopeEUD: forge deploy refuses the manifest.");
  public static final Rule FETCH_REMOTE =
      Rule.of(
          "manifest/fetch-remote",
          Severity.ERROR,
          "A permissions.external.fetch entry names a remote the manifest does not declare: forge deploy refuses"
              + " the manifest.");

  static final Set<String> REGIONS = Set.of("EU", "US", "AU", "DE", "SG", "CA", "IN", "KR", "JP", "GB", "CH");
  static final List<String> OPERATION_NAMES = List.of("storage", "compute", "fetch", "other");

  @Override
  public List<Rule> rules() {
    return List.of(KEY, BASE_URL, OPERATIONS, FETCH_REMOTE);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null) {
      return;
    }
    JsonNode remotes = doc.path("remotes");
    Map<String, String> seen = new HashMap<>();
    ConnectParts.RemoteRef connectRemote = ctx.descriptor().origin().connect() ? ConnectParts.remote(doc) : null;
    for (int i = 0; i < remotes.size(); i++) {
      JsonNode remote = remotes.get(i);
      String pointer = "/remotes/" + i;
      if (!remote.isObject()) {
        continue;
      }
      String name = checkKey(ctx, remote, pointer, seen);
      checkBaseUrl(ctx, remote, pointer, name, connectRemote != null && connectRemote.index() == i);
      checkOperations(ctx, remote, pointer, name);
    }
    checkFetch(ctx, doc);
  }

  private static String checkKey(CheckContext ctx, JsonNode remote, String pointer, Map<String, String> seen) {
    JsonNode key = remote.path("key");
    if (!key.isTextual()) {
      ctx.report(
          KEY,
          ManifestDoc.at(ctx, pointer),
          "remote " + pointer.substring(pointer.lastIndexOf('/') + 1) + " has no key",
          "add key: <name> (at most 23 letters, digits, '_' and '-'); modules and app.connect.remote refer to it");
      return "#" + pointer.substring(pointer.lastIndexOf('/') + 1);
    }
    String k = key.asText();
    if (ManifestDoc.templated(key)) {
      return k;
    }
    if (k.isEmpty() || k.length() > AppConnectCheck.REMOTE_MAX || !AppConnectCheck.REMOTE_CHARS.matcher(k).matches()) {
      ctx.report(
          KEY,
          ManifestDoc.at(ctx, pointer + "/key"),
          "remote key \"" + k + "\" must be 1-" + AppConnectCheck.REMOTE_MAX + " letters, digits, '_' and '-'",
          "rename the remote, and every reference to it");
    }
    String earlier = seen.putIfAbsent(k, pointer + "/key");
    if (earlier != null) {
      ctx.report(
          KEY,
          ManifestDoc.at(ctx, pointer + "/key"),
          "remote key \"" + k + "\" is already used by " + Pointers.readable(Pointers.parent(earlier)) + " (line "
              + ManifestDoc.at(ctx, earlier).line() + "): remote keys must be unique",
          "rename or merge one of the two remotes",
          List.of(new Finding.Related(ManifestDoc.at(ctx, earlier), "first used here")));
    }
    return k;
  }

  /**
   * @param describedElsewhere true for the remote serving the Connect modules: its baseUrl (or default URL) is the
   *     descriptor's, which the base-url rules check, so it is not reported twice
   */
  private static void checkBaseUrl(
      CheckContext ctx, JsonNode remote, String pointer, String name, boolean describedElsewhere) {
    JsonNode baseUrl = remote.path("baseUrl");
    if (baseUrl.isMissingNode() || baseUrl.isNull()) {
      if (!remote.has("configurable")) {
        ctx.report(
            BASE_URL,
            ManifestDoc.at(ctx, pointer),
            "A remote must declare either baseUrl or configurable: remote '" + name + "' has neither",
            "add baseUrl: https://<your app's host>");
      }
      return;
    }
    String at = pointer + "/baseUrl";
    if (baseUrl.isTextual()) {
      if (!describedElsewhere) {
        checkUrl(ctx, baseUrl, at, "baseUrl of remote '" + name + "'");
      }
    } else if (baseUrl.isObject()) {
      if (!baseUrl.has("default")) {
        ctx.report(
            BASE_URL,
            ManifestDoc.atKey(ctx, at),
            "the region map of remote '" + name + "' has no 'default' URL: it is required",
            "add default: https://... for sites outside the listed regions");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = baseUrl.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String regionAt = Pointers.child(at, e.getKey());
        if (!e.getKey().equals("default") && !REGIONS.contains(e.getKey())) {
          List<String> close = Strings.closest(e.getKey(), REGIONS.stream().sorted().toList());
          ctx.report(
              BASE_URL,
              ManifestDoc.atKey(ctx, regionAt),
              "'" + e.getKey() + "' in the baseUrl of remote '" + name + "' is not a region Forge knows",
              (close.isEmpty() ? "" : "did you mean '" + close.get(0) + "'? ")
                  + "regions: default, " + String.join(", ", REGIONS.stream().sorted().toList()));
        }
        if (!(describedElsewhere && e.getKey().equals("default"))) {
          checkUrl(ctx, e.getValue(), regionAt, "the " + e.getKey() + " baseUrl of remote '" + name + "'");
        }
      }
    } else {
      ctx.report(
          BASE_URL,
          ManifestDoc.at(ctx, at),
          "baseUrl of remote '" + name + "' must be a URL or a map of region URLs, not "
              + AppConnectCheck.describe(baseUrl),
          "write baseUrl: https://<your app's host>");
    }
  }

  private static void checkUrl(CheckContext ctx, JsonNode url, String at, String what) {
    if (ManifestDoc.templated(url)) {
      return;
    }
    String text = url.asText("");
    if (!url.isTextual() || !text.regionMatches(true, 0, "https://", 0, 8) || text.length() <= 8) {
      ctx.report(
          BASE_URL,
          ManifestDoc.at(ctx, at),
          what + " is " + AppConnectCheck.describe(url) + ": Forge remotes must use an https URL",
          "serve the app over https and write its https URL");
    }
  }

  private static void checkOperations(CheckContext ctx, JsonNode remote, String pointer, String name) {
    JsonNode operations = remote.path("operations");
    if (operations.isMissingNode()) {
      return;
    }
    String at = pointer + "/operations";
    if (!operations.isArray() || operations.isEmpty()) {
      ctx.report(
          OPERATIONS,
          ManifestDoc.at(ctx, at),
          "operations of remote '" + name + "' must be a list of at least one of storage, compute, fetch and other",
          "list what the remote does, e.g. [storage, compute]");
      return;
    }
    boolean storage = false;
    for (int i = 0; i < operations.size(); i++) {
      String op = operations.get(i).asText("");
      if (op.equals("storage")) {
        storage = true;
      }
      if (!OPERATION_NAMES.contains(op)) {
        List<String> close = Strings.closest(op, OPERATION_NAMES);
        ctx.report(
            OPERATIONS,
            ManifestDoc.at(ctx, at + "/" + i),
            "operation " + AppConnectCheck.describe(operations.get(i)) + " of remote '" + name
                + "' is not one of storage, compute, fetch and other",
            close.isEmpty() ? "use storage, compute, fetch or other" : "did you mean '" + close.get(0) + "'?");
      }
    }
    if (storage && !remote.path("storage").path("inScopeEUD").isBoolean()) {
      ctx.report(
          OPERATIONS,
          ManifestDoc.atKey(ctx, at),
          "missing storage.inScopeEUD for remote '" + name + "': a remote with the storage operation must say whether"
              + " it stores end-user data in scope of data residency",
          "add storage: {inScopeEUD: true} (or false) to the remote; turning it true later needs admin approval");
    }
  }

  private static void checkFetch(CheckContext ctx, JsonNode doc) {
    JsonNode fetch = doc.path("permissions").path("external").path("fetch");
    if (!fetch.isObject()) {
      return;
    }
    List<String> keys = ManifestDoc.remoteKeys(doc);
    for (Iterator<Map.Entry<String, JsonNode>> it = fetch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        JsonNode remote = list.get(i).path("remote");
        if (!remote.isTextual() || ManifestDoc.templated(remote) || keys.contains(remote.asText())) {
          continue;
        }
        String at = "/permissions/external/fetch/" + Pointers.escape(e.getKey()) + "/" + i + "/remote";
        List<String> close = Strings.closest(remote.asText(), keys);
        ctx.report(
            FETCH_REMOTE,
            ManifestDoc.at(ctx, at),
            "permissions.external.fetch." + e.getKey() + " names remote '" + remote.asText()
                + "', but the manifest declares no remote with that key",
            close.isEmpty()
                ? (keys.isEmpty() ? "declare the remote under remotes:" : "declared remotes: "
                    + Strings.quoteList(keys, "and"))
                : "did you mean '" + close.get(0) + "'?");
      }
    }
  }
}
