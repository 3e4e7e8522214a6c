package org.connectverify.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.Position;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.json.SourceMap;
import org.connectverify.core.resources.ResourceResolver;

/**
 * Turns a templated descriptor into the descriptor the product will see, before product detection and every check.
 * Values come, strongest first, from {@code --var NAME=VALUE}, {@code --vars FILE} (later files win) and, for
 * {@code ${...}} only, a Spring Boot project's {@code application-<profile>.properties|yml} and
 * {@code application.properties|yml} in the descriptor's folder or its {@code config/} subfolder (the class-path root
 * atlassian-connect-spring-boot loads the descriptor from). Environment variables are deliberately not read: the
 * verdict must not depend on the machine it runs on. One instance per run.
 */
public final class Templating {
  private static final Map<String, String> ACE_SOURCES =
      Map.of(
          "localBaseUrl", "AC_LOCAL_BASE_URL or config.json's \"localBaseUrl\" in the NODE_ENV block (production by default)",
          "appKey", "AC_APP_KEY or config.json's \"appKey\" in the NODE_ENV block (production by default)",
          "environment", "NODE_ENV");
  private static final Map<String, String> ACE_EXAMPLES =
      Map.of(
          "localBaseUrl", "https://your-app.example.com",
          "appKey", "com.example.your-app",
          "environment", "production");

  private final Variables user;
  private final VariableFiles files;
  private final List<String> profiles;
  private final ResourceResolver display;
  private final VerifyOptions options;

  private Templating(
      Variables user, VariableFiles files, List<String> profiles, ResourceResolver display, VerifyOptions options) {
    this.user = user;
    this.files = files;
    this.profiles = profiles;
    this.display = display;
    this.options = options;
  }

  /**
   * Reads the run's {@code --var} and {@code --vars} values.
   *
   * @throws InputException when a {@code --vars} file is missing or malformed
   */
  public static Templating create(VerifyOptions options, JsonReader json, ResourceResolver display)
      throws InputException {
    VariableFiles files = new VariableFiles(json);
    List<Variables.Layer> layers = new ArrayList<>();
    // One layer per place the values were given (the host's option, the configuration file, ...), so notes say where a
    // value came from; a name has one value, so splitting changes no result.
    Map<String, Map<String, String>> bySource = new LinkedHashMap<>();
    options.vars().forEach(
        (name, value) ->
            bySource
                .computeIfAbsent(
                    options.varSources().getOrDefault(name, options.optionNames().of("var", null)),
                    k -> new LinkedHashMap<>())
                .put(name, value));
    bySource.forEach((source, values) -> layers.add(new Variables.Layer(source, values, false)));
    List<Path> varsFiles = new ArrayList<>(options.varsFiles());
    java.util.Collections.reverse(varsFiles);
    for (Path given : varsFiles) {
      Path f = options.baseDir().resolve(given).normalize();
      String shown = f.startsWith(options.baseDir()) ? display.display(f) : given.toString().replace('\\', '/');
      layers.add(new Variables.Layer(shown, files.readVarsFile(f, shown), false));
    }
    return new Templating(new Variables(layers), files, options.springProfiles(), display, options);
  }

  /**
   * What templating did to one descriptor.
   *
   * @param root the tree the checks see
   * @param findings unresolved placeholders, located in the original file
   * @param notes what was filled from where, and Spring files that could not be read
   */
  public record Outcome(JsonNode root, List<Finding> findings, List<String> notes) {}

  /**
   * Fills one descriptor's placeholders, given {@link TemplateEngine#markers(JsonNode)} of {@code root} (as the reader
   * told them), or -1 to find them.
   */
  public Outcome apply(Path descriptorFile, String file, JsonNode root, SourceMap sourceMap, int markers) {
    List<String> notes = new ArrayList<>();
    Variables vars = user;
    if (markers < 0) {
      markers = TemplateEngine.markers(root); // one walk for the questions below and the fill
    }
    if (descriptorFile != null && (markers & TemplateEngine.SPRING_MARK) != 0) {
      vars = user.withWeaker(springLayers(descriptorFile, notes));
    }
    java.util.function.Supplier<Path> aceProject =
        descriptorFile == null ? null : AceConfig.projectOf(descriptorFile, files.json());
    if (aceProject != null && (markers & TemplateEngine.MUSTACHE_MARK) != 0) {
      vars = vars.withWeaker(AceConfig.layers(aceProject, options.environment(), files.json(), display, notes));
    }
    Outcome filled = fill(root, markers, vars, file, sourceMap, notes, false);
    if (aceProject != null) {
      Finding ace = AceConfig.installedPath(aceProject, filled.root(), files.json(), file, sourceMap, options);
      if (ace != null) {
        List<Finding> findings = new ArrayList<>(filled.findings());
        findings.add(ace);
        return new Outcome(filled.root(), findings, filled.notes());
      }
    }
    return filled;
  }

  /**
   * Fills one Forge manifest's {@code ${VAR}} placeholders as {@code forge deploy} does from environment variables:
   * from {@code --var} and {@code --vars}, then the process environment when the user asked for it.
   */
  public Outcome applyManifest(String file, JsonNode root, SourceMap sourceMap) {
    List<Variables.Layer> weaker = new ArrayList<>();
    if (options.usesEnvironment() && !options.environment().isEmpty()) {
      weaker.add(new Variables.Layer("the environment", options.environment(), true));
    }
    // forge deploy takes a declared variable's default when the environment does not set it
    Map<String, String> defaults = new LinkedHashMap<>();
    for (JsonNode v : root.path("environment").path("variables")) {
      if (v.path("key").isTextual() && v.path("default").isValueNode() && !v.path("default").isNull()) {
        defaults.put(v.get("key").asText(), v.get("default").asText());
      }
    }
    if (!defaults.isEmpty()) {
      weaker.add(new Variables.Layer("the manifest's environment.variables defaults", defaults, true));
    }
    Variables vars = weaker.isEmpty() ? user : user.withWeaker(weaker);
    return fill(root, TemplateEngine.markers(root), vars, file, sourceMap, new ArrayList<>(), true);
  }

  /** Fills {@code root}, whose {@link TemplateEngine#markers} the caller has asked for. */
  private Outcome fill(
      JsonNode root,
      int markers,
      Variables vars,
      String file,
      SourceMap sourceMap,
      List<String> notes,
      boolean manifest) {
    TemplateEngine.Result r = new TemplateEngine().apply(root, vars, markers);
    List<Finding> findings = unresolved(r, root, file, sourceMap, notes, manifest);
    if (!r.filled().isEmpty()) {
      Map<String, List<String>> bySource = new LinkedHashMap<>();
      r.filled().forEach((text, v) -> bySource.computeIfAbsent(v.source(), k -> new ArrayList<>()).add(text));
      List<String> parts = new ArrayList<>();
      bySource.forEach((source, texts) -> parts.add(String.join(", ", texts) + " from " + source));
      notes.add(file + ": filled " + String.join("; ", parts));
    }
    return new Outcome(r.root(), findings, notes);
  }

  private List<Finding> unresolved(
      TemplateEngine.Result r,
      JsonNode original,
      String file,
      SourceMap sourceMap,
      List<String> notes,
      boolean manifest) {
    Map<String, List<TemplateEngine.Occurrence>> byText = new LinkedHashMap<>();
    List<String> unread = new ArrayList<>();
    for (TemplateEngine.Occurrence o : r.unresolved()) {
      if (o.reportable() && !blocksAnyCheck(o, original)) {
        unread.add(o.text() + " in " + label(o.pointer()));
        continue;
      }
      byText.computeIfAbsent(o.syntax() + " " + o.text(), k -> new ArrayList<>()).add(o);
    }
    List<Finding> out = new ArrayList<>();
    for (List<TemplateEngine.Occurrence> all : byText.values()) {
      TemplateEngine.Occurrence first = null;
      for (TemplateEngine.Occurrence o : all) {
        if (o.reportable()) {
          first = o;
          break;
        }
      }
      if (first == null) {
        continue;
      }
      int[] lc = sourceMap.value(first.pointer());
      Position at = new Position(file, lc[0], lc[1], first.pointer());
      String more = all.size() > 1 ? " (also in " + (all.size() - 1) + " more place" + (all.size() > 2 ? "s" : "") + ")" : "";
      out.add(
          new Finding(
              TemplateRules.UNRESOLVED.id(),
              TemplateRules.UNRESOLVED.defaultSeverity(),
              at,
              (manifest ? manifestMessage(first) : message(first, label(first.pointer()))) + more,
              manifest ? manifestHint(first) : hint(first),
              List.of()));
    }
    if (!unread.isEmpty()) {
      notes.add(
          file + ": left unfilled where no check reads the value (the host shows or passes it as it is): "
              + String.join(", ", new java.util.LinkedHashSet<>(unread)));
    }
    return out;
  }

  private static String manifestMessage(TemplateEngine.Occurrence o) {
    String head = "placeholder " + o.text() + " in " + Pointers.readable(o.pointer()) + " has no value";
    return o.syntax() == TemplateEngine.Syntax.SPRING
        ? head
            + ": forge deploy fills it from the environment variable "
            + o.name()
            + ", so connect-verify cannot check what the product will see"
        : head + ": Forge does not fill {{...}} placeholders; the product sees this text as it is";
  }

  private String manifestHint(TemplateEngine.Occurrence o) {
    String name = o.name().isEmpty() ? "NAME" : o.name();
    return o.syntax() == TemplateEngine.Syntax.SPRING
        ? "pass "
            + options.optionNames().of("var", name + "=VALUE")
            + " with the value of the environment you deploy to, or "
            + options.optionNames().of("env-vars", null)
            + " to read this process's environment"
        : "replace the placeholder with the value before deploying";
  }

  /** Fields no check reads: text the host only shows (description, vendor, links other than self), the version. */
  private static final java.util.regex.Pattern UNCHECKED_FIELDS =
      java.util.regex.Pattern.compile("/description|/version|/vendor(/.*)?|/links/(?!self$)[^/]+");

  /**
   * True when a placeholder without a value keeps a check from running: not in a field no check reads, nor only in a
   * URL's query string (a token the app reads itself, as in {@code /installed?token={{secret}}}).
   */
  private static boolean blocksAnyCheck(TemplateEngine.Occurrence o, JsonNode original) {
    if (UNCHECKED_FIELDS.matcher(o.pointer()).matches()) {
      return false;
    }
    JsonNode value = original.at(o.pointer());
    if (value.isTextual()) {
      String text = value.asText();
      int query = text.indexOf('?');
      int at = text.indexOf(o.text());
      return !(query >= 0 && at > query);
    }
    return true;
  }

  /** The checks a placeholder at {@code pointer} makes impossible, as users know them. */
  static String blocked(String pointer) {
    if (pointer.equals("/baseUrl")) {
      return "baseUrl's format, https and host, and the cross-app baseUrl comparison";
    }
    if (pointer.equals("/key")) {
      return "the app key's format and length, and the cross-app key comparison";
    }
    if (pointer.startsWith("/links")) {
      return "the links checks";
    }
    if (pointer.startsWith("/lifecycle")) {
      return "the lifecycle URL checks";
    }
    if (pointer.startsWith("/translations")) {
      return "the translation file checks";
    }
    if (pointer.equals("/name") || pointer.startsWith("/name/")) {
      return "the name length check";
    }
    return "the checks of " + label(pointer);
  }

  private String message(TemplateEngine.Occurrence o, String field) {
    String head =
        "placeholder " + o.text() + " in " + field + " has no value, so " + blocked(o.pointer()) + " did not run";
    if (o.syntax() == TemplateEngine.Syntax.SPRING) {
      return head
          + ": no "
          + options.optionNames().of("var", null)
          + ", no "
          + options.optionNames().of("vars", null)
          + " file and no Spring application properties next to the descriptor define \""
          + o.name()
          + "\"";
    }
    if (ACE_SOURCES.containsKey(o.name())) {
      return head
          + ": atlassian-connect-express fills it when it serves the descriptor, so connect-verify cannot check what"
          + " the product will see";
    }
    return head + ": the descriptor is a template and cannot be verified as the product will see it";
  }

  private String hint(TemplateEngine.Occurrence o) {
    String name = o.name().isEmpty() ? "NAME" : o.name();
    if (o.syntax() == TemplateEngine.Syntax.MUSTACHE && ACE_SOURCES.containsKey(name)) {
      return "pass "
          + options.optionNames().of("var", name + "=" + ACE_EXAMPLES.get(name))
          + " with the production value (atlassian-connect-express takes it from "
          + ACE_SOURCES.get(name)
          + ")";
    }
    String base =
        "pass " + options.optionNames().of("var", name + "=VALUE") + " or " + options.optionNames().of("vars", "FILE");
    if (o.syntax() == TemplateEngine.Syntax.MAVEN) {
      return base + ", or verify the filtered copy the build writes (target/classes after mvn process-resources)";
    }
    return o.syntax() == TemplateEngine.Syntax.SPRING
        ? base
            + ", or define "
            + name
            + " in the application.properties or application.yml next to the descriptor"
            + " (atlassian-connect-spring-boot serves an undefined placeholder as it is)"
        : base;
  }

  /** The field as users read it: {@code baseUrl}, {@code links.self}, {@code modules.webPanels[0].url}. */
  static String label(String pointer) {
    return pointer.isEmpty() ? "the descriptor" : Pointers.readable(pointer);
  }

  /**
   * Spring Boot's own order, strongest first: profile files over plain ones, config/ over the folder itself. The
   * folders are the class-path folders the host named for this descriptor ({@link VerifyOptions.AppFolders}), else
   * the descriptor's own folder.
   */
  private List<Variables.Layer> springLayers(Path descriptorFile, List<String> notes) {
    VerifyOptions.AppFolders known = options.appFolders(descriptorFile);
    List<Path> folders;
    if (known != null && !known.springFolders().isEmpty()) {
      folders = known.springFolders();
    } else {
      Path folder = descriptorFile.toAbsolutePath().normalize().getParent();
      if (folder == null) {
        return List.of();
      }
      folders = List.of(folder);
    }
    List<String> stems = new ArrayList<>();
    List<String> reversed = new ArrayList<>(profiles);
    java.util.Collections.reverse(reversed);
    for (String p : reversed) {
      stems.add("application-" + p);
    }
    stems.add("application");
    List<Variables.Layer> layers = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (Path folder : folders) {
      Path config = folder.resolve("config");
      if (Files.isDirectory(config)) { // one look, not one per name it could hold
        dirs.add(config);
      }
      dirs.add(folder);
    }
    for (String stem : stems) {
      for (Path dir : dirs) {
        for (String ext : List.of(".properties", ".yml", ".yaml")) {
          Path f = dir.resolve(stem + ext);
          if (!Files.isRegularFile(f)) {
            continue;
          }
          String shown = display.display(f);
          try {
            layers.add(new Variables.Layer(shown, files.readSpring(f, shown, profiles), true));
          } catch (IOException e) {
            notes.add("cannot read Spring properties for placeholders: " + e.getMessage());
          }
        }
      }
    }
    return layers;
  }
}
