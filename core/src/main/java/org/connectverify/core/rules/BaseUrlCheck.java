package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.template.TemplateEngine;
import org.connectverify.core.text.Uris;

/**
 * The app's {@code baseUrl}, beyond the schema (which only checks that it is a string of at most 200 characters). At
 * most one of placeholder / invalid is reported, since either makes the other checks meaningless; a real URL is then
 * checked for its host (an Atlassian site, a local machine), its scheme and a trailing slash. A value that still holds
 * a template placeholder ({@code {{localBaseUrl}}}, {@code ${addon.base-url}}) is left to the templating step.
 */
public final class BaseUrlCheck implements Check {
  public static final Rule PLACEHOLDER =
      Rule.of(
          "base-url/placeholder",
          Severity.WARNING,
          "The baseUrl is empty or placeholder text (\"<url>\", \"REPLACE_THIS...\"): filled at deploy time, or never;"
              + " a release-gate rule (an error with --strict).");
  public static final Rule INVALID =
      Rule.of("base-url/invalid", Severity.ERROR, "The baseUrl is not an absolute http(s) URL with a host.");
  public static final Rule HTTPS =
      Rule.of("base-url/https", Severity.ERROR, "The baseUrl does not use https (and is not a local address).");
  public static final Rule LOCALHOST =
      Rule.of(
          "base-url/localhost",
          Severity.WARNING,
          "The baseUrl points at the local machine: fine while developing, but no cloud site can reach it.");
  public static final Rule TRAILING_SLASH =
      Rule.of(
          "base-url/trailing-slash",
          Severity.WARNING,
          "The baseUrl ends with '/', so relative URLs such as \"/installed\" resolve to \"...//installed\".");
  public static final Rule TUNNEL_HOST =
      Rule.of(
          "base-url/tunnel-host",
          Severity.WARNING,
          "The baseUrl or links.self is a development tunnel (ngrok and the like) that stops answering when the"
              + " developer's session ends; a release-gate rule (an error with --strict).");
  public static final Rule SELF_NO_HOST =
      Rule.of(
          "base-url/self-no-host",
          Severity.WARNING,
          "links.self is not an absolute URL with a host (\"/atlassian-connect.json\", \"https:///...\"), so it names"
              + " no server to read the descriptor from; a release-gate rule (an error with --strict).");
  public static final Rule ATLASSIAN_HOST =
      Rule.of(
          "base-url/atlassian-host",
          Severity.ERROR,
          "The baseUrl points at an Atlassian site instead of the server that hosts the app.");

  /** Words that only placeholder text contains: {@code REPLACE_THIS}, {@code <replace>}, {@code will.be.replaced}. */
  private static final Pattern PLACEHOLDER_WORDS =
      Pattern.compile(
          "(?i)(^|[^a-z])(replace(d|_?me)?|change_?me|changeit|placeholder|your[-_.]?(app|domain|host|server|site"
              + "|url|subdomain|tunnel|ngrok|company)|insert[-_]?(url|here))([^a-z]|$)");
  /** What each of {@link #PLACEHOLDER_WORDS}'s alternatives starts with, lower case. */
  private static final List<String> PLACEHOLDER_WORD_STARTS =
      List.of("replace", "change", "placeholder", "your", "insert");
  /** Upper-case markers: {@code TODO}, {@code FIXME}, {@code XXX}. */
  private static final Pattern PLACEHOLDER_MARKERS = Pattern.compile("(^|[^A-Za-z])(TODO|FIXME|XXX+)([^A-Za-z]|$)");
  /** An environment-variable-like name used as the whole value: {@code BASE_URL}. */
  private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
  /** A scheme glued to a property name: {@code addon.http://localhost:8082}. */
  private static final Pattern GLUED_SCHEME = Pattern.compile("(?i)^[a-z0-9_.-]+[._-](https?)://.*");

  @Override
  public List<Rule> rules() {
    return List.of(PLACEHOLDER, INVALID, HTTPS, LOCALHOST, TRAILING_SLASH, ATLASSIAN_HOST, TUNNEL_HOST, SELF_NO_HOST);
  }

  @Override
  public void check(CheckContext ctx) {
    selfWithoutHost(ctx);
    JsonNode node = ctx.root().path("baseUrl");
    if (!node.isTextual()) {
      return; // missing or not a string: schema/required or schema/type
    }
    String value = node.asText();
    if (TemplateEngine.holdsPlaceholder(value)) {
      return; // the templating step substitutes it, or reports it unresolved
    }
    Position at = ctx.at("/baseUrl");
    String placeholder = placeholderReason(value);
    if (placeholder != null) {
      ctx.report(
          PLACEHOLDER,
          at,
          placeholder,
          "set baseUrl to the https URL the app is served from; for per-environment values use a template such as"
              + " {{localBaseUrl}} or ${addon.base-url}");
      return;
    }
    URI uri = parse(value);
    String invalid = invalidReason(value, uri);
    if (invalid != null) {
      ctx.report(
          INVALID,
          at,
          invalid,
          "baseUrl must be an absolute URL such as \"https://my-app.example.net\": every relative URL in the"
              + " descriptor resolves against it");
      return;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String site = atlassianSite(host);
    if (site != null) {
      ctx.report(
          ATLASSIAN_HOST,
          at,
          "baseUrl \"" + value + "\" points at " + site + ": the baseUrl is where the app itself is hosted, not the"
              + " Atlassian site it is installed in",
          "set baseUrl to the server that serves this descriptor and the app's pages");
    }
    if (isLocal(host)) {
      ctx.report(
          LOCALHOST,
          at,
          "baseUrl \"" + value + "\" points at the local machine: only a product running on this machine can reach"
              + " it",
          "use a public https URL (a tunnel such as ngrok while developing) before installing in a cloud site");
    } else if (!scheme.equals("https")) {
      ctx.report(
          HTTPS,
          at,
          "baseUrl \"" + value + "\" uses " + scheme + ": Atlassian cloud requires https (plain http is accepted only"
              + " for localhost while developing)",
          "serve the app over https and change the baseUrl to \"https://" + value.substring(value.indexOf("://") + 3)
              + "\"");
    }
    String tunnel = tunnelHost(host);
    if (tunnel != null) {
      ctx.report(
          TUNNEL_HOST,
          at,
          "baseUrl \"" + value + "\" is a tunnel (" + tunnel + ") to a developer's machine: installed apps stop working"
              + " when the tunnel closes, and its name changes with every session",
          "set baseUrl to the app's production server before releasing; keep the tunnel URL in a dev-only"
              + " descriptor or a --var");
    }
    JsonNode self = ctx.root().path("links").path("self");
    if (self.isTextual() && !TemplateEngine.holdsPlaceholder(self.asText())) {
      URI selfUri = parse(self.asText().trim());
      String selfHost = selfUri == null ? null : selfUri.getHost();
      if (selfHost != null && tunnelHost(selfHost) != null && !selfHost.equalsIgnoreCase(host)) {
        ctx.report(
            TUNNEL_HOST,
            ctx.at("/links/self"),
            "links.self \"" + self.asText() + "\" is a tunnel (" + tunnelHost(selfHost) + "): the product reads the"
                + " descriptor again from it, which fails once the tunnel closes",
            "point links.self at the production descriptor URL (baseUrl + \"/atlassian-connect.json\")");
      }
    }
    String path = uri.getRawPath();
    if (path != null && path.endsWith("/")) {
      String joined = firstRootRelativeUrl(ctx.root());
      if (joined != null) { // with no "/..." URL the slash joins nothing
        ctx.report(
            TRAILING_SLASH,
            at,
            "baseUrl \"" + value + "\" ends with '/': relative URLs such as \"" + joined + "\" are appended to it"
                + " and become \"" + value + joined + "\" with a double slash",
            "remove the trailing '/' (\"" + value.replaceAll("/+$", "") + "\")");
      }
    }
  }

  /**
   * {@code links.self} with no host: a path ({@code "/atlassian-connect.json"}), a host-less URL
   * ({@code "https:///atlassian-connect.json"}, what an empty variable leaves) or a bare name. A baseUrl like that is
   * {@link #INVALID}, since every URL of the descriptor is joined to it; links.self is only where the descriptor says
   * it is published, so it is a release-gate finding, as a tunnel host there is. Left alone: a template placeholder
   * (the templating step's), and text of an unrendered server-side template ({@code <% BASE_URL %>/...}), which is no
   * URL at all.
   */
  private static void selfWithoutHost(CheckContext ctx) {
    JsonNode self = ctx.root().path("links").path("self");
    if (!self.isTextual() || TemplateEngine.holdsPlaceholder(self.asText())) {
      return;
    }
    String value = self.asText();
    String v = value.strip();
    if (v.indexOf('<') >= 0 || v.indexOf('>') >= 0 || v.chars().anyMatch(Character::isWhitespace)) {
      return;
    }
    URI uri = parse(v);
    if (uri != null && uri.getHost() != null && !uri.getHost().isEmpty()) {
      return;
    }
    String why;
    if (v.isEmpty()) {
      why = "links.self is empty";
    } else if (uri != null && uri.getScheme() != null) {
      why = "links.self \"" + value + "\" has no host name";
    } else {
      why = "links.self \"" + value + "\" is not an absolute URL: it has no scheme and host";
    }
    ctx.report(
        SELF_NO_HOST,
        ctx.at("/links/self"),
        why + ", so it names no server to read the app's descriptor from",
        "set links.self to the descriptor's full URL (baseUrl + \"/atlassian-connect.json\"), filled per environment"
            + " like the baseUrl ({{localBaseUrl}}, ${addon.base-url}), or leave links.self out");
  }

  /** The first URL in the descriptor's lifecycle or modules that starts with "/" (so a trailing slash doubles). */
  private static String firstRootRelativeUrl(JsonNode root) {
    for (String field : List.of("lifecycle", "modules")) {
      String found = firstSlashUrl(root.path(field), null);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String firstSlashUrl(JsonNode n, String name) {
    if (n.isTextual()) {
      String t = n.asText();
      boolean urlField = name != null && (name.equals("url") || name.endsWith("Url") || name.equals("installed")
          || name.equals("uninstalled") || name.equals("enabled") || name.equals("disabled"));
      return urlField && t.startsWith("/") && !t.startsWith("//") ? t : null;
    }
    if (n.isObject()) {
      for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        java.util.Map.Entry<String, JsonNode> e = it.next();
        String found = firstSlashUrl(e.getValue(), e.getKey());
        if (found != null) {
          return found;
        }
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        String found = firstSlashUrl(c, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Why {@code value} is placeholder text rather than a URL, or null when it is not. */
  public static String placeholderReason(String value) {
    if (value.isBlank()) {
      return value.isEmpty() ? "baseUrl is empty" : "baseUrl is blank";
    }
    String v = value.strip();
    if (v.indexOf('<') >= 0 || v.indexOf('>') >= 0) {
      return "baseUrl \"" + value + "\" is placeholder text, not a URL";
    }
    if (!v.contains("://") && v.chars().anyMatch(Character::isWhitespace)) {
      return "baseUrl \"" + value + "\" is text, not a URL";
    }
    if (mayHoldPlaceholderWord(v) && PLACEHOLDER_WORDS.matcher(v).find()
        || (v.contains("TODO") || v.contains("FIXME") || v.contains("XXX")) && PLACEHOLDER_MARKERS.matcher(v).find()
        || CONSTANT_NAME.matcher(v).matches()) {
      return "baseUrl \"" + value + "\" is placeholder text, not the app's URL";
    }
    return null;
  }

  /**
   * False when {@link #PLACEHOLDER_WORDS} cannot match: none of the words its alternatives start with is there (in any
   * ASCII case, as its {@code (?i)} compares). Every baseUrl is asked, twice in a run of many apps; few hold a word.
   */
  private static boolean mayHoldPlaceholderWord(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    for (String word : PLACEHOLDER_WORD_STARTS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** True when a name is glued before the scheme ({@code addon.base-url.https://x}): {@link #GLUED_SCHEME}. */
  static boolean gluedScheme(String value) {
    int colon = value.indexOf(':'); // a match has its first ':' after "x.http" and before "//": most URLs do not
    return colon >= 6 && value.startsWith("://", colon) && GLUED_SCHEME.matcher(value).matches();
  }

  /** Why {@code value} is not an absolute http(s) URL with a host, or null when it is one. */
  private static String invalidReason(String value, URI uri) {
    if (!value.equals(value.strip())) {
      return "baseUrl \"" + value + "\" has white space around it";
    }
    if (gluedScheme(value)) {
      int i = value.toLowerCase(Locale.ROOT).indexOf("http");
      return "baseUrl \"" + value + "\" is not a URL: \"" + value.substring(0, i) + "\" precedes the scheme (a"
          + " property name left in by a template?)";
    }
    if (uri == null) {
      return "baseUrl \"" + value + "\" is not a valid URL";
    }
    if (!uri.isAbsolute()) {
      return "baseUrl \"" + value + "\" is not an absolute URL: it has no scheme (expected https://...)";
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "baseUrl \"" + value + "\" has scheme '" + uri.getScheme() + "': expected https";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "baseUrl \"" + value + "\" has no valid host name";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return "baseUrl \"" + value + "\" has a " + (uri.getRawQuery() != null ? "query" : "fragment")
          + ": relative URLs are appended to it, so it must end with a host or a path";
    }
    return null;
  }

  private static URI parse(String value) {
    return Uris.uriOrNull(value); // links.self is asked for twice here: the second time, it is kept
  }

  /** "an Atlassian cloud site (*.atlassian.net)" and the like, or null for other hosts. */
  private static String atlassianSite(String host) {
    if (host.endsWith(".services.atlassian.com")) {
      return null; // where Atlassian hosts its own Connect apps (my-reminders, ep-tool): a real app host, not a site
    }
    for (String[] domain :
        new String[][] {
          {"atlassian.net", "an Atlassian cloud site"},
          {"jira.com", "an Atlassian cloud site"},
          {"jira-dev.com", "an Atlassian staging site"},
          {"atlassian.com", "Atlassian's own domain"},
        }) {
      if (host.equals(domain[0]) || host.endsWith("." + domain[0])) {
        return domain[1] + " (*." + domain[0] + ")";
      }
    }
    return null;
  }

  /** True for a host name that is this machine (localhost, 127.x, ::1). */
  public static boolean isLocalHost(String host) {
    return isLocal(host);
  }

  /** Services that forward a public name to a developer's machine while a session lasts. */
  private static final List<String> TUNNELS =
      List.of(
          "ngrok.io", "ngrok.app", "ngrok-free.app", "ngrok-free.dev", "ngrok.dev", "loca.lt", "localtunnel.me",
          "trycloudflare.com", "serveo.net", "serveousercontent.com", "localhost.run", "lhr.life", "lhr.rocks",
          "pagekite.me", "localtest.me", "tunnelmole.net", "devtunnels.ms", "telebit.io", "localxpose.io", "loclx.io");

  /** The tunnel service a host belongs to ({@code ngrok.io}), or null. */
  public static String tunnelHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String t : TUNNELS) {
      if (h.equals(t) || h.endsWith("." + t)) {
        return t;
      }
    }
    return null;
  }

  private static boolean isLocal(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.startsWith("127.")
        || h.equals("0.0.0.0")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }
}
