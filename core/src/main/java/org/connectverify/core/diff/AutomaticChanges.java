package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;

/**
 * Every change no other diff check explained, one finding each, where it happened: values changed, members added or
 * removed, modules added. Runs last; skips what the other checks claimed. A removed or added subtree is reported
 * once, unless part of it was claimed, in which case its other parts are reported one by one.
 */
final class AutomaticChanges implements DiffCheck {
  public static final Rule RULE =
      Rule.of(
          "diff/automatic",
          Severity.INFO,
          "Any other descriptor change: rolled out to every customer automatically (a micro version), no approval"
              + " needed.");

  /** The hint of every automatic change. */
  static final String HINT = "customers get this automatically within a day of the release; no admin approval";

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public void check(DiffContext ctx) {
    walk(ctx, ctx.older().root(), ctx.newer().root(), "", "");
  }

  private void walk(DiffContext ctx, JsonNode a, JsonNode b, String pa, String pb) {
    if (ctx.isClaimedOld(pa) || ctx.isClaimedNew(pb) || a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = a.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String ca = Pointers.child(pa, e.getKey());
        String cb = Pointers.child(pb, e.getKey());
        if (pa.isEmpty() && e.getKey().equals("modules")) {
          modules(ctx);
        } else if (b.has(e.getKey())) {
          walk(ctx, e.getValue(), b.get(e.getKey()), ca, cb);
        } else {
          removed(ctx, e.getValue(), ca);
        }
      }
      Iterator<Map.Entry<String, JsonNode>> news = b.fields();
      while (news.hasNext()) {
        Map.Entry<String, JsonNode> e = news.next();
        if (a.has(e.getKey())) {
          continue;
        }
        if (pb.isEmpty() && e.getKey().equals("modules")) {
          modules(ctx);
        } else {
          added(ctx, e.getValue(), Pointers.child(pb, e.getKey()));
        }
      }
    } else if (a.isArray() && b.isArray()) {
      for (ArrayPairing.Pair p : ArrayPairing.pair(a, b)) {
        if (p.older() < 0) {
          added(ctx, b.get(p.newer()), Pointers.child(pb, p.newer()));
        } else if (p.newer() < 0) {
          removed(ctx, a.get(p.older()), Pointers.child(pa, p.older()));
        } else {
          walk(ctx, a.get(p.older()), b.get(p.newer()), Pointers.child(pa, p.older()), Pointers.child(pb, p.newer()));
        }
      }
    } else {
      String[] shown = JsonText.briefPair(a, b);
      ctx.report(RULE, ctx.inNew(pb), where(ctx, pb, false) + " changes from " + shown[0] + " to " + shown[1], HINT);
    }
  }

  /**
   * Module lists compare by the module matching, not by index. Module types that hold neither a list nor an object,
   * or an empty one, compare as plain values.
   */
  private void modules(DiffContext ctx) {
    JsonNode a = ctx.oldAt("/modules");
    JsonNode b = ctx.newAt("/modules");
    if ((!a.isObject() && !a.isMissingNode()) || (!b.isObject() && !b.isMissingNode())) {
      if (a.isMissingNode()) {
        added(ctx, b, "/modules");
      } else if (b.isMissingNode()) {
        removed(ctx, a, "/modules");
      } else {
        walk(ctx, a, b, "/modules", "/modules");
      }
      return;
    }
    ModuleMatching m = ctx.modules();
    for (ModuleMatching.Pair p : m.matched()) {
      walk(ctx, p.older().node(), p.newer().node(), p.older().pointer(), p.newer().pointer());
    }
    for (ModuleMatching.Pair p : m.renamed()) {
      walk(ctx, p.older().node(), p.newer().node(), p.older().pointer(), p.newer().pointer());
    }
    for (ModuleMatching.Ref r : m.removed()) {
      removed(ctx, r.node(), r.pointer());
    }
    for (ModuleMatching.Ref r : m.added()) {
      added(ctx, r.node(), r.pointer());
    }
    Iterator<Map.Entry<String, JsonNode>> it = a.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode other = b.path(e.getKey());
      String p = Pointers.child("/modules", e.getKey());
      if (other.isMissingNode()) {
        if (!holdsModules(e.getValue())) {
          removed(ctx, e.getValue(), p);
        }
      } else if (!holdsModules(e.getValue()) && !holdsModules(other)) {
        walk(ctx, e.getValue(), other, p, p);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> news = b.fields();
    while (news.hasNext()) {
      Map.Entry<String, JsonNode> e = news.next();
      if (!a.has(e.getKey()) && !holdsModules(e.getValue())) {
        added(ctx, e.getValue(), Pointers.child("/modules", e.getKey()));
      }
    }
  }

  /** A non-empty list or an object: what the module matching covers. */
  private static boolean holdsModules(JsonNode value) {
    return value.isObject() || (value.isArray() && !value.isEmpty());
  }

  private void removed(DiffContext ctx, JsonNode node, String pointer) {
    if (ctx.isClaimedOld(pointer)) {
      return;
    }
    if (ctx.hasClaimBelowOld(pointer)) {
      each(node, pointer, (child, p) -> removed(ctx, child, p));
      return;
    }
    ctx.report(
        RULE,
        ctx.keyInOld(pointer),
        where(ctx, pointer, true) + " is removed (was " + JsonText.brief(node) + ")",
        HINT);
  }

  private void added(DiffContext ctx, JsonNode node, String pointer) {
    if (ctx.isClaimedNew(pointer)) {
      return;
    }
    if (ctx.hasClaimBelowNew(pointer)) {
      each(node, pointer, (child, p) -> added(ctx, child, p));
      return;
    }
    ModuleMatching.Ref module = ctx.modules().newModuleAt(pointer);
    String message =
        module != null && module.pointer().equals(pointer)
            ? module.describe() + " is added"
            : where(ctx, pointer, false) + " is added: " + JsonText.brief(node);
    ctx.report(RULE, ctx.keyInNew(pointer), message, HINT);
  }

  private interface ChildVisitor {
    void visit(JsonNode child, String pointer);
  }

  private static void each(JsonNode node, String pointer, ChildVisitor visitor) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        visitor.visit(e.getValue(), Pointers.child(pointer, e.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        visitor.visit(node.get(i), Pointers.child(pointer, i));
      }
    }
  }

  /** {@code /name}, or {@code module "k" (type) /url} inside a module, or the module itself. */
  private static String where(DiffContext ctx, String pointer, boolean old) {
    ModuleMatching.Ref module = old ? ctx.modules().oldModuleAt(pointer) : ctx.modules().newModuleAt(pointer);
    if (module == null) {
      return pointer.isEmpty() ? "the descriptor" : pointer;
    }
    String rest = pointer.substring(module.pointer().length());
    return rest.isEmpty() ? module.describe() : module.describe() + " " + rest;
  }
}
