package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;

/**
 * Module keys are unique across all module types: the host addresses a module as {@code <app-key>/<module-key>}
 * (e.g. {@code /plugins/servlet/ac/<app-key>/<module-key>}) without its type, so two modules with one key are
 * ambiguous. The key's format ({@code ^[a-zA-Z0-9-]+$}, not empty) is the schema's {@code moduleKey} definition and
 * reported as {@code schema/pattern} or {@code schema/length}; this check only compares keys, including those of
 * module types the schema does not know.
 */
public final class DuplicateModuleKeyCheck implements Check {
  public static final Rule DUPLICATE_KEY =
      Rule.of(
          "modules/duplicate-key",
          Severity.ERROR,
          "Two modules share a key; module keys must be unique across all module types.");

  @Override
  public List<Rule> rules() {
    return List.of(DUPLICATE_KEY);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode modules = ctx.descriptor().modules();
    Map<String, String> first = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> types = modules.fields();
    while (types.hasNext()) {
      Map.Entry<String, JsonNode> type = types.next();
      String typePointer = Pointers.child("/modules", type.getKey());
      JsonNode list = type.getValue();
      if (list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          visit(ctx, first, Pointers.child(typePointer, i), list.get(i));
        }
      } else {
        visit(ctx, first, typePointer, list);
      }
    }
  }

  private static void visit(CheckContext ctx, Map<String, String> first, String modulePointer, JsonNode module) {
    JsonNode key = module.path("key");
    if (!key.isTextual() || key.asText().isEmpty()) {
      return;
    }
    String keyPointer = modulePointer + "/key";
    String earlier = first.putIfAbsent(key.asText(), keyPointer);
    if (earlier == null) {
      return;
    }
    String earlierModule = Pointers.readable(Pointers.parent(earlier));
    ctx.report(
        DUPLICATE_KEY,
        ctx.at(keyPointer),
        "module key \"" + key.asText() + "\" is already used by " + earlierModule + " (line "
            + ctx.at(earlier).line() + "): module keys must be unique across all module types",
        "rename one of the two modules; module URLs and web item targets refer to modules by key alone",
        List.of(new Finding.Related(ctx.at(earlier), "first used here")));
  }
}
