package org.connectverify.core.template;

import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** Rules reported while filling a templated descriptor's placeholders, before any check runs. */
public final class TemplateRules {
  private TemplateRules() {}

  public static final Rule UNRESOLVED =
      Rule.of(
          "template/unresolved",
          Severity.WARNING,
          "A template placeholder ({{localBaseUrl}}, ${addonKey}, ...) has no value, so the checks of that field cannot"
              + " run; a release-gate rule (an error with --strict).");

  public static final Rule ACE_INSTALLED_PATH =
      Rule.of(
          "auth/ace-installed-path",
          Severity.ERROR,
          "In an atlassian-connect-express app, lifecycle.installed is not \"/installed\", the only install route ACE"
              + " serves: the install callback gets 404 and the install fails.");

  public static final Rule NOT_RENDERED =
      Rule.of(
          "template/not-rendered",
          Severity.WARNING,
          "The file is a server-side template (ERB, Jinja/Django, Go, Twirl, Maven filtering) that is JSON only once"
              + " rendered, so no check can run on it; a release-gate rule (an error with --strict).");
}
