package org.connectverify.core.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.http.Deployment;
import org.connectverify.core.http.ProbeRequest;
import org.connectverify.core.icons.IconFilesCheck;
import org.connectverify.core.json.Pointers;

/**
 * Every URL one descriptor promises, resolved against the deployment being checked: its baseUrl (or
 * {@code --base-url}), the descriptor itself, translations, icons, module pages, lifecycle and webhook routes.
 * Targets whose rules are all skipped are left out, so {@code --skip-rule online/route-missing} and
 * {@code online/route-error} mean no POST is sent.
 */
final class Plan {
  /** The ports the product fetches descriptors from. */
  static final Set<Integer> DESCRIPTOR_PORTS = Set.of(80, 443, 8080);

  private final String declaredBase;
  private final String base;
  private final String descriptorUrl;
  private final boolean descriptorUrlGiven;
  private final List<Target> targets = new ArrayList<>();
  private final List<String> foreignRoutes = new ArrayList<>();

  private Plan(String declaredBase, String base, String descriptorUrl, boolean descriptorUrlGiven) {
    this.declaredBase = declaredBase;
    this.base = base;
    this.descriptorUrl = descriptorUrl;
    this.descriptorUrlGiven = descriptorUrlGiven;
  }

  /** The deployment probed: {@code --base-url} or the descriptor's baseUrl. */
  String base() {
    return base;
  }

  boolean overridden() {
    return !base.equals(declaredBase);
  }

  String descriptorUrl() {
    return descriptorUrl;
  }

  boolean descriptorUrlGiven() {
    return descriptorUrlGiven;
  }

  List<Target> targets() {
    return targets;
  }

  List<Target> targets(Target.Kind kind) {
    return targets.stream().filter(t -> t.kind() == kind).toList();
  }

  /**
   * The plan for the context's descriptor, or null (with a note) when there is no deployment to probe: no usable
   * baseUrl and no {@code --base-url}.
   */
  static Plan of(CheckContext ctx) {
    VerifyOptions options = ctx.options();
    JsonNode b = ctx.root().path("baseUrl");
    String declared = b.isTextual() ? b.asText().trim() : null;
    String base = options.baseUrl() != null ? options.baseUrl() : declared;
    if (base == null || !isHttpUrl(base)) {
      ctx.note(
          ctx.descriptor().file()
              + ": online checks skipped: "
              + (declared == null ? "no baseUrl" : "baseUrl '" + declared + "' is not an absolute http(s) URL")
              + "; pass " + options.optionNames().of("base-url", null) + " to name the deployment");
      return null;
    }
    String file = ctx.descriptor().file();
    String name = file.substring(file.lastIndexOf('/') + 1);
    if (name.isEmpty()) {
      name = "atlassian-connect.json";
    }
    boolean given = options.descriptorUrl() != null;
    Plan plan = new Plan(declared, base, given ? options.descriptorUrl() : join(base, name), given);
    if (plan.overridden()) {
      ctx.note(
          ctx.descriptor().file() + ": probed " + base + " in place of baseUrl " + declared + " ("
              + options.optionNames().of("base-url", null) + ")");
    }
    plan.collect(ctx);
    if (!plan.foreignRoutes.isEmpty()) {
      ctx.note(
          ctx.descriptor().file()
              + ": not POSTed to, being outside the deployment (a POST could have side effects there): "
              + String.join(", ", plan.foreignRoutes));
    }
    return plan;
  }

  private void collect(CheckContext ctx) {
    VerifyOptions o = ctx.options();
    JsonNode root = ctx.root();
    add(Target.Kind.BASE, "/baseUrl", base, null, ProbeRequest.exists(base));
    if (wanted(o, ServedDescriptorCheck.UNREACHABLE, ServedDescriptorCheck.DRIFT)) {
      add(Target.Kind.DESCRIPTOR, "", descriptorUrl, null, ProbeRequest.getBody(descriptorUrl));
    }
    if (wanted(o, ServedTranslationsCheck.UNAVAILABLE, ServedTranslationsCheck.INVALID)) {
      JsonNode paths = root.path("translations").path("paths");
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
          String url = resolve(e.getValue().asText().trim());
          add(
              Target.Kind.TRANSLATION,
              Pointers.child("/translations/paths", e.getKey()),
              e.getValue().asText(),
              e.getKey(),
              ProbeRequest.getBody(url));
        }
      }
    }
    boolean routes = wanted(o, RoutesCheck.MISSING, RoutesCheck.ERROR);
    if (routes) {
      JsonNode lifecycle = root.path("lifecycle");
      for (Iterator<Map.Entry<String, JsonNode>> it = lifecycle.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
          String declaredUrl = e.getValue().asText().trim();
          if (foreign(declaredUrl, Pointers.child("/lifecycle", e.getKey()))) {
            continue;
          }
          add(
              Target.Kind.LIFECYCLE,
              Pointers.child("/lifecycle", e.getKey()),
              declaredUrl,
              e.getKey(),
              ProbeRequest.postEmptyJson(resolve(ContextSamples.fill(declaredUrl))));
        }
      }
    }
    boolean pages = wanted(o, ModulePagesCheck.UNAVAILABLE);
    boolean icons = wanted(o, IconsCheck.UNAVAILABLE, IconsCheck.NOT_IMAGE);
    JsonNode modules = root.path("modules");
    for (Iterator<Map.Entry<String, JsonNode>> it = modules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String typePointer = Pointers.child("/modules", e.getKey());
      List<Map.Entry<String, JsonNode>> items = new ArrayList<>();
      if (e.getValue().isArray()) {
        for (int i = 0; i < e.getValue().size(); i++) {
          items.add(Map.entry(Pointers.child(typePointer, i), e.getValue().get(i)));
        }
      } else if (e.getValue().isObject()) {
        items.add(Map.entry(typePointer, e.getValue()));
      }
      for (Map.Entry<String, JsonNode> item : items) {
        JsonNode module = item.getValue();
        if (!module.isObject()) {
          continue;
        }
        if (e.getKey().equals("webhooks")) {
          JsonNode url = module.path("url");
          if (routes && url.isTextual() && !url.asText().isBlank()
              && !foreign(url.asText().trim(), Pointers.child(item.getKey(), "url"))) {
            String event = module.path("event").isTextual() ? module.path("event").asText() : null;
            add(
                Target.Kind.WEBHOOK,
                Pointers.child(item.getKey(), "url"),
                url.asText(),
                event,
                ProbeRequest.postEmptyJson(resolve(ContextSamples.fill(url.asText().trim()))));
          }
          continue;
        }
        String context = module.path("context").asText("addon").toLowerCase(Locale.ROOT);
        boolean appRelative = !context.equals("product") && !context.equals("page");
        walkModule(module, item.getKey(), appRelative, false, pages, icons);
      }
    }
  }

  /** Finds page URLs ({@code url} members) and icon URLs (under {@code icon}, {@code icons}, {@code imagePlaceholder}). */
  private void walkModule(
      JsonNode node, String pointer, boolean appRelative, boolean insideIcon, boolean pages, boolean icons) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walkModule(node.get(i), Pointers.child(pointer, i), appRelative, insideIcon, pages, icons);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      String child = Pointers.child(pointer, key);
      if (key.equals("url") && value.isTextual() && !value.asText().isBlank()) {
        String declared = value.asText().trim();
        if (insideIcon) {
          if (icons) {
            add(Target.Kind.ICON, child, declared, null, ProbeRequest.exists(resolve(ContextSamples.fill(declared))));
          }
        } else if (pages && appRelative && !excludedPage(pointer) && (!isAbsolute(declared) || underBase(declared))) {
          add(Target.Kind.PAGE, child, declared, null, ProbeRequest.exists(resolve(ContextSamples.fill(declared))));
        }
      } else if ((value.isObject() || value.isArray()) && !key.equals("conditions")) {
        boolean icon = insideIcon || IconFilesCheck.ICON_OBJECTS.contains(key);
        walkModule(value, child, appRelative, icon, pages, icons);
      }
    }
  }

  /** True (and remembered for the note) for an absolute route outside the deployment: never POSTed to. */
  private boolean foreign(String url, String pointer) {
    if ((isAbsolute(url) && !underBase(url)) || (url.startsWith("//") && !Deployment.sameOrigin(base, resolve(url)))) {
      foreignRoutes.add(pointer);
      return true;
    }
    return false;
  }

  /** URLs the product POSTs to (workflow post functions) or that link elsewhere (documentation). */
  private static boolean excludedPage(String parentPointer) {
    String last = Pointers.lastToken(parentPointer);
    return last.equals("triggered") || last.equals("documentation");
  }

  private void add(Target.Kind kind, String pointer, String declared, String label, ProbeRequest request) {
    targets.add(new Target(kind, pointer, declared, label, request));
  }

  private static boolean wanted(VerifyOptions o, Rule... rules) {
    for (Rule r : rules) {
      if (!o.skips(r.id())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A descriptor URL made absolute the way Connect does it: relative URLs are appended to the base (keeping its path,
   * unlike RFC 3986 resolution); absolute URLs under the declared baseUrl move to the probed base.
   */
  String resolve(String ref) {
    if (isAbsolute(ref)) {
      if (declaredBase != null && overridden() && underBase(ref)) {
        return trimSlash(base) + ref.substring(trimSlash(declaredBase).length());
      }
      return ref;
    }
    if (ref.startsWith("//")) {
      return base.substring(0, base.indexOf(':') + 1) + ref;
    }
    return join(base, ref);
  }

  private boolean underBase(String url) {
    for (String b : new String[] {declaredBase, base}) {
      if (b == null) {
        continue;
      }
      String t = trimSlash(b);
      if (url.equals(t) || url.startsWith(t + "/") || url.startsWith(t + "?")) {
        return true;
      }
    }
    return false;
  }

  static String join(String base, String ref) {
    String b = trimSlash(base);
    return ref.startsWith("/") ? b + ref : b + "/" + ref;
  }

  /** {@code s} without one trailing slash. */
  static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  static boolean isAbsolute(String ref) {
    return ref.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*");
  }

  static boolean isHttpUrl(String s) {
    try {
      URI u = new URI(s);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** {@code host:port} of an http(s) URL (default ports filled in), or the URL itself when it does not parse. */
  static String hostKey(String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      int port = u.getPort() > 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
      return u.getHost() == null ? url : u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (java.net.URISyntaxException e) {
      return url;
    }
  }

  /** The port an http(s) URL is fetched from. */
  static int port(String url) {
    String k = hostKey(url);
    try {
      return Integer.parseInt(k.substring(k.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** True for localhost and loopback addresses: the product can never reach them, they are for local testing. */
  static boolean isLoopback(String url) {
    String k = hostKey(url);
    String host = k.contains(":") ? k.substring(0, k.lastIndexOf(':')) : k;
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("::1");
  }
}
