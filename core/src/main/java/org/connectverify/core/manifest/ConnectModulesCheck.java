package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.schema.SchemaSet;
import org.connectverify.core.text.Strings;

/**
 * The outline of {@code connectModules} that the Forge platform checks: every name is {@code <product>:<type>} from the
 * supported list, all for one product, each value a list of mappings, {@code <p>:lifecycle} with one element, and
 * item keys matching {@code ^[a-zA-Z0-9_-]+$} where no descriptor rule sees them (the items that become descriptor-level
 * fields, {@code <p>:lifecycle}, {@code <p>:translations}, {@code <p>:cloudAppMigration}, and entries of another
 * product or of none). The keys of the other items are the descriptor's module keys, checked by the schema rules; what
 * is inside an item is checked by every descriptor rule.
 */
public final class ConnectModulesCheck implements Check {
  public static final Rule UNKNOWN =
      Rule.of(
          "manifest/unknown-connect-module",
          Severity.ERROR,
          "A connectModules entry is not <product>:<type> with a type Forge supports for that product: forge deploy"
              + " refuses the manifest.");
  public static final Rule MIXED_PRODUCTS =
      Rule.of(
          "manifest/mixed-products",
          Severity.WARNING,
          "connectModules mixes jira: and confluence: entries: a Connect app is for one product, and the other"
              + " product's Connect modules are not verified.");
  public static final Rule ITEM =
      Rule.of(
          "manifest/connect-module-item",
          Severity.ERROR,
          "A connectModules value is not a list of mappings, or an item has no key matching ^[a-zA-Z0-9_-]+$: forge"
              + " deploy refuses the manifest.");
  public static final Rule LIFECYCLE_COUNT =
      Rule.of(
          "manifest/lifecycle-count",
          Severity.ERROR,
          "<product>:lifecycle has more than one element: forge deploy refuses the manifest.");
  public static final Rule EMPTY =
      Rule.of(
          "manifest/empty-connect-modules",
          Severity.INFO,
          "connectModules, or one of its lists, is empty: it declares nothing and can go.");

  private static final Pattern ITEM_KEY = Pattern.compile("[a-zA-Z0-9_-]+");

  private final SchemaSet schemas;

  public ConnectModulesCheck(SchemaSet schemas) {
    this.schemas = schemas;
  }

  @Override
  public List<Rule> rules() {
    return List.of(UNKNOWN, MIXED_PRODUCTS, ITEM, LIFECYCLE_COUNT, EMPTY);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null || !doc.has("connectModules")) {
      return;
    }
    JsonNode modules = doc.get("connectModules");
    if (modules.isNull() || (modules.isObject() && modules.isEmpty())) {
      ctx.report(
          EMPTY,
          ManifestDoc.atKey(ctx, "/connectModules"),
          "connectModules is empty: the app has no Connect modules left",
          "remove the empty connectModules entry (and Connect scopes and app.connect fields besides key that only"
              + " served the Connect modules)");
      return;
    }
    if (!modules.isObject()) {
      ctx.report(
          ITEM,
          ManifestDoc.at(ctx, "/connectModules"),
          "connectModules must be a mapping of <product>:<type> to lists, not " + AppConnectCheck.describe(modules),
          "write connectModules: followed by entries such as jira:generalPages: [...]");
      return;
    }
    String mapped = ManifestDoc.mappedPrefix(ctx, doc);
    Map<String, List<String>> byProduct = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = modules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      String pointer = Pointers.child("/connectModules", name);
      String product = ConnectModuleTypes.product(name);
      if (!ConnectModuleTypes.known(name) && !reportedAsModuleType(ctx, mapped, name)) {
        reportUnknown(ctx, name, pointer);
      }
      if (product != null) {
        byProduct.computeIfAbsent(product, p -> new ArrayList<>()).add(name);
      }
      checkList(ctx, name, pointer, e.getValue(), !ManifestDoc.descriptorModules(mapped, name));
    }
    if (byProduct.size() > 1) {
      String main =
          mapped != null && byProduct.containsKey(mapped)
              ? mapped
              : byProduct.get("jira").size() >= byProduct.get("confluence").size() ? "jira" : "confluence";
      String other = main.equals("jira") ? "confluence" : "jira";
      for (String name : byProduct.get(other)) {
        ctx.report(
            MIXED_PRODUCTS,
            ManifestDoc.atKey(ctx, Pointers.child("/connectModules", name)),
            "connectModules entry '" + name + "' is for " + other + ", but the others are for " + main
                + ": a Connect app is for one product, and the " + other + " modules are not verified",
            "keep the " + other + " Connect app in its own manifest, or rewrite these modules as Forge modules under"
                + " modules:");
      }
    }
  }

  /**
   * True when the entry became a module type of the descriptor that the descriptor's product does not know: the schema
   * rules ({@code schema/unknown-module-type}, {@code modules/other-product}) report it there, with their own
   * did-you-mean, so it is not reported twice.
   */
  private boolean reportedAsModuleType(CheckContext ctx, String mapped, String name) {
    return ManifestDoc.descriptorModules(mapped, name)
        && !schemas.moduleTypes(ctx.product()).contains(name.substring(mapped.length() + 1));
  }

  private static void reportUnknown(CheckContext ctx, String name, String pointer) {
    List<String> close = Strings.closest(name, ConnectModuleTypes.all());
    String product = ConnectModuleTypes.product(name);
    String hint;
    if (!close.isEmpty()) {
      hint = "did you mean '" + close.get(0) + "'?";
    } else if (product == null) {
      hint = "connectModules names are <product>:<type>, with product jira or confluence";
    } else {
      hint =
          "Forge supports these " + product + " Connect modules: "
              + String.join(", ", ConnectModuleTypes.BY_PRODUCT.get(product).stream().sorted().toList())
              + "; rewrite others as Forge modules";
    }
    ctx.report(UNKNOWN, ManifestDoc.atKey(ctx, pointer), "invalid value '" + name + "' in connectModules", hint);
  }

  /**
   * @param checkKeys true when no descriptor rule sees the items' keys (lifecycle, translations, cloudAppMigration, and
   *     entries of another product or of none)
   */
  private static void checkList(CheckContext ctx, String name, String pointer, JsonNode list, boolean checkKeys) {
    if (!list.isArray()) {
      ctx.report(
          ITEM,
          ManifestDoc.at(ctx, pointer),
          "connectModules entry '" + name + "' must be a list of modules, not " + AppConnectCheck.describe(list),
          "write each module as a list item: '- key: ...'");
      return;
    }
    if (list.isEmpty()) {
      ctx.report(
          EMPTY,
          ManifestDoc.atKey(ctx, pointer),
          "connectModules entry '" + name + "' is an empty list",
          "remove the empty entry");
      return;
    }
    String type = name.substring(name.indexOf(':') + 1);
    if (type.equals("lifecycle") && list.size() > 1) {
      ctx.report(
          LIFECYCLE_COUNT,
          ManifestDoc.at(ctx, Pointers.child(pointer, 1)),
          "'" + name + "' should contain only one element; it has " + list.size(),
          "merge the callbacks (installed, uninstalled, enabled, disabled) into one element");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String itemPointer = Pointers.child(pointer, i);
      if (!item.isObject()) {
        ctx.report(
            ITEM,
            ManifestDoc.at(ctx, itemPointer),
            "item " + i + " of '" + name + "' must be a mapping (a module), not " + AppConnectCheck.describe(item),
            "write the module's fields under '- key: ...'");
        continue;
      }
      if (!checkKeys) {
        continue; // the descriptor's module key: the schema rules check it
      }
      JsonNode key = item.path("key");
      if (!key.isTextual()) {
        ctx.report(
            ITEM,
            ManifestDoc.at(ctx, itemPointer),
            "item " + i + " of '" + name + "' has no key: every connectModules item needs one",
            "add key: " + switch (type) {
              case "lifecycle" -> "lifecycle-events";
              case "translations" -> "connect-translations";
              case "cloudAppMigration" -> "cloud-app-migration";
              default -> "<module key>";
            });
      } else if (!ManifestDoc.templated(key) && !ITEM_KEY.matcher(key.asText()).matches()) {
        ctx.report(
            ITEM,
            ManifestDoc.at(ctx, itemPointer + "/key"),
            "key \"" + key.asText() + "\" of '" + name + "' must match ^[a-zA-Z0-9_-]+$",
            "use only letters, digits, '_' and '-'");
      }
    }
  }
}
