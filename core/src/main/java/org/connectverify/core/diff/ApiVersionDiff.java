package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** An {@code apiVersion} change (absent counts as 1) is a major version that customers' admins must approve. */
final class ApiVersionDiff implements DiffCheck {
  public static final Rule MAJOR_API_VERSION =
      Rule.of(
          "diff/major-api-version",
          Severity.WARNING,
          "The update changes apiVersion: a major version, which each customer's admin must approve before it"
              + " reaches them.");

  private static final String POINTER = "/apiVersion";

  @Override
  public List<Rule> rules() {
    return List.of(MAJOR_API_VERSION);
  }

  @Override
  public void check(DiffContext ctx) {
    if (ctx.newer().origin().isManifest()) {
      return; // a manifest has no apiVersion: Forge decides major or minor by what the update asks for
    }
    String before = version(ctx.oldAt(POINTER));
    String after = version(ctx.newAt(POINTER));
    if (before.equals(after)) {
      return;
    }
    Position at = ctx.newAt(POINTER).isMissingNode() ? ctx.keyInOld(POINTER) : ctx.inNew(POINTER);
    ctx.claimOld(POINTER);
    ctx.claimNew(POINTER);
    ctx.report(
        MAJOR_API_VERSION,
        at,
        "apiVersion changes from "
            + before
            + " to "
            + after
            + ": a major version; each customer's admin must approve it, and until then the customer keeps the old"
            + " version",
        "change apiVersion only for a deliberate major release, announced to customers; keep "
            + before
            + " for ordinary updates");
  }

  /** The version as text; absent (or null) is 1, whole numbers compare as numbers. */
  private static String version(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return "1";
    }
    if (v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0)) {
      return v.decimalValue().stripTrailingZeros().toPlainString();
    }
    return v.isTextual() ? JsonText.quote(v.asText()) : v.toString();
  }
}
