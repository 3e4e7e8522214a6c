package org.connectverify.core.product;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Nodes;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.text.Strings;

/**
 * Conditions, which the upstream schema cannot check: each entry of a {@code conditions} list is a single condition
 * {@code {condition, invert?, params?}} or a composite with exactly one of {@code and}/{@code or} (any case) holding
 * conditions, nested to any depth; the schema-style composite {@code {conditions, type}} is accepted as an alias. The
 * schema checks the types of these members; this check checks which shape an entry has, and the condition names.
 */
public final class ConditionsCheck implements Check {
  public static final Rule MALFORMED =
      Rule.of(
          "conditions/malformed",
          Severity.ERROR,
          "A condition is neither a single condition nor a composite with exactly one of \"and\"/\"or\".");
  public static final Rule UNKNOWN_NAME =
      Rule.of(
          "conditions/unknown-name",
          Severity.WARNING,
          "A condition name the product does not predefine (often a typo); the element never shows or always shows.");
  public static final Rule REMOTE =
      Rule.of(
          "conditions/remote",
          Severity.WARNING,
          "A remote condition (a URL): it slows every page it is on, and current cloud support is unconfirmed.");

  /** Members that hold nested condition lists. */
  private static final Set<String> LIST_KEYS = Set.of("conditions", "contentPresentConditions");

  private final ProductFacts facts;

  public ConditionsCheck(ProductFacts facts) {
    this.facts = facts;
  }

  @Override
  public List<Rule> rules() {
    return List.of(MALFORMED, UNKNOWN_NAME, REMOTE);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode modules = ctx.descriptor().modules();
    if (modules.isObject()) {
      findLists(ctx, modules, "/modules");
    }
  }

  /** Walks module values and checks every conditions list found (lists nest their own lists). */
  private void findLists(CheckContext ctx, JsonNode node, String pointer) {
    if (Nodes.isObject(node)) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!Nodes.isContainer(e.getValue())) {
          continue; // only objects and arrays hold condition lists: no pointer for the rest
        }
        String child = Pointers.child(pointer, e.getKey());
        if (LIST_KEYS.contains(e.getKey()) && Nodes.isArray(e.getValue())) {
          checkList(ctx, e.getValue(), child, 0);
        } else {
          findLists(ctx, e.getValue(), child);
        }
      }
    } else if (Nodes.isArray(node)) {
      for (int i = 0; i < node.size(); i++) {
        if (Nodes.isContainer(node.get(i))) {
          findLists(ctx, node.get(i), Pointers.child(pointer, i));
        }
      }
    }
  }

  private void checkList(CheckContext ctx, JsonNode list, String pointer, int depth) {
    if (depth > 64) {
      return; // far deeper than any real descriptor; the JSON reader caps nesting anyway
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      if (Nodes.isObject(entry)) {
        checkEntry(ctx, entry, Pointers.child(pointer, i), depth);
      }
    }
  }

  private void checkEntry(CheckContext ctx, JsonNode entry, String pointer, int depth) {
    List<String> composites = new ArrayList<>();
    Iterator<String> names = entry.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("and") || lower.equals("or")) {
        composites.add(name);
      }
    }
    boolean single = entry.has("condition");
    boolean alias = entry.has("conditions");
    int shapes = composites.size() + (single ? 1 : 0) + (alias ? 1 : 0);
    if (shapes == 0) {
      ctx.report(
          MALFORMED,
          ctx.at(pointer),
          "condition " + shown(entry) + " has none of \"condition\", \"and\" or \"or\"",
          "write {\"condition\": \"user_is_logged_in\"} for a single condition, or {\"and\": [...]} / {\"or\": [...]}"
              + " to combine conditions");
      return;
    }
    if (shapes > 1) {
      List<String> found = new ArrayList<>();
      if (single) {
        found.add("condition");
      }
      found.addAll(composites);
      if (alias) {
        found.add("conditions");
      }
      ctx.report(
          MALFORMED,
          ctx.at(pointer),
          "condition mixes " + Strings.quoteList(found, "and") + ": an entry is either a single condition or a"
              + " composite with exactly one of \"and\"/\"or\"",
          "nest the conditions instead, e.g. {\"and\": [{\"condition\": \"a\"}, {\"or\": [...]}]}");
      return;
    }
    if (single) {
      JsonNode name = entry.get("condition");
      if (name.isTextual() && !name.asText().isBlank()) {
        checkName(ctx, name.asText(), Pointers.child(pointer, "condition"));
      }
      return;
    }
    String listKey = alias ? "conditions" : composites.get(0);
    JsonNode nested = entry.get(listKey);
    if (nested.isArray()) {
      checkList(ctx, nested, Pointers.child(pointer, listKey), depth + 1);
    }
  }

  private void checkName(CheckContext ctx, String name, String pointer) {
    if (name.startsWith("/") || name.regionMatches(true, 0, "http://", 0, 7)
        || name.regionMatches(true, 0, "https://", 0, 8)) {
      ctx.report(
          REMOTE,
          ctx.at(pointer),
          "remote condition \"" + name + "\": the product calls the app before it shows the element, which slows"
              + " the page",
          "precompute the result into an entity property and use entity_property_equal_to instead");
      return;
    }
    Set<String> known = facts.conditions(ctx.product());
    if (known.contains(name)) {
      return;
    }
    List<String> closest = Strings.closest(name, known);
    String label = ctx.product().displayName();
    ctx.report(
        UNKNOWN_NAME,
        ctx.at(pointer),
        "unknown condition \"" + name + "\" for " + label,
        (closest.isEmpty() ? "" : "did you mean \"" + closest.get(0) + "\"? ")
            + "known " + label + " conditions: " + String.join(", ", known));
  }

  private static String shown(JsonNode entry) {
    String s = entry.toString();
    return s.length() > 60 ? Strings.cut(s, 57) + "..." : s;
  }
}
