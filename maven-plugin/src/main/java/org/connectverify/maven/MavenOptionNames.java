package org.connectverify.maven;

import java.util.Map;
import org.connectverify.core.OptionNames;

/**
 * Core's hints and notes name options as Maven users set them: the plugin parameter and its {@code -Dconnect.*}
 * property ({@code <resources> (-Dconnect.resources)}), never a CLI flag.
 */
final class MavenOptionNames implements OptionNames {
  /** CLI option name to plugin parameter; each parameter's user property is {@code connect.<parameter>}. */
  private static final Map<String, String> PARAMETERS =
      Map.ofEntries(
          Map.entry("product", "product"),
          Map.entry("fail-on", "failOn"),
          Map.entry("skip-rule", "skipRules"),
          Map.entry("severity", "severities"),
          Map.entry("resources", "resources"),
          Map.entry("vars", "varsFiles"),
          Map.entry("spring-profile", "springProfiles"),
          Map.entry("default-locale", "defaultLocale"),
          Map.entry("online", "online"),
          Map.entry("env-vars", "envVars"),
          Map.entry("base-url", "baseUrl"),
          Map.entry("descriptor-url", "descriptorUrl"),
          Map.entry("config", "config"),
          Map.entry("baseline", "baseline"),
          Map.entry("write-baseline", "writeBaseline"),
          Map.entry("source-root", "sourceRoot"));

  @Override
  public String of(String name, String value) {
    if (name.equals("var")) {
      if (value == null) {
        return "<vars> (-Dconnect.vars)";
      }
      int eq = value.indexOf('=');
      String n = eq > 0 ? value.substring(0, eq) : value;
      String v = eq > 0 ? value.substring(eq + 1) : "VALUE";
      return "<vars><" + n + ">" + v + "</" + n + "></vars> (or -Dconnect.vars=" + value + ")";
    }
    String parameter = PARAMETERS.get(name);
    if (parameter == null) {
      return OptionNames.CLI.of(name, value);
    }
    if (name.equals("online") || name.equals("env-vars")) {
      return "<" + parameter + ">true</" + parameter + "> (-Dconnect." + parameter + ")";
    }
    return value == null
        ? "<" + parameter + "> (-Dconnect." + parameter + ")"
        : "<" + parameter + ">" + value + "</" + parameter + "> (-Dconnect." + parameter + "=" + value + ")";
  }
}
