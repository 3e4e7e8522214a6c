package org.connectverify.core.product;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Nodes;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.text.Strings;

/**
 * Context parameters in URLs. In module {@code url}s, every {@code {name}} must be a parameter the product binds for
 * that module type ({@code ac.*} page parameters and inline {@code condition.*} values always qualify; macro URLs may
 * also use macro parameters, declared or saved by the app's macro editor, so undotted names pass there). Webhook URLs
 * are not name-checked: webhooks document {@code ${name}} substitution. {@code ${name}} (webhook substitution,
 * draw.io-style URL variables) and {@code {{name}}} (template markers rendered before the descriptor is served) are not
 * Connect context parameters and are never name-checked. Every URL in modules and lifecycle must have balanced braces.
 */
public final class ContextParametersCheck implements Check {
  public static final Rule UNKNOWN =
      Rule.of(
          "urls/unknown-context-parameter",
          Severity.WARNING,
          "A {parameter} in a module URL that the product does not bind there: it is sent empty.");
  public static final Rule MALFORMED =
      Rule.of(
          "urls/malformed-template",
          Severity.ERROR,
          "A URL whose braces do not pair up: the product cannot substitute its parameters.");

  private final ProductFacts facts;

  public ContextParametersCheck(ProductFacts facts) {
    this.facts = facts;
  }

  @Override
  public List<Rule> rules() {
    return List.of(UNKNOWN, MALFORMED);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode lifecycle = ctx.root().path("lifecycle");
    if (lifecycle.isObject()) {
      lifecycle
          .fields()
          .forEachRemaining(
              e -> scan(ctx, null, null, e.getValue(), Pointers.child("/lifecycle", e.getKey()), false));
    }
    JsonNode modules = ctx.descriptor().modules();
    Iterator<Map.Entry<String, JsonNode>> types = modules.fields();
    while (types.hasNext()) {
      Map.Entry<String, JsonNode> type = types.next();
      String typePointer = Pointers.child("/modules", type.getKey());
      JsonNode value = type.getValue();
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          walk(ctx, type.getKey(), value.get(i), value.get(i), Pointers.child(typePointer, i));
        }
      } else if (value.isObject()) {
        walk(ctx, type.getKey(), value, value, typePointer);
      }
    }
  }

  /** Visits every member of one module entry; URL members are scanned. */
  private void walk(CheckContext ctx, String type, JsonNode module, JsonNode node, String pointer) {
    if (Nodes.isObject(node)) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        if (Nodes.isText(e.getValue()) && (key.equals("url") || key.endsWith("Url"))) {
          scan(ctx, type, module, e.getValue(), Pointers.child(pointer, key), key.equals("url"));
        } else if (!Nodes.isValue(e.getValue())) {
          walk(ctx, type, module, e.getValue(), Pointers.child(pointer, key));
        }
      }
    } else if (Nodes.isArray(node)) {
      for (int i = 0; i < node.size(); i++) {
        walk(ctx, type, module, node.get(i), Pointers.child(pointer, i));
      }
    }
  }

  private void scan(CheckContext ctx, String type, JsonNode module, JsonNode value, String pointer, boolean names) {
    if (!value.isTextual()) {
      return;
    }
    String url = value.asText();
    UrlTemplate template = UrlTemplate.parse(url);
    if (template.problem() != null) {
      ctx.report(
          MALFORMED,
          ctx.at(pointer),
          "URL \"" + shorten(url) + "\" is malformed: " + template.problem(),
          "write context parameters as {name}, e.g. /page?issueKey={issue.key}");
      return;
    }
    if (!names || "webhooks".equals(type)) {
      return; // webhooks document ${...} substitution; what {...} does there is not documented
    }
    Set<String> known = null;
    for (UrlTemplate.Token token : template.tokens()) {
      if (token.kind() != UrlTemplate.Kind.CONTEXT) {
        continue;
      }
      String name = token.name();
      if (name.startsWith("ac.") || name.startsWith("condition.")) {
        continue;
      }
      if (isMacro(type) && !name.contains(".")) {
        continue; // a macro parameter: declared, or saved by the app's editor (AP.confluence.saveMacro)
      }
      if (known == null) {
        known = facts.contextParameters(ctx.product(), type);
        Set<String> macro = macroParameters(type, module);
        if (!known.containsAll(macro)) {
          Set<String> all = new TreeSet<>(known);
          all.addAll(macro);
          known = all;
        }
      }
      if (known.contains(name)) {
        continue;
      }
      List<String> closest = Strings.closest(name, known);
      ctx.report(
          UNKNOWN,
          ctx.at(pointer),
          "URL \"" + shorten(url) + "\" uses {" + name + "}, which " + ctx.product().displayName()
              + " does not bind in " + type + ": it is sent empty",
          (closest.isEmpty() ? "" : "did you mean {" + closest.get(0) + "}? ")
              + "known parameters: " + String.join(", ", known) + ", ac.*, condition.*");
    }
  }

  private static boolean isMacro(String type) {
    return type != null && type.endsWith("ContentMacros");
  }

  /** A macro's URLs may use its parameter identifiers as {@code {identifier}}. */
  private static Set<String> macroParameters(String type, JsonNode module) {
    Set<String> out = new TreeSet<>();
    if (isMacro(type)) {
      for (JsonNode p : module.path("parameters")) {
        if (p.path("identifier").isTextual()) {
          out.add(p.path("identifier").asText());
        }
      }
    }
    return out;
  }

  private static String shorten(String url) {
    return url.length() > 80 ? Strings.cut(url, 77) + "..." : url;
  }
}
