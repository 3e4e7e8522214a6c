package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Position;
import org.connectverify.core.Product;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.template.TemplateEngine;

/**
 * What the manifest checks share: the manifest as written (null for a Connect descriptor, which never gets manifest
 * findings), positions by pointers into the manifest itself, and the few shapes several checks walk.
 */
final class ManifestDoc {
  private ManifestDoc() {}

  /** The manifest document, or null when the descriptor was not read from a manifest (or it is not a mapping). */
  static JsonNode of(CheckContext ctx) {
    if (!ctx.descriptor().origin().isManifest()) {
      return null;
    }
    JsonNode doc = ctx.descriptor().origin().document();
    return doc != null && doc.isObject() ? doc : null;
  }

  /** Position of the value at a pointer into the manifest (the nearest existing ancestor's when it is absent). */
  static Position at(CheckContext ctx, String pointer) {
    return ctx.descriptor().sourcePosition(pointer);
  }

  /** Position of the key of the member at a pointer into the manifest. */
  static Position atKey(CheckContext ctx, String pointer) {
    return ctx.descriptor().sourceKeyPosition(pointer);
  }

  /** True when the value is a string that still holds a {@code ${VAR}} placeholder: the templating step reports it. */
  static boolean templated(JsonNode value) {
    return value != null && value.isTextual() && TemplateEngine.holdsPlaceholder(value.asText());
  }

  /** True when {@code connectModules} is a mapping with at least one entry. */
  static boolean hasConnectModules(JsonNode doc) {
    JsonNode cm = doc.path("connectModules");
    return cm.isObject() && !cm.isEmpty();
  }

  /** A module item and the pointer to it: {@code /modules/macro/0} or {@code /connectModules/jira:webItems/2}. */
  record Item(String section, String type, String pointer, JsonNode node) {}

  /**
   * Every item of {@code modules} (native Forge modules) or {@code connectModules}, in document order: each list
   * element, or the value itself when a type holds a single object.
   */
  static List<Item> items(JsonNode doc, String section) {
    List<Item> out = new ArrayList<>();
    JsonNode types = doc.path(section);
    if (!types.isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String typePointer = Pointers.child("/" + section, e.getKey());
      JsonNode list = e.getValue();
      if (list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          out.add(new Item(section, e.getKey(), Pointers.child(typePointer, i), list.get(i)));
        }
      } else if (list.isObject()) {
        out.add(new Item(section, e.getKey(), typePointer, list));
      }
    }
    return out;
  }

  /**
   * The product prefix ({@code jira}) whose {@code connectModules} entries became the descriptor the Connect rules read,
   * or null when no descriptor was derived (no Connect modules).
   */
  static String mappedPrefix(CheckContext ctx, JsonNode doc) {
    if (!ctx.descriptor().origin().connect()) {
      return null;
    }
    Product p = ctx.product() == Product.COMMON ? ConnectParts.productOf(doc) : ctx.product();
    return p == null ? null : p.label();
  }

  /**
   * True for a {@code connectModules} entry that became a module type of the derived descriptor (the mapped product's
   * prefix, not lifecycle, translations or cloudAppMigration): the descriptor rules check its items.
   */
  static boolean descriptorModules(String mappedPrefix, String entry) {
    return mappedPrefix != null
        && entry.startsWith(mappedPrefix + ":")
        && !ConnectParts.TOP_LEVEL_TYPES.contains(entry.substring(mappedPrefix.length() + 1));
  }

  /** The keys of {@code remotes}, in order (non-string keys skipped). */
  static List<String> remoteKeys(JsonNode doc) {
    List<String> keys = new ArrayList<>();
    for (JsonNode r : doc.path("remotes")) {
      if (r.path("key").isTextual()) {
        keys.add(r.get("key").asText());
      }
    }
    return keys;
  }
}
