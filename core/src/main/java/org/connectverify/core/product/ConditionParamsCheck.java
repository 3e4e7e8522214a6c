package org.connectverify.core.product;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Nodes;
import org.connectverify.core.json.Pointers;

/**
 * Predefined conditions whose parameters the host validates when it installs the app: a {@code feature_flag} without
 * {@code featureKey}, a permission condition without {@code permission}, an entity-property condition without its
 * entity or key. The host refuses such a descriptor (or the condition can never be evaluated). Only conditions whose
 * required parameters are documented are in the table; an unknown condition is {@code conditions/unknown-name}'s.
 */
public final class ConditionParamsCheck implements Check {
  public static final Rule MISSING_PARAM =
      Rule.of(
          "conditions/missing-param",
          Severity.ERROR,
          "A predefined condition lacks a parameter the host requires (feature_flag needs featureKey, ...).");

  /** Condition name to the parameters it cannot be evaluated without. */
  private static final Map<String, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry("feature_flag", List.of("featureKey")),
          Map.entry("user_is_in_group", List.of("groupName")),
          Map.entry("has_global_permission", List.of("permission")),
          Map.entry("has_project_permission", List.of("permission")),
          Map.entry("has_issue_permission", List.of("permission")),
          Map.entry("has_space_permission", List.of("permission")),
          Map.entry("jira_expression", List.of("expression")),
          Map.entry("can_use_application", List.of("applicationKey")),
          Map.entry("entity_property_exists", List.of("entity", "propertyKey")),
          Map.entry("entity_property_equal_to", List.of("entity", "propertyKey", "value")),
          Map.entry("entity_property_contains_any", List.of("entity", "propertyKey", "value")),
          Map.entry("entity_property_contains_all", List.of("entity", "propertyKey", "value")),
          Map.entry("entity_property_equal_to_context", List.of("entity", "propertyKey", "contextParameter")),
          Map.entry("addon_property_exists", List.of("propertyKey")),
          Map.entry("addon_property_equal_to", List.of("propertyKey", "value")),
          Map.entry("addon_property_contains_any", List.of("propertyKey", "value")),
          Map.entry("addon_property_contains_all", List.of("propertyKey", "value")),
          Map.entry("addon_property_equal_to_context", List.of("propertyKey", "contextParameter")));

  @Override
  public List<Rule> rules() {
    return List.of(MISSING_PARAM);
  }

  @Override
  public void check(CheckContext ctx) {
    walk(ctx, ctx.root().path("modules"), "/modules");
  }

  private static void walk(CheckContext ctx, JsonNode node, String pointer) {
    if (Nodes.isObject(node)) {
      JsonNode name = node.get("condition");
      if (name != null && Nodes.isText(name)) {
        single(ctx, node, name.asText(), pointer);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (Nodes.isContainer(e.getValue())) { // only objects hold conditions: no pointer for the rest
          walk(ctx, e.getValue(), Pointers.child(pointer, e.getKey()));
        }
      }
    } else if (Nodes.isArray(node)) {
      for (int i = 0; i < node.size(); i++) {
        if (Nodes.isContainer(node.get(i))) {
          walk(ctx, node.get(i), Pointers.child(pointer, i));
        }
      }
    }
  }

  private static void single(CheckContext ctx, JsonNode condition, String name, String pointer) {
    List<String> required = REQUIRED.get(name);
    if (required == null) {
      return;
    }
    JsonNode params = condition.path("params");
    List<String> missing = new ArrayList<>();
    for (String p : required) {
      JsonNode v = params.get(p);
      if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
        missing.add(p);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    ctx.report(
        MISSING_PARAM,
        ctx.at(Pointers.child(pointer, "condition")),
        "condition \"" + name + "\" has no " + String.join(", ", missing.stream().map(m -> "\"" + m + "\"").toList())
            + " parameter: the host refuses it at install, or can never evaluate it",
        "add \"params\": {" + String.join(", ", missing.stream().map(m -> "\"" + m + "\": \"...\"").toList()) + "}");
  }
}
