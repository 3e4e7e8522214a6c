package org.connectverify.core.config;

import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** Rules about the configuration file itself. */
public final class ConfigRules {
  private ConfigRules() {}

  public static final Rule UNUSED_SUPPRESSION =
      Rule.of(
          "config/unused-suppression",
          Severity.WARNING,
          "A suppression in connect-verify.json matches no finding any more; left in place it would hide the next"
              + " problem at that spot.");
}
