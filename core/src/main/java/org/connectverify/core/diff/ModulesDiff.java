package org.connectverify.core.diff;

import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * Modules that disappear: removed outright, or renamed (a removed key and an added key of the same type whose
 * content is otherwise equal or nearly so). Either way what customers built on the old key is lost. A key that moves
 * to another module type is listed as automatic.
 */
final class ModulesDiff implements DiffCheck {
  public static final Rule MODULE_REMOVED =
      Rule.of(
          "diff/module-removed",
          Severity.ERROR,
          "A module is removed: what customers built on it (macros in pages, custom content, entity properties,"
              + " workflow functions, webhooks) stops working.");
  public static final Rule MODULE_RENAMED =
      Rule.of(
          "diff/module-renamed",
          Severity.ERROR,
          "A module's key changes while its content stays: to the host it is a removed module plus a new one, so"
              + " what customers built on the old key stops working.");

  @Override
  public List<Rule> rules() {
    return List.of(MODULE_REMOVED, MODULE_RENAMED);
  }

  @Override
  public void check(DiffContext ctx) {
    ModuleMatching m = ctx.modules();
    for (ModuleMatching.Ref r : m.removed()) {
      ctx.claimOld(r.pointer());
      ctx.report(
          MODULE_REMOVED,
          ctx.inOld(r.pointer()),
          r.describe() + " is removed: " + ModuleImpact.ofRemoving(r.type()),
          "keep the module (it can point at a page that explains the feature is gone), or tell customers before the"
              + " release");
    }
    for (ModuleMatching.Pair p : m.renamed()) {
      String keyPointer = p.newer().pointer() + "/key";
      ctx.claimOld(p.older().pointer() + "/key");
      ctx.claimNew(keyPointer);
      ctx.report(
          MODULE_RENAMED,
          ctx.inNew(keyPointer),
          "module \""
              + p.older().key()
              + "\" ("
              + p.older().type()
              + ") is renamed to \""
              + p.newer().key()
              + "\": to the host the old module is gone, so "
              + ModuleImpact.ofRemoving(p.older().type()),
          "keep the old module key \"" + p.older().key() + "\"; change its name or URL instead",
          List.of(new Finding.Related(ctx.inOld(p.older().pointer() + "/key"), "old key")));
    }
    for (ModuleMatching.Pair p : m.moved()) {
      ctx.claimOld(p.older().pointer());
      ctx.claimNew(p.newer().pointer());
      ctx.report(
          AutomaticChanges.RULE,
          ctx.inNew(p.newer().pointer()),
          "module \"" + p.newer().key() + "\" moves from " + p.older().type() + " to " + p.newer().type(),
          "check that the new module type still offers what customers used");
    }
  }
}
