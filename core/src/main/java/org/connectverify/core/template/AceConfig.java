package org.connectverify.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.resources.ResourceResolver;

/**
 * The values atlassian-connect-express puts into {@code {{localBaseUrl}}}, {@code {{appKey}}} and
 * {@code {{environment}}} when it serves the descriptor, read as ACE reads them (its {@code lib/internal/config.js}):
 * the project is one whose {@code package.json} depends on {@code atlassian-connect-express}; the mode is
 * {@code NODE_ENV}; the mode's block of {@code config.json} gives {@code localBaseUrl} (with {@code $port}),
 * {@code appKey} and {@code environment}, with {@code $NAME} references taken from the environment; the variables
 * {@code AC_LOCAL_BASE_URL}, {@code AC_APP_KEY} and {@code NODE_ENV} win over the file.
 *
 * <p>One deliberate difference: without {@code NODE_ENV} ACE runs its development mode (a developer's machine), while
 * a verifier checks what customers install, so the mode is {@code production}, and a missing {@code production} block
 * does not fall back to {@code development} (whose localBaseUrl is a tunnel or localhost). Set {@code NODE_ENV} to
 * verify another mode exactly as ACE would.
 */
final class AceConfig {
  private static final Pattern ENV_REF = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final int PARENTS = 2;

  private AceConfig() {}

  /**
   * The ACE layers for a descriptor, strongest first: the environment, then {@code config.json}; empty when the
   * descriptor is not in an ACE project.
   */
  static List<Variables.Layer> layers(
      Supplier<Path> projectOf,
      Map<String, String> env,
      JsonReader json,
      ResourceResolver display,
      List<String> notes) {
    Path project = projectOf.get();
    if (project == null) {
      return List.of();
    }
    boolean modeGiven = env.get("NODE_ENV") != null && !env.get("NODE_ENV").isBlank();
    String mode = modeGiven ? env.get("NODE_ENV").trim() : "production";
    Map<String, String> fromEnv = new LinkedHashMap<>();
    put(fromEnv, "localBaseUrl", env.get("AC_LOCAL_BASE_URL"));
    put(fromEnv, "appKey", env.get("AC_APP_KEY"));
    put(fromEnv, "environment", env.get("NODE_ENV"));
    Map<String, String> fromFile = new LinkedHashMap<>();
    Path configFile = project.resolve("config.json");
    String shown = display.display(configFile) + " (" + mode + ")";
    JsonNode block = null;
    if (Files.isRegularFile(configFile)) {
      try {
        JsonReader.Result r = json.read(Files.readAllBytes(configFile), shown);
        if (r.root() != null && r.root().isObject()) {
          block = r.root().get(mode);
          if (block == null && modeGiven) {
            block = r.root().get("development"); // ACE's own fallback
          }
        }
      } catch (IOException e) {
        notes.add("cannot read " + display.display(configFile) + " for {{localBaseUrl}}: " + e.getMessage());
      }
    }
    if (block != null && block.isObject()) {
      String port = env.getOrDefault("PORT", block.path("port").asText("3000"));
      String local = expand(block.path("localBaseUrl").asText(null), env);
      if (local != null) {
        local = local.replace("$port", port);
      }
      put(fromFile, "localBaseUrl", local);
      put(fromFile, "appKey", expand(block.path("appKey").asText(null), env));
      put(fromFile, "environment", expand(block.path("environment").asText(null), env));
    }
    if (!fromFile.containsKey("environment")) {
      fromFile.put("environment", mode); // ACE: NODE_ENV, else the block's value; our default mode is production
    }
    List<Variables.Layer> out = new ArrayList<>();
    out.add(new Variables.Layer("the environment (atlassian-connect-express)", fromEnv, false));
    out.add(new Variables.Layer(shown, fromFile, false));
    return out;
  }

  /**
   * The finding for an ACE app whose {@code lifecycle.installed} is not the route ACE serves ({@code POST
   * <baseUrl path>/installed}, registered unless config.json sets {@code setupInstallRoute: false}), or null.
   */
  static org.connectverify.core.Finding installedPath(
      Supplier<Path> projectOf,
      JsonNode root,
      JsonReader json,
      String file,
      org.connectverify.core.json.SourceMap sourceMap,
      org.connectverify.core.VerifyOptions options) {
    JsonNode installed = root.path("lifecycle").path("installed");
    if (!installed.isTextual() || org.connectverify.core.template.TemplateEngine.holdsPlaceholder(installed.asText())) {
      return null;
    }
    String value = installed.asText().trim();
    // the path without a query or fragment (most values have neither: no pattern compiled per descriptor)
    String path = value.indexOf('?') < 0 && value.indexOf('#') < 0 ? value : value.replaceFirst("[?#].*$", "");
    if (path.equals("/installed")) {
      return null; // before looking for the project: that takes a look at the file system per folder
    }
    Path project = projectOf.get();
    if (project == null || !installRouteOn(project, json, options.environment())) {
      return null;
    }
    int[] lc = sourceMap.value("/lifecycle/installed");
    return new org.connectverify.core.Finding(
        TemplateRules.ACE_INSTALLED_PATH.id(),
        TemplateRules.ACE_INSTALLED_PATH.defaultSeverity(),
        new org.connectverify.core.Position(file, lc[0], lc[1], "/lifecycle/installed"),
        "lifecycle.installed \"" + value + "\" is not the route atlassian-connect-express serves (POST /installed"
            + " under the baseUrl): the install callback gets 404 and the install fails",
        "write \"installed\": \"/installed\", or set \"setupInstallRoute\": false in config.json and serve the"
            + " route yourself",
        java.util.List.of());
  }

  private static boolean installRouteOn(Path project, JsonReader json, Map<String, String> env) {
    Path configFile = project.resolve("config.json");
    if (!Files.isRegularFile(configFile)) {
      return true;
    }
    try {
      JsonNode root = json.read(Files.readAllBytes(configFile), "config.json").root();
      if (root == null) {
        return true;
      }
      String mode = env.get("NODE_ENV") != null && !env.get("NODE_ENV").isBlank() ? env.get("NODE_ENV") : "production";
      JsonNode block = root.has(mode) ? root.get(mode) : root.path("development");
      return !(block.path("setupInstallRoute").isBoolean() && !block.path("setupInstallRoute").asBoolean());
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * {@link #project} of a descriptor, looked up on the first ask only: templating and the install route check both
   * need it, and each look takes a system call per folder (and parses a {@code package.json} it finds).
   */
  static Supplier<Path> projectOf(Path descriptorFile, JsonReader json) {
    return new Supplier<>() {
      private boolean looked;
      private Path project;

      @Override
      public Path get() {
        if (!looked) {
          project = project(descriptorFile, json);
          looked = true;
        }
        return project;
      }
    };
  }

  /** The folder of an ACE project holding the descriptor: its own folder or up to two parents. */
  static Path project(Path descriptorFile, JsonReader json) {
    Path dir = descriptorFile.toAbsolutePath().normalize().getParent();
    for (int i = 0; dir != null && i <= PARENTS; i++, dir = dir.getParent()) {
      Path pkg = dir.resolve("package.json");
      if (Files.isRegularFile(pkg)) {
        try {
          JsonReader.Result r = json.read(Files.readAllBytes(pkg), "package.json");
          JsonNode root = r.root();
          if (root != null
              && (root.path("dependencies").has("atlassian-connect-express")
                  || root.path("devDependencies").has("atlassian-connect-express"))) {
            return dir;
          }
        } catch (IOException e) {
          return null;
        }
        return null; // the nearest package.json decides
      }
    }
    return null;
  }

  /** {@code $NAME} replaced from the environment; null when a reference has no value (ACE would serve it as is). */
  private static String expand(String value, Map<String, String> env) {
    if (value == null) {
      return null;
    }
    Matcher m = ENV_REF.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (m.group(1).equals("port")) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      String v = env.get(m.group(1));
      if (v == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void put(Map<String, String> map, String name, String value) {
    if (value != null && !value.isBlank()) {
      map.put(name, value);
    }
  }
}
