package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.Descriptor;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/**
 * What changes when a Connect app ships its first Forge manifest (old side a descriptor, new side a manifest): the
 * lifecycle callbacks it relied on behave differently on Forge, and the descriptor fields a manifest does not carry
 * (name, vendor, links, apiVersion, apiMigrations) are listed once instead of as one removal each.
 */
final class MigrationDiff implements DiffCheck {
  public static final Rule FORGE_LIFECYCLE =
      Rule.of(
          "diff/forge-lifecycle",
          Severity.WARNING,
          "On Forge the installed callback is not sent on automatic (minor) updates and enabled/disabled are not sent"
              + " at all: an app that refreshes state only there goes stale.");

  static final String INSTALLED_TRIGGER = "avi:forge:installed:app";
  static final String UPGRADED_TRIGGER = "avi:forge:upgraded:app";

  /** Descriptor fields with no place in a manifest; Forge takes them from the listing or decides them itself. */
  private static final List<String> DESCRIPTOR_ONLY =
      List.of("name", "description", "vendor", "links", "icon", "apiVersion", "apiMigrations", "authentication");

  @Override
  public List<Rule> rules() {
    return List.of(FORGE_LIFECYCLE);
  }

  /** True when the comparison takes a Connect descriptor to a Forge manifest. */
  static boolean connectToForge(DiffContext ctx) {
    return !ctx.older().origin().isManifest() && ctx.newer().origin().isManifest();
  }

  @Override
  public void check(DiffContext ctx) {
    if (ctx.connectRetired()) {
      retired(ctx);
    }
    if (!connectToForge(ctx)) {
      return;
    }
    lifecycle(ctx);
    List<String> dropped = new ArrayList<>();
    for (String field : DESCRIPTOR_ONLY) {
      String pointer = "/" + field;
      ctx.claimOld(pointer);
      ctx.claimNew(pointer);
      if (!ctx.oldAt(pointer).isMissingNode() && !field.equals("authentication") && !field.equals("apiMigrations")) {
        dropped.add(field);
      }
    }
    if (!dropped.isEmpty()) {
      ctx.report(
          AutomaticChanges.RULE,
          appPosition(ctx.newer()),
          "the descriptor's " + String.join(", ", dropped) + (dropped.size() == 1 ? " has" : " have")
              + " no place in a Forge manifest: the Marketplace listing supplies what users see"
              + (dropped.contains("apiVersion") ? ", and Forge decides major or minor by what the update asks for" : ""),
          "check that the Marketplace listing shows the name, vendor and links you want");
    }
  }

  /** A fully adopted Forge app: the Connect parts that retire with the last Connect module, in one finding. */
  private static void retired(DiffContext ctx) {
    List<String> parts = new ArrayList<>();
    for (String field : List.of("baseUrl", "regionBaseUrls", "lifecycle", "translations", "cloudAppMigration")) {
      String pointer = "/" + field;
      if (!ctx.oldAt(pointer).isMissingNode()) {
        parts.add(field.equals("baseUrl") ? "baseUrl " + JsonText.quoteFull(JsonText.text(ctx.oldAt(pointer))) : field);
      }
      ctx.claimOld(pointer);
      ctx.claimNew(pointer);
    }
    // the JWT between sites and the Connect remote retires with them
    ctx.claimOld("/authentication");
    ctx.claimNew("/authentication");
    if (parts.isEmpty()) {
      return;
    }
    ctx.report(
        AutomaticChanges.RULE,
        appPosition(ctx.newer()),
        "the app keeps its Connect key but no Connect modules: Connect's " + String.join(", ", parts)
            + " retire, so sites stop calling the Connect remote and sending lifecycle callbacks",
        "keep the Connect remote answering until every site runs this version; existing sites update to it only"
            + " after their admin approves, if it is a major version");
  }

  private static void lifecycle(DiffContext ctx) {
    JsonNode installed = ctx.newAt("/lifecycle/installed");
    if (!installed.isTextual() || installed.asText().isBlank()) {
      return;
    }
    List<String> gone = new ArrayList<>();
    for (String event : List.of("enabled", "disabled")) {
      ctx.claimOld("/lifecycle/" + event);
      ctx.claimNew("/lifecycle/" + event);
      if (ctx.oldAt("/lifecycle/" + event).isTextual()) {
        gone.add(event + " (" + JsonText.quoteFull(ctx.oldAt("/lifecycle/" + event).asText()) + ")");
      }
    }
    boolean installedTrigger = hasTrigger(ctx.newer(), INSTALLED_TRIGGER);
    boolean upgradedTrigger = hasTrigger(ctx.newer(), UPGRADED_TRIGGER);
    String hint;
    if (installedTrigger && upgradedTrigger) {
      hint = "the manifest's triggers on " + INSTALLED_TRIGGER + " and " + UPGRADED_TRIGGER + " run on every install"
          + " and update: refresh the shared secret and stored baseUrl there too";
    } else {
      hint = "add a trigger module on " + (installedTrigger ? "" : INSTALLED_TRIGGER + " and ") + UPGRADED_TRIGGER
          + " that refreshes per-site state, and stop relying on installed arriving after every update";
    }
    ctx.report(
        FORGE_LIFECYCLE,
        ctx.inNew("/lifecycle/installed"),
        "on Forge, installed (" + JsonText.quoteFull(installed.asText()) + ") is not called when a minor update"
            + " rolls out automatically"
            + (gone.isEmpty()
                ? ""
                : ", and " + String.join(" and ", gone) + (gone.size() == 1 ? " is" : " are") + " no longer sent")
            + ": shared secrets, baseUrls or flags refreshed only there go stale on existing sites",
        hint);
  }

  /** True when a native trigger module of the manifest listens to the event. */
  static boolean hasTrigger(Descriptor side, String event) {
    for (ForgeModules.Native t : ForgeModules.of(side).ofType("trigger")) {
      JsonNode events = side.origin().document().at(t.pointer() + "/events");
      for (JsonNode e : events) {
        if (event.equals(e.asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The manifest's {@code app} member, or its first line. */
  static Position appPosition(Descriptor manifest) {
    return manifest.origin().document().path("app").isObject()
        ? manifest.sourceKeyPosition("/app")
        : manifest.sourcePosition("");
  }
}
