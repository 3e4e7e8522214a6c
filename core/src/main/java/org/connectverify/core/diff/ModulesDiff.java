package org.connectverify.core.diff;

import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Product;
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

  public static final Rule MODULE_FORGE_KEY_CHANGED =
      Rule.of(
          "diff/module-forge-key-changed",
          Severity.ERROR,
          "A Connect module moves to a native Forge module under another key: existing macros, bookmarked URLs and"
              + " data that name the Connect key stop working.");

  public static final Rule PAGE_FORGE_KEY_CHANGED =
      Rule.of(
          "diff/page-forge-key-changed",
          Severity.WARNING,
          "A Connect page moves to a native Forge page under another key: bookmarked and linked Connect URLs of the"
              + " page stop forwarding to it.");

  /** Connect module types that are pages: under another Forge key only their URLs break, no content or data. */
  private static final java.util.Set<String> PAGES =
      java.util.Set.of(
          "generalPages",
          "adminPages",
          "configurePage",
          "postInstallPage",
          "jiraProjectPages",
          "jiraProjectTabPanels",
          "jiraProjectAdminTabPanels",
          "spaceToolsTabs");

  @Override
  public List<Rule> rules() {
    return List.of(MODULE_REMOVED, MODULE_RENAMED, MODULE_FORGE_KEY_CHANGED, PAGE_FORGE_KEY_CHANGED);
  }

  @Override
  public void check(DiffContext ctx) {
    ModuleMatching m = ctx.modules();
    ForgeModules forge = ForgeModules.of(ctx.newer());
    java.util.Set<String> oldKeys = new java.util.HashSet<>();
    m.removed().forEach(r -> oldKeys.add(r.key()));
    m.matched().forEach(p -> oldKeys.add(p.older().key()));
    java.util.Set<String> taken = new java.util.HashSet<>();
    boolean toManifest = ctx.newer().origin().isManifest();
    for (ModuleMatching.Ref r : m.removed()) {
      ctx.claimOld(r.pointer());
      ForgeModules.Native same = r.key() == null ? null : forge.withKey(r.key());
      ForgeModules.Native templated = r.key() == null || same != null ? null : forge.withKeyIfEmpty(r.key());
      if (templated != null) {
        taken.add(templated.pointer());
        ctx.report(
            AutomaticChanges.RULE,
            ctx.newer().sourcePosition(templated.pointer() + "/key"),
            r.describe() + " moves to the native Forge module " + templated.type() + " "
                + JsonText.quoteFull(templated.key()) + ", the same key only where the placeholder is empty",
            "deploy production with the placeholder empty, so the Forge module keeps the Connect key; otherwise"
                + " existing uses of the Connect module break");
        continue;
      }
      if (same != null) {
        taken.add(same.pointer());
        ctx.report(
            AutomaticChanges.RULE,
            ctx.newer().sourcePosition(same.pointer() + "/key"),
            r.describe() + " moves to the native Forge module " + same.type() + " with the same key: existing uses of"
                + " it keep working",
            "test the Forge module on a site that used the Connect one (existing content, links, stored data)");
        continue;
      }
      String event = r.type().equals("webhooks") ? JsonText.text(r.node().get("event")) : null;
      String forgeEvent =
          event == null ? null : ForgeModules.forgeEvent(event, ctx.older().product() == Product.CONFLUENCE);
      ForgeModules.Native trigger = forgeEvent == null ? null : forge.triggerOn(ctx.newer(), forgeEvent);
      if (trigger != null) {
        ctx.report(
            AutomaticChanges.RULE,
            ctx.newer().sourcePosition(trigger.pointer() + "/key"),
            r.describe() + " moves to the Forge trigger " + JsonText.quoteFull(trigger.key()) + " on " + forgeEvent,
            "the trigger's payload differs from the Connect webhook's: test the handler with real events");
        continue;
      }
      ForgeModules.Native other = null;
      for (ForgeModules.Native n : forge.replacing(r.type())) {
        if (!taken.contains(n.pointer()) && (n.key() == null || !oldKeys.contains(n.key()))) {
          other = n;
          break;
        }
      }
      if (r.key() != null && other != null) {
        taken.add(other.pointer());
        boolean page = PAGES.contains(r.type());
        ctx.report(
            page ? PAGE_FORGE_KEY_CHANGED : MODULE_FORGE_KEY_CHANGED,
            ctx.newer().sourcePosition(other.pointer() + (other.key() == null ? "" : "/key")),
            r.describe() + " is replaced by the native Forge module " + other.type() + " "
                + (other.key() == null ? "without a key" : JsonText.quoteFull(other.key()))
                + ": only a Forge module with the Connect key takes over, so "
                + (page
                    ? "bookmarks and links to the Connect page (/plugins/servlet/ac/<app key>/" + r.key()
                        + ") stop forwarding to it"
                    : ModuleImpact.ofRemoving(r.type())),
            "give the " + other.type() + " module the Connect key: key: " + r.key(),
            List.of(new Finding.Related(ctx.inOld(r.pointer()), "Connect module")));
        continue;
      }
      ctx.report(
          MODULE_REMOVED,
          ctx.inOld(r.pointer()),
          r.describe() + " is removed: " + ModuleImpact.ofRemoving(r.type()),
          toManifest
              ? "keep it in connectModules, or replace it with a native Forge module that has the same key"
              : "keep the module (it can point at a page that explains the feature is gone), or tell customers"
                  + " before the release");
    }
    for (ModuleMatching.Pair p : m.matched()) {
      if (ModuleMatching.keyIsNoise(p.older())) {
        ctx.claimOld(p.older().pointer() + "/key");
        ctx.claimNew(p.newer().pointer() + "/key");
      }
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
