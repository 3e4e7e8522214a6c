package org.connectverify.core.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.connectverify.core.Descriptor;
import org.connectverify.core.DescriptorLoader;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.InternalRules;
import org.connectverify.core.Position;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.Version;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.json.JsonReader;

/**
 * Compares the descriptor customers have (OLD) with the one about to be released (NEW) and classifies every change
 * by what it does to existing installs: breaking or data-losing (errors), needing each customer's admin to approve
 * it or a major version (warnings), or rolled out automatically (info). Findings point into NEW, or into OLD for what
 * was removed. Each side is read as verify reads it, templated and with its product decided the same way; the run's
 * options (template values, fail threshold, skipped rules, severity overrides, product) apply as in verify.
 */
public final class DescriptorDiff {
  private final VerifyOptions options;
  private final DescriptorLoader loader;

  private DescriptorDiff(VerifyOptions options, DescriptorLoader loader) {
    this.options = options;
    this.loader = loader;
  }

  /**
   * A comparison with the run's options; both sides are read as verify reads them (see {@link DescriptorLoader}).
   *
   * @throws InputException when a {@code --vars} file is missing or malformed
   */
  public static DescriptorDiff create(VerifyOptions options) throws InputException {
    return new DescriptorDiff(Objects.requireNonNull(options), DescriptorLoader.create(options));
  }

  /** Compares two descriptors already read. */
  public Report diff(DiffSide older, DiffSide newer) {
    List<Finding> findings = new ArrayList<>();
    List<Report.Checked> checked = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Descriptor a = parse(older, findings, checked, notes);
    Descriptor b = parse(newer, findings, checked, notes);
    if (a != null && b != null) {
      DiffContext ctx = new DiffContext(a, b, findings);
      for (DiffCheck check : DiffChecks.defaults()) {
        if (ctx.isDifferentApp()) {
          break; // a manifest without app.connect is another app: what else changed does not reach customers
        }
        InternalRules.guard(
            "diff check",
            check.getClass(),
            () -> check.check(ctx),
            b.file(),
            "this is a bug in connect-verify; please report it with both descriptors",
            findings);
      }
    }
    List<Finding> effective = options.effective(findings);
    if (a != null && b != null) {
      notes.add(b.origin().isManifest() ? forgeVerdict(effective, !a.origin().isManifest()) : verdict(effective));
    }
    return new Report(Version.get(), checked, effective, options.failOn(), notes);
  }

  /**
   * Reads one side as verify does (templated, product chosen or detected); null when it cannot be compared (its
   * reading problems are then findings). Problems of a side that parses (duplicate keys, comments, placeholders
   * without a value) are verify's business: they are not changes, so they are not findings here. A placeholder
   * without a value is compared as written, which can look like a change, so it becomes a note saying so.
   */
  private Descriptor parse(
      DiffSide side, List<Finding> findings, List<Report.Checked> checked, List<String> notes) {
    DescriptorLoader.Loaded loaded = loader.load(side.file(), side.display(), side.bytes());
    JsonReader.Result parsed = loaded.parsed();
    if (!parsed.parsed() || !parsed.root().isObject()) {
      if (parsed.parsed()) {
        findings.add(
            new Finding(
                org.connectverify.core.json.JsonRules.SYNTAX.id(),
                Severity.ERROR,
                new Position(side.display(), 1, 1, ""),
                "expected a JSON object (a descriptor), found " + JsonText.brief(parsed.root()),
                null,
                List.of()));
      } else {
        findings.addAll(parsed.findings());
      }
      checked.add(new Report.Checked(side.display(), null, null, null));
      notes.add(side.display() + " cannot be read as a descriptor, so nothing was compared");
      return null;
    }
    notes.addAll(loaded.notes());
    for (Finding f : loaded.findings()) {
      notes.add(
          f.file() + ":" + f.line() + ":" + f.column() + ": " + f.message() + "; compared as written"
              + (f.hint() == null ? "" : "; " + f.hint()));
    }
    Descriptor d = loaded.descriptor();
    checked.add(new Report.Checked(side.display(), d.product(), d.productReason(), d.key()));
    return d;
  }

  /** What the Marketplace will make of the update, by the classes of the findings that remain. */
  static String verdict(List<Finding> findings) {
    boolean major = has(findings, "diff/major-api-version");
    boolean approval = has(findings, "diff/needs-approval-");
    long breaking = findings.stream().filter(f -> breaking(f.ruleId())).count();
    boolean any = findings.stream().anyMatch(f -> f.ruleId().startsWith("diff/"));
    String kind;
    if (major) {
      kind = "major (apiVersion changes; each customer's admin must approve it)";
    } else if (approval) {
      kind = "minor (each customer's admin must approve it; until then customers keep the old version)";
    } else if (any) {
      kind = "micro (rolled out to every customer automatically, no approval)";
    } else {
      return "Marketplace update: none (the descriptors are equivalent)";
    }
    return "Marketplace update: "
        + kind
        + (breaking == 0
            ? "; nothing breaks existing installs"
            : breaking == 1
                ? "; 1 change breaks existing installs or loses customer data"
                : "; " + breaking + " changes break existing installs or lose customer data");
  }

  /** Why a Forge update needs each admin's approval, by rule. */
  private static final Map<String, String> APPROVAL_REASONS = approvalReasons();

  private static Map<String, String> approvalReasons() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("diff/needs-approval-scopes", "new Connect scopes");
    m.put("diff/needs-approval-forge-scopes", "new Forge scopes");
    m.put("diff/needs-approval-remotes", "a new remote, region or end-user data storage");
    m.put("diff/breaking-base-url", "a changed remote baseUrl");
    m.put("diff/breaking-region-base-url", "a changed region URL");
    m.put("diff/needs-approval-permissions", "new content or external permissions");
    m.put("diff/needs-approval-providers", "auth provider changes");
    m.put("diff/needs-approval-licensing", "licensing switches between free and paid");
    return m;
  }

  /**
   * What Forge will make of an update whose new side is a manifest: major when anything in it needs each admin's
   * approval (Forge versioning rules), otherwise minor, rolled out automatically.
   */
  static String forgeVerdict(List<Finding> findings, boolean firstForgeVersion) {
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<String, String> e : APPROVAL_REASONS.entrySet()) {
      if (findings.stream().anyMatch(f -> f.ruleId().equals(e.getKey()))) {
        reasons.add(e.getValue());
      }
    }
    long breaking = findings.stream().filter(f -> breaking(f.ruleId())).count();
    String kind =
        reasons.isEmpty()
            ? "minor: rolls out automatically (to every site within about 120 hours, no approval"
                + (firstForgeVersion ? "; the first Forge version asks for nothing beyond the Connect version" : "")
                + ")"
            : "major: every admin must approve (" + String.join(", ", reasons) + "); until then each site keeps the"
                + " old version";
    return "Marketplace update: "
        + kind
        + (breaking == 0
            ? "; nothing breaks existing installs"
            : breaking == 1
                ? "; 1 change breaks existing installs or loses customer data"
                : "; " + breaking + " changes break existing installs or lose customer data");
  }

  private static boolean has(List<Finding> findings, String prefix) {
    return findings.stream().anyMatch(f -> f.ruleId().startsWith(prefix));
  }

  private static boolean breaking(String ruleId) {
    return ruleId.startsWith("diff/breaking-")
        || ruleId.startsWith("diff/module-")
        || ruleId.equals("diff/locale-removed")
        || ruleId.equals("diff/condition-added");
  }
}
