package org.connectverify.core.rules;

import java.util.regex.Pattern;

/**
 * Recognises values that still hold a template placeholder: atlassian-connect-express {@code {{localBaseUrl}}} (and
 * other {@code {{...}}} templates) or atlassian-connect-spring-boot {@code ${addon.base-url}}. Substituting them, and
 * reporting the ones left unresolved, is the templating step's job; the rules in this package leave such values alone
 * so that one problem is never reported twice.
 */
final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}|\\$\\{[^{}]*}");

  private Templates() {}

  /** True when {@code value} contains a {@code {{...}}} or {@code ${...}} placeholder. */
  static boolean holdsPlaceholder(String value) {
    return value != null && PLACEHOLDER.matcher(value).find();
  }
}
