package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.List;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * Conditions added to a module that already existed: users who do not meet them lose a feature they had. A changed
 * condition (paired with an old one) is listed as automatic.
 */
final class ConditionsDiff implements DiffCheck {
  public static final Rule CONDITION_ADDED =
      Rule.of(
          "diff/condition-added",
          Severity.ERROR,
          "A condition is added to an existing module: users who do not meet it lose a feature they had.");

  @Override
  public List<Rule> rules() {
    return List.of(CONDITION_ADDED);
  }

  @Override
  public void check(DiffContext ctx) {
    for (ModuleMatching.Pair p : ctx.modules().matched()) {
      JsonNode before = p.older().node().path("conditions");
      JsonNode after = p.newer().node().path("conditions");
      if (!after.isArray() || after.isEmpty()) {
        continue;
      }
      String pointer = p.newer().pointer() + "/conditions";
      JsonNode olds = before.isArray() ? before : JsonNodeFactory.instance.arrayNode();
      boolean allNew = true;
      for (ArrayPairing.Pair pair : ArrayPairing.pair(olds, after)) {
        if (pair.newer() < 0) {
          continue;
        }
        if (pair.older() >= 0) {
          allNew = false;
          continue;
        }
        String at = pointer + "/" + pair.newer();
        ctx.claimNew(at);
        ctx.report(
            CONDITION_ADDED,
            ctx.inNew(at),
            p.newer().describe()
                + " gets a new condition "
                + describe(after.get(pair.newer()))
                + ": users who do not meet it lose this feature",
            "put the condition on a new module and keep the old one as it is, or make sure every current user meets"
                + " it");
      }
      if (allNew && before.isMissingNode()) {
        ctx.claimNew(pointer);
      }
    }
  }

  /** {@code "user_is_admin"}, {@code "not user_is_admin"}, {@code "or" of 2 conditions}. */
  static String describe(JsonNode condition) {
    String name = JsonText.text(condition.get("condition"));
    if (name != null) {
      return JsonText.quote((JsonText.isTrue(condition.get("invert")) ? "not " : "") + name);
    }
    Iterator<String> fields = condition.fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (condition.get(f).isArray()) {
        return "\"" + f + "\" of " + JsonText.count(condition.get(f).size(), "condition");
      }
    }
    return JsonText.brief(condition);
  }
}
