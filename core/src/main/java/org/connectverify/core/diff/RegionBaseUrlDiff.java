package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;

/**
 * Region URLs ({@code regionBaseUrls}, or the region keys of the Connect remote's {@code baseUrl} in a manifest): a
 * region's URL changed or dropped strands the sites whose data lives there; a region added to a Forge manifest needs
 * each admin's approval.
 */
final class RegionBaseUrlDiff implements DiffCheck {
  public static final Rule BREAKING_REGION_BASE_URL =
      Rule.of(
          "diff/breaking-region-base-url",
          Severity.ERROR,
          "A region's base URL changes or disappears: sites pinned to that region keep calling the old address, or"
              + " fall back to the default one outside their data residency.");

  private static final String POINTER = "/regionBaseUrls";

  @Override
  public List<Rule> rules() {
    return List.of(BREAKING_REGION_BASE_URL);
  }

  @Override
  public void check(DiffContext ctx) {
    if (ctx.connectRetired()) {
      return; // reported once by MigrationDiff
    }
    JsonNode before = ctx.oldAt(POINTER);
    JsonNode after = ctx.newAt(POINTER);
    if (!before.isObject() && !after.isObject()) {
      return;
    }
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String region = e.getKey();
      String was = JsonText.text(e.getValue());
      String now = JsonText.text(after.get(region));
      String pointer = Pointers.child(POINTER, region);
      if (now == null) {
        ctx.report(
            BREAKING_REGION_BASE_URL,
            ctx.keyInOld(pointer),
            "the " + region + " region URL " + JsonText.quoteFull(was) + " is dropped: sites whose data lives in "
                + region + " lose their regional address",
            "keep the " + region + " URL " + JsonText.quoteFull(was));
      } else if (was != null && !trim(was).equals(trim(now))) {
        ctx.report(
            BREAKING_REGION_BASE_URL,
            ctx.inNew(pointer),
            "the " + region + " region URL changes from " + JsonText.quoteFull(was) + " to " + JsonText.quoteFull(now)
                + ": existing " + region + " sites keep calling the old one until they are reinstalled",
            "keep the old " + region + " address answering, or keep the URL");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (before.has(e.getKey())) {
        continue;
      }
      boolean forge = ctx.newer().origin().isManifest();
      ctx.report(
          forge ? ForgeApprovalDiff.NEEDS_APPROVAL_REMOTES : AutomaticChanges.RULE,
          ctx.inNew(Pointers.child(POINTER, e.getKey())),
          "region " + e.getKey() + " is added (" + JsonText.quoteFull(JsonText.text(e.getValue())) + ")"
              + (forge ? ": on Forge a new region needs each admin's approval (a major version)" : ""),
          forge ? ForgeApprovalDiff.HINT : AutomaticChanges.HINT);
    }
  }

  private static String trim(String url) {
    String t = url.trim();
    return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
  }
}
