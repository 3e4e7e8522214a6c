package org.connectverify.core.manifest;

import java.util.List;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** The rules the manifest reader itself reports; the manifest checks carry their own. */
public final class ManifestRules {
  private ManifestRules() {}

  /** Forge refuses to deploy a manifest larger than this many bytes. */
  public static final int MAX_BYTES = 200 * 1024;

  public static final Rule YAML_SYNTAX =
      Rule.of(
          "manifest/yaml-syntax",
          Severity.ERROR,
          "The manifest is not one valid YAML document (syntax error, tab indentation, several documents, alias"
              + " bomb): forge deploy refuses it.");
  public static final Rule DUPLICATE_KEY =
      Rule.of(
          "manifest/duplicate-key",
          Severity.ERROR,
          "A YAML mapping in the manifest has the same key twice: Forge's YAML parser refuses the manifest.");
  public static final Rule TOO_LARGE =
      Rule.of(
          "manifest/too-large",
          Severity.ERROR,
          "The manifest is larger than Forge's 200 KB limit: forge deploy refuses it.");

  /** The reader's rules, in catalogue order. */
  public static List<Rule> reading() {
    return List.of(YAML_SYNTAX, DUPLICATE_KEY, TOO_LARGE);
  }
}
