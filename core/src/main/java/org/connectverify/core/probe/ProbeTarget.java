package org.connectverify.core.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.Descriptor;
import org.connectverify.core.Product;
import org.connectverify.core.json.Pointers;

/**
 * What the probe can exercise in one descriptor: the app key, the lifecycle callbacks, and every endpoint the product
 * would call with a JWT (page-like modules as GET with the token in the {@code jwt} query parameter, webhooks as POST
 * with {@code Authorization: JWT}), with their context parameters filled in as the product would.
 */
public final class ProbeTarget {
  /** How the product calls an endpoint. */
  public enum Kind {
    PAGE,
    WEBHOOK
  }

  /**
   * One endpoint: its kind, a label for messages, the path and query relative to the baseUrl (context filled, not
   * yet carrying a token), and the JSON pointer of its {@code url} in the descriptor.
   */
  public record Endpoint(Kind kind, String label, String pathAndQuery, String pointer) {
    public String method() {
      return kind == Kind.WEBHOOK ? "POST" : "GET";
    }
  }

  /** Module types whose {@code url} is not a page the product loads with a JWT. */
  private static final Set<String> NOT_PAGES =
      Set.of("webhooks", "webItems", "webSections", "jiraEntityProperties", "jiraSearchRequestViews", "keyboardShortcuts");

  /** Module types only Confluence has, enough to tell the product type for the install payload. */
  private static final Set<String> CONFLUENCE_ONLY =
      Set.of("dynamicContentMacros", "staticContentMacros", "spacePages", "customContent", "blueprints",
          "confluenceContentProperties", "contentBylineItems", "spaceToolsTabs", "profilePages");

  /** Values the probe puts into context parameters ({@code {issue.key}}, {@code ${project.id}}). */
  private static final Map<String, String> CONTEXT =
      Map.ofEntries(
          Map.entry("issue.key", "PROBE-1"),
          Map.entry("issue.id", "10001"),
          Map.entry("issuetype.id", "10002"),
          Map.entry("project.key", "PROBE"),
          Map.entry("project.id", "10000"),
          Map.entry("project.type", "software"),
          Map.entry("board.id", "1"),
          Map.entry("sprint.id", "1"),
          Map.entry("version.id", "10003"),
          Map.entry("component.id", "10004"),
          Map.entry("user.id", "connect-verify-probe-user"),
          Map.entry("user.key", "connect-verify-probe-user"),
          Map.entry("user.accountId", "connect-verify-probe-user"),
          Map.entry("space.key", "PROBE"),
          Map.entry("space.id", "10005"),
          Map.entry("page.id", "10006"),
          Map.entry("content.id", "10006"),
          Map.entry("content.type", "page"),
          Map.entry("macro.id", "probe-macro"),
          Map.entry("macro.hash", "probe-macro"),
          Map.entry("output.type", "display"));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\{([^{}]*)}");

  private final Descriptor descriptor;
  private final String appKey;
  private final String installedPath;
  private final String uninstalledPath;
  private final boolean signedInstall;
  private final String authenticationType;
  private final Product product;
  private final List<Endpoint> endpoints;
  private final List<String> skipped;

  private ProbeTarget(Descriptor d) {
    this.descriptor = d;
    JsonNode root = d.root();
    this.appKey = root.path("key").asText("");
    this.installedPath = text(root.path("lifecycle").path("installed"));
    this.uninstalledPath = text(root.path("lifecycle").path("uninstalled"));
    this.signedInstall = root.path("apiMigrations").path("signed-install").asBoolean(false);
    this.authenticationType = root.path("authentication").path("type").asText("jwt").toLowerCase(Locale.ROOT);
    List<Endpoint> found = new ArrayList<>();
    List<String> skip = new ArrayList<>();
    boolean confluence = false;
    JsonNode modules = root.path("modules");
    Iterator<Map.Entry<String, JsonNode>> types = modules.isObject() ? modules.fields() : java.util.Collections.emptyIterator();
    while (types.hasNext()) {
      Map.Entry<String, JsonNode> type = types.next();
      confluence |= CONFLUENCE_ONLY.contains(type.getKey());
      String typePointer = Pointers.child("/modules", type.getKey());
      if (type.getValue().isArray()) {
        for (int i = 0; i < type.getValue().size(); i++) {
          add(type.getKey(), type.getValue().get(i), Pointers.child(typePointer, i), found, skip);
        }
      } else if (type.getValue().isObject()) {
        add(type.getKey(), type.getValue(), typePointer, found, skip);
      }
    }
    this.product =
        d.product() == Product.JIRA || d.product() == Product.CONFLUENCE
            ? d.product()
            : confluence ? Product.CONFLUENCE : Product.JIRA;
    this.endpoints = List.copyOf(found);
    this.skipped = List.copyOf(skip);
  }

  /** The probe's view of a parsed descriptor. */
  public static ProbeTarget of(Descriptor descriptor) {
    return new ProbeTarget(descriptor);
  }

  private static void add(String type, JsonNode module, String pointer, List<Endpoint> found, List<String> skipped) {
    if (!module.isObject()) {
      return;
    }
    JsonNode url = module.path("url");
    if (!url.isTextual()) {
      return;
    }
    String key = module.path("key").asText(module.path("event").asText(""));
    String label = type + (key.isEmpty() ? "" : " '" + key + "'");
    boolean webhook = type.equals("webhooks");
    if (!webhook && NOT_PAGES.contains(type)) {
      return;
    }
    String u = url.asText();
    if (!u.startsWith("/")) {
      skipped.add(label + " (url '" + u + "' is not relative to the baseUrl)");
      return;
    }
    found.add(new Endpoint(webhook ? Kind.WEBHOOK : Kind.PAGE, label, fill(u), pointer + "/url"));
  }

  /** Replaces {@code {name}} and {@code ${name}} with the probe's context values, percent-encoded; unknown become 1. */
  static String fill(String url) {
    Matcher m = PLACEHOLDER.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = CONTEXT.getOrDefault(m.group(1).trim(), "1");
      m.appendReplacement(out, Matcher.quoteReplacement(Qsh.percentEncode(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }

  public Descriptor descriptor() {
    return descriptor;
  }

  public String appKey() {
    return appKey;
  }

  /** The {@code installed} callback path relative to the baseUrl, or null when the descriptor has none. */
  public String installedPath() {
    return installedPath;
  }

  /** The {@code uninstalled} callback path, or null. */
  public String uninstalledPath() {
    return uninstalledPath;
  }

  public boolean signedInstall() {
    return signedInstall;
  }

  /** {@code jwt} or {@code none}, lower case. */
  public String authenticationType() {
    return authenticationType;
  }

  /** JIRA or CONFLUENCE: the {@code productType} of the synthetic tenant. */
  public Product product() {
    return product;
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** Modules the probe cannot call, with the reason (e.g. absolute URLs elsewhere). */
  public List<String> skipped() {
    return skipped;
  }
}
