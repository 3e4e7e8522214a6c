package org.connectverify.core.template;

import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** Rules reported while filling a templated descriptor's placeholders, before any check runs. */
public final class TemplateRules {
  private TemplateRules() {}

  public static final Rule UNRESOLVED =
      Rule.of(
          "template/unresolved",
          Severity.ERROR,
          "A template placeholder ({{localBaseUrl}}, ${addonKey}, ...) has no value, so the descriptor cannot be"
              + " verified as the product will see it.");
}
