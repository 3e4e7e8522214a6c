package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;

/**
 * Module keys are unique across {@code modules} (native Forge modules, every type) and {@code connectModules}
 * together: Forge refuses {@code found duplicate module key '<k>'}. The typical case is a Connect macro kept next to
 * the Forge macro that replaces it under the same key. Two Connect modules of the descriptor with one key are
 * {@code modules/duplicate-key}'s to report, so they are not reported twice.
 */
public final class ModuleKeysCheck implements Check {
  public static final Rule DUPLICATE =
      Rule.of(
          "manifest/duplicate-module-key",
          Severity.ERROR,
          "Two modules share a key across modules and connectModules: forge deploy refuses the manifest.");

  @Override
  public List<Rule> rules() {
    return List.of(DUPLICATE);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null) {
      return;
    }
    List<ManifestDoc.Item> items = new ArrayList<>(ManifestDoc.items(doc, "modules"));
    items.addAll(ManifestDoc.items(doc, "connectModules"));
    String mapped = ManifestDoc.mappedPrefix(ctx, doc);
    Map<String, ManifestDoc.Item> first = new HashMap<>();
    for (ManifestDoc.Item item : items) {
      JsonNode key = item.node().path("key");
      if (!key.isTextual() || key.asText().isEmpty() || ManifestDoc.templated(key)) {
        continue;
      }
      ManifestDoc.Item earlier = first.putIfAbsent(key.asText(), item);
      if (earlier == null || (descriptorModule(mapped, earlier) && descriptorModule(mapped, item))) {
        continue;
      }
      String earlierKey = earlier.pointer() + "/key";
      ctx.report(
          DUPLICATE,
          ManifestDoc.at(ctx, item.pointer() + "/key"),
          "found duplicate module key '" + key.asText() + "': " + where(item) + " repeats the key of "
              + where(earlier) + " (line " + ManifestDoc.at(ctx, earlierKey).line() + ")",
          item.section().equals(earlier.section())
              ? "rename one of the two modules"
              : "a Forge module that replaces a Connect module keeps its key: remove the Connect module from"
                  + " connectModules",
          List.of(new Finding.Related(ManifestDoc.at(ctx, earlierKey), "first used here")));
    }
  }

  /** True for a connectModules item that becomes a module of the descriptor the Connect checks read. */
  private static boolean descriptorModule(String mapped, ManifestDoc.Item item) {
    return item.section().equals("connectModules") && ManifestDoc.descriptorModules(mapped, item.type());
  }

  private static String where(ManifestDoc.Item item) {
    return Pointers.readable(item.pointer());
  }
}
