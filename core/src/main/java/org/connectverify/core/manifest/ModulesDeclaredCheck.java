package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * A manifest declares modules: {@code modules}, {@code connectModules} or both. Forge's schema refuses a manifest with
 * neither, and refuses {@code modules: {}} ({@code document must have at least 1 module}) even when connectModules
 * exist: an app whose modules are all Connect modules leaves {@code modules} out.
 */
public final class ModulesDeclaredCheck implements Check {
  public static final Rule NO_MODULES =
      Rule.of(
          "manifest/no-modules",
          Severity.ERROR,
          "The manifest has neither modules nor connectModules, or an empty modules mapping: forge deploy refuses"
              + " it.");

  @Override
  public List<Rule> rules() {
    return List.of(NO_MODULES);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null) {
      return;
    }
    JsonNode modules = doc.path("modules");
    if (modules.isObject() && modules.isEmpty() || modules.isNull()) {
      ctx.report(
          NO_MODULES,
          ManifestDoc.atKey(ctx, "/modules"),
          "modules is empty: document must have at least 1 module",
          doc.has("connectModules")
              ? "remove the empty modules entry: a manifest whose modules are all Connect modules leaves it out"
              : "declare at least one module");
    } else if (modules.isMissingNode() && !doc.has("connectModules")) {
      ctx.report(
          NO_MODULES,
          ManifestDoc.at(ctx, ""),
          "the manifest declares neither modules nor connectModules: Forge requires at least one of them",
          "declare the app's modules (Forge modules under modules:, Connect modules under connectModules:)");
    }
  }
}
