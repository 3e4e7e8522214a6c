package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.connectverify.core.json.Pointers;

/**
 * How the modules of an old and a new descriptor correspond. A module is known by its key: the same key under the
 * same type is the same module, under another type a moved one. Modules without a key (webhooks may have none) pair
 * when equal, then webhooks by event. Of what is left, an old and a new module of the same type whose content is
 * otherwise equal or nearly so (occurrences of the old key read as the new key) are a rename; the rest are removed
 * or added.
 */
final class ModuleMatching {
  /** Content similarity from which a removed and an added module count as one renamed module. */
  static final double RENAME_SIMILARITY = 0.75;

  /** One module: its type, its pointer, its object and its key (null when it has none). */
  record Ref(String type, String pointer, JsonNode node, String key, int order) {
    /** {@code module "key" (type)}, {@code webhook for "event" (webhooks)} or {@code module #2 (type)}. */
    String describe() {
      String hook = type.equals(WEBHOOKS) ? JsonText.text(node.get("event")) : null;
      if (hook != null) {
        return "webhook for \"" + hook + "\"";
      }
      if (key != null) {
        return "module \"" + key + "\" (" + type + ")";
      }
      String event = JsonText.text(node.get("event"));
      if (event != null) {
        return "webhook for \"" + event + "\"";
      }
      return "module " + Pointers.lastToken(pointer) + " of " + type;
    }
  }

  /** Two modules taken as one; {@code similarity} is 1 unless it is a rename. */
  record Pair(Ref older, Ref newer, double similarity) {}

  private final List<Ref> oldRefs;
  private final List<Ref> newRefs;
  private final List<Pair> matched = new ArrayList<>();
  private final List<Pair> moved = new ArrayList<>();
  private final List<Pair> renamed = new ArrayList<>();
  private final List<Ref> removed = new ArrayList<>();
  private final List<Ref> added = new ArrayList<>();

  private ModuleMatching(List<Ref> oldRefs, List<Ref> newRefs) {
    this.oldRefs = oldRefs;
    this.newRefs = newRefs;
  }

  static ModuleMatching of(JsonNode oldRoot, JsonNode newRoot) {
    ModuleMatching m = new ModuleMatching(refs(oldRoot), refs(newRoot));
    m.match();
    return m;
  }

  /** Same module in both (same key and type, or keyless and equal or same webhook event). */
  List<Pair> matched() {
    return matched;
  }

  /** Same key under another module type. */
  List<Pair> moved() {
    return moved;
  }

  /** A removed key and an added key of the same type with (nearly) the same content. */
  List<Pair> renamed() {
    return renamed;
  }

  List<Ref> removed() {
    return removed;
  }

  List<Ref> added() {
    return added;
  }

  /** The old module whose subtree holds pointer, or null. */
  Ref oldModuleAt(String pointer) {
    return enclosing(oldRefs, pointer);
  }

  /** The new module whose subtree holds pointer, or null. */
  Ref newModuleAt(String pointer) {
    return enclosing(newRefs, pointer);
  }

  private static Ref enclosing(List<Ref> refs, String pointer) {
    for (Ref r : refs) {
      if (pointer.equals(r.pointer()) || pointer.startsWith(r.pointer() + "/")) {
        return r;
      }
    }
    return null;
  }

  /** Module types whose value is an array or an object, in the order of the descriptor. */
  static List<Ref> refs(JsonNode root) {
    List<Ref> out = new ArrayList<>();
    JsonNode modules = root.path("modules");
    if (!modules.isObject()) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> types = modules.fields();
    while (types.hasNext()) {
      Map.Entry<String, JsonNode> e = types.next();
      String typePointer = Pointers.child("/modules", e.getKey());
      JsonNode value = e.getValue();
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          JsonNode item = value.get(i);
          out.add(new Ref(e.getKey(), Pointers.child(typePointer, i), item, keyOf(item), out.size()));
        }
      } else if (value.isObject()) {
        out.add(new Ref(e.getKey(), typePointer, value, keyOf(value), out.size()));
      }
    }
    return out;
  }

  private static String keyOf(JsonNode module) {
    String key = JsonText.text(module.get("key"));
    return key == null || key.isEmpty() ? null : key;
  }

  private void match() {
    boolean[] usedOld = new boolean[oldRefs.size()];
    boolean[] usedNew = new boolean[newRefs.size()];
    // webhooks are the same by event and url, whatever their keys (a manifest names them webhook-1, webhook-2, ...)
    for (Ref o : oldRefs) {
      if (!o.type().equals(WEBHOOKS) || JsonText.text(o.node().get("event")) == null) {
        continue;
      }
      for (Ref n : newRefs) {
        if (!usedNew[n.order()] && n.type().equals(WEBHOOKS) && sameHook(o.node(), n.node())) {
          usedOld[o.order()] = true;
          usedNew[n.order()] = true;
          matched.add(new Pair(o, n, 1));
          break;
        }
      }
    }
    // same key, same type; then same key, another type
    for (boolean sameType : new boolean[] {true, false}) {
      for (Ref o : oldRefs) {
        if (usedOld[o.order()] || o.key() == null) {
          continue;
        }
        for (Ref n : newRefs) {
          if (!usedNew[n.order()] && o.key().equals(n.key()) && o.type().equals(n.type()) == sameType) {
            usedOld[o.order()] = true;
            usedNew[n.order()] = true;
            (sameType ? matched : moved).add(new Pair(o, n, 1));
            break;
          }
        }
      }
    }
    // keyless: equal content, then webhooks with the same event
    for (boolean equalOnly : new boolean[] {true, false}) {
      for (Ref o : oldRefs) {
        if (usedOld[o.order()] || o.key() != null) {
          continue;
        }
        for (Ref n : newRefs) {
          if (usedNew[n.order()] || (n.key() != null && !keyIsNoise(n)) || !o.type().equals(n.type())) {
            continue;
          }
          String event = JsonText.text(o.node().get("event"));
          boolean same =
              equalOnly
                  ? o.node().equals(n.node())
                  : event != null && event.equals(JsonText.text(n.node().get("event")));
          if (same) {
            usedOld[o.order()] = true;
            usedNew[n.order()] = true;
            matched.add(new Pair(o, n, 1));
            break;
          }
        }
      }
    }
    // renames: best similarity first, ties in descriptor order
    List<Pair> candidates = new ArrayList<>();
    for (Ref o : oldRefs) {
      if (usedOld[o.order()] || o.key() == null) {
        continue;
      }
      for (Ref n : newRefs) {
        if (usedNew[n.order()] || n.key() == null || !o.type().equals(n.type())) {
          continue;
        }
        double s = similarity(o, n);
        if (s >= RENAME_SIMILARITY) {
          candidates.add(new Pair(o, n, s));
        }
      }
    }
    candidates.sort(
        Comparator.comparingDouble((Pair p) -> -p.similarity())
            .thenComparingInt(p -> p.older().order())
            .thenComparingInt(p -> p.newer().order()));
    for (Pair p : candidates) {
      if (!usedOld[p.older().order()] && !usedNew[p.newer().order()]) {
        usedOld[p.older().order()] = true;
        usedNew[p.newer().order()] = true;
        renamed.add(p);
      }
    }
    renamed.sort(Comparator.comparingInt(p -> p.older().order()));
    for (Ref o : oldRefs) {
      if (!usedOld[o.order()]) {
        removed.add(o);
      }
    }
    for (Ref n : newRefs) {
      if (!usedNew[n.order()]) {
        added.add(n);
      }
    }
  }

  private static final String WEBHOOKS = "webhooks";

  private static boolean sameHook(JsonNode a, JsonNode b) {
    return java.util.Objects.equals(JsonText.text(a.get("event")), JsonText.text(b.get("event")))
        && java.util.Objects.equals(JsonText.text(a.get("url")), JsonText.text(b.get("url")));
  }

  /** True for webhooks, which customers know by event and url, never by key. */
  static boolean keyIsNoise(Ref r) {
    return r.type().equals(WEBHOOKS);
  }

  /**
   * Dice similarity of the two modules' leaf values, leaving out the key. An old value counts as kept when it is
   * equal to the new one, or becomes equal when the old key inside it (in a URL, say) is read as the new key. Two
   * modules that hold nothing but their key are equal.
   */
  static double similarity(Ref o, Ref n) {
    Map<String, String> a = leaves(o.node());
    Map<String, String> b = leaves(n.node());
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int same = 0;
    for (Map.Entry<String, String> e : a.entrySet()) {
      String now = b.get(e.getKey());
      if (now != null
          && (now.equals(e.getValue()) || now.equals(e.getValue().replace(o.key(), n.key())))) {
        same++;
      }
    }
    return 2.0 * same / (a.size() + b.size());
  }

  private static Map<String, String> leaves(JsonNode module) {
    JsonNode content = module;
    if (module.isObject()) {
      ObjectNode copy = ((ObjectNode) module).deepCopy();
      copy.remove("key");
      content = copy;
    }
    Map<String, String> out = new HashMap<>();
    JsonText.flatten(content, "", out);
    return out;
  }
}
