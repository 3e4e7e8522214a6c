package org.connectverify.core.diff;

import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.Rule;

/** The explicit list of diff checks, in the order they run; {@link AutomaticChanges} must come last. */
public final class DiffChecks {
  private DiffChecks() {}

  static List<DiffCheck> defaults() {
    return List.of(
        new KeyDiff(),
        new BaseUrlDiff(),
        new RegionBaseUrlDiff(),
        new AuthenticationDiff(),
        new InstalledLifecycleDiff(),
        new SignedInstallDiff(),
        new ApiVersionDiff(),
        new ScopesDiff(),
        new LicensingDiff(),
        new ModulesDiff(),
        new ConditionsDiff(),
        new LocalesDiff(),
        new MigrationDiff(),
        new ForgeApprovalDiff(),
        new AutomaticChanges());
  }

  /** Every rule {@code connect-verify diff} can report, in catalogue order. */
  public static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (DiffCheck c : defaults()) {
      rules.addAll(c.rules());
    }
    return rules;
  }
}
