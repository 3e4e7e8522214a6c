package org.connectverify.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.json.SourceMap;
import org.connectverify.core.run.ReportTarget;
import org.connectverify.core.run.RunOptions;
import org.connectverify.core.text.Strings;

/**
 * A {@code connect-verify.json} file: per-rule severity or {@code off} under {@code rules}, {@code suppressions}, and
 * default options at the top level under the names of {@link RunOptions.Builder#set} ({@code product},
 * {@code fail-on}, {@code reports}, ...). Read with the project's own {@link JsonReader}, so every problem (unknown
 * key, bad value, a suppression without a reason or one that would match everything) is reported as
 * {@code file:line:col: message}. Command-line options override what it says.
 */
public final class Config {
  public static final String FILE_NAME = "connect-verify.json";
  private static final Set<String> OWN_KEYS = Set.of("$schema", "rules", "suppressions");
  private static final Set<String> SUPPRESSION_KEYS = Set.of("rule", "files", "pointer", "reason");
  private static final Set<String> REPORT_NAMES = Set.of("report", "reports", "format", "formats");

  private final Path path;
  private final String display;
  private final JsonNode root;
  private final SourceMap map;
  private final List<Suppression> suppressions;

  private Config(Path path, String display, JsonNode root, SourceMap map, List<Suppression> suppressions) {
    this.path = path;
    this.display = display;
    this.root = root;
    this.map = map;
    this.suppressions = List.copyOf(suppressions);
  }

  /**
   * The nearest {@code connect-verify.json} in {@code start} or a folder above it, stopping after the folder that
   * holds {@code .git} (the repository root) or at the file system root; null when there is none.
   */
  public static Path find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    for (; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      if (Files.exists(dir.resolve(".git"))) {
        return null;
      }
    }
    return null;
  }

  /**
   * Reads and checks a configuration file against the rule catalogue.
   *
   * @param display the path shown in messages and findings
   * @throws ConfigException listing every problem, each as {@code file:line:col: message}
   */
  public static Config load(Path path, String display, Map<String, Rule> catalogue) throws ConfigException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ConfigException(display + ": cannot read configuration: " + e.getMessage());
    }
    return parse(path, display, bytes, catalogue);
  }

  static Config parse(Path path, String display, byte[] bytes, Map<String, Rule> catalogue) throws ConfigException {
    JsonReader.Result r = new JsonReader().read(bytes, display);
    List<String> problems = new ArrayList<>();
    for (Finding f : r.findings()) {
      if (f.severity() == Severity.ERROR) {
        problems.add(f.position().describe() + ": " + f.message());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Problems p = new Problems(display, r.sourceMap());
    JsonNode root = r.root();
    if (!root.isObject()) {
      p.at("", "a configuration file holds a JSON object");
      throw new ConfigException(p.list);
    }
    Set<String> known = new LinkedHashSet<>(OWN_KEYS);
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!OWN_KEYS.contains(key) && !isOption(key)) {
        List<String> close = Strings.closest(key, known);
        p.key(
            Pointers.child("", key),
            "unknown key \"" + key + "\" (expected rules, suppressions, or an option such as product, fail-on,"
                + " reports, baseline)"
                + (close.isEmpty() ? "" : "; did you mean \"" + close.get(0) + "\"?"));
      }
    }
    checkRules(root.path("rules"), catalogue, p);
    List<Suppression> suppressions = suppressions(root.path("suppressions"), catalogue, p);
    if (!p.list.isEmpty()) {
      throw new ConfigException(p.list);
    }
    Config config = new Config(path, display, root, r.sourceMap(), suppressions);
    config.applyTo(RunOptions.builder(), catalogue);
    return config;
  }

  /** Whether a top-level key names an option: anything a fresh builder accepts. */
  private static boolean isOption(String key) {
    if (REPORT_NAMES.contains(key)) {
      return true;
    }
    try {
      RunOptions.builder().set(key, "", null);
      return true;
    } catch (IllegalArgumentException e) {
      return !(e.getMessage() != null && e.getMessage().startsWith("unknown option"));
    }
  }

  private static void checkRules(JsonNode rules, Map<String, Rule> catalogue, Problems p) {
    if (rules.isMissingNode()) {
      return;
    }
    if (!rules.isObject()) {
      p.at("/rules", "\"rules\" must be an object of rule id to error, warning, info or off");
      return;
    }
    Set<String> categories = new LinkedHashSet<>();
    catalogue.values().forEach(r -> categories.add(r.category()));
    for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = e.getKey();
      String pointer = Pointers.child("/rules", id);
      String category = id.endsWith("/*") ? id.substring(0, id.length() - 2) : id;
      if (!catalogue.containsKey(id) && !categories.contains(category)) {
        List<String> close = Strings.closest(id, catalogue.keySet());
        p.key(
            pointer,
            "unknown rule \"" + id + "\""
                + (close.isEmpty() ? "; 'connect-verify rules' lists them" : "; did you mean \"" + close.get(0) + "\"?"));
      }
      String level = e.getValue().isTextual() ? e.getValue().asText() : "";
      if (!Set.of("error", "warning", "info", "off").contains(level)) {
        p.at(pointer, "rule \"" + id + "\" is set to " + e.getValue() + " (expected \"error\", \"warning\", \"info\" or \"off\")");
      }
    }
  }

  private static List<Suppression> suppressions(JsonNode list, Map<String, Rule> catalogue, Problems p) {
    List<Suppression> out = new ArrayList<>();
    if (list.isMissingNode()) {
      return out;
    }
    if (!list.isArray()) {
      p.at("/suppressions", "\"suppressions\" must be an array of {rule, files, pointer, reason} objects");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "/suppressions/" + i;
      JsonNode s = list.get(i);
      if (!s.isObject()) {
        p.at(at, "a suppression is an object with rule, files, pointer and reason");
        continue;
      }
      int before = p.list.size();
      for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!SUPPRESSION_KEYS.contains(key)) {
          List<String> close = Strings.closest(key, SUPPRESSION_KEYS);
          p.key(
              Pointers.child(at, key),
              "unknown key \"" + key + "\" in a suppression (expected rule, files, pointer, reason)"
                  + (key.equals("message") ? "; suppressions never match message text, which changes" : "")
                  + (close.isEmpty() ? "" : "; did you mean \"" + close.get(0) + "\"?"));
        }
      }
      String rule = text(s, "rule", at, p);
      String files = text(s, "files", at, p);
      String pointer = text(s, "pointer", at, p);
      String reason = text(s, "reason", at, p);
      if (reason == null || reason.isBlank()) {
        p.at(at, "suppression needs a \"reason\": say why these findings are acceptable");
      }
      if (rule != null && !rule.equals("*")) {
        String category = rule.endsWith("/*") ? rule.substring(0, rule.length() - 2) : null;
        boolean known =
            category != null
                ? catalogue.values().stream().anyMatch(r -> r.category().equals(category))
                : catalogue.containsKey(rule);
        if (!known) {
          List<String> close = Strings.closest(rule, catalogue.keySet());
          p.at(
              at + "/rule",
              "unknown rule \"" + rule + "\""
                  + (close.isEmpty() ? "" : "; did you mean \"" + close.get(0) + "\"?"));
        }
      }
      if (pointer != null && !pointer.isEmpty() && !pointer.startsWith("/")) {
        p.at(at + "/pointer", "pointer \"" + pointer + "\" must be a JSON pointer starting with \"/\" (e.g. \"/modules/webItems\")");
      }
      String anyRule = rule == null || rule.equals("*") ? null : rule;
      String fileGlob = files == null || files.isBlank() ? null : files;
      if (anyRule == null && (fileGlob == null || new Glob(fileGlob).matchesEverything())) {
        p.at(
            at,
            "suppression would match every finding (any rule in every file): name a \"rule\" or narrow \"files\";"
                + " to turn a rule off everywhere, set it to \"off\" under \"rules\"");
      }
      if (p.list.size() == before) {
        String ptr = pointer == null || pointer.isEmpty() ? null : pointer;
        out.add(new Suppression(anyRule, fileGlob, ptr, reason, p.position(at)));
      }
    }
    return out;
  }

  private static String text(JsonNode s, String field, String at, Problems p) {
    JsonNode v = s.get(field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      p.at(at + "/" + field, "\"" + field + "\" must be a string");
      return null;
    }
    return v.asText();
  }

  /**
   * Applies the file's rule levels and default options to a builder; call it before the host's own options so those
   * win.
   *
   * @throws ConfigException for an option value the builder refuses, at the value's position
   */
  public void applyTo(RunOptions.Builder b, Map<String, Rule> catalogue) throws ConfigException {
    Problems p = new Problems(display, map);
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("rules").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = e.getKey();
      String level = e.getValue().asText();
      String category = id.endsWith("/*") ? id.substring(0, id.length() - 2) : id;
      List<String> ids =
          catalogue.containsKey(id)
              ? List.of(id)
              : catalogue.values().stream().filter(r -> r.category().equals(category)).map(Rule::id).toList();
      for (String ruleId : ids) {
        if (level.equals("off")) {
          b.verify().skipRule(ruleId);
        } else {
          b.verify().severity(ruleId, Severity.parse(level));
        }
      }
    }
    Path base = path.toAbsolutePath().getParent();
    b.verify().origin(display);
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (OWN_KEYS.contains(e.getKey())) {
        continue;
      }
      String pointer = Pointers.child("", e.getKey());
      List<String> values = values(e.getValue(), pointer, p);
      for (String v : values) {
        try {
          if (REPORT_NAMES.contains(e.getKey())) {
            b.configReport(ReportTarget.parse(v, base));
          } else {
            b.set(e.getKey(), v, base);
          }
        } catch (IllegalArgumentException ex) {
          p.at(pointer, ex.getMessage());
        }
      }
    }
    b.verify().origin(null);
    if (!p.list.isEmpty()) {
      throw new ConfigException(p.list);
    }
  }

  /** Option values: a scalar, each element of an array, or {@code key=value} for each member of an object. */
  private static List<String> values(JsonNode v, String pointer, Problems p) {
    List<String> out = new ArrayList<>();
    if (v.isValueNode() && !v.isNull()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (JsonNode item : v) {
        if (item.isValueNode() && !item.isNull()) {
          out.add(item.asText());
        } else {
          p.at(pointer, "option \"" + Pointers.lastToken(pointer) + "\" takes strings, numbers or booleans");
        }
      }
    } else if (v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(e.getKey() + "=" + e.getValue().asText());
      }
    } else {
      p.at(pointer, "option \"" + Pointers.lastToken(pointer) + "\" has no value");
    }
    return out;
  }

  public Path path() {
    return path;
  }

  /** The path shown in messages and findings. */
  public String display() {
    return display;
  }

  public List<Suppression> suppressions() {
    return suppressions;
  }

  /** Collects problems as {@code file:line:col: message}. */
  private static final class Problems {
    private final String file;
    private final SourceMap map;
    private final List<String> list = new ArrayList<>();

    Problems(String file, SourceMap map) {
      this.file = file;
      this.map = map;
    }

    void at(String pointer, String message) {
      list.add(position(pointer).describe() + ": " + message);
    }

    void key(String pointer, String message) {
      int[] lc = map.key(pointer);
      list.add(new Position(file, lc[0], lc[1], pointer).describe() + ": " + message);
    }

    Position position(String pointer) {
      int[] lc = map.value(pointer);
      return new Position(file, lc[0], lc[1], pointer);
    }
  }
}
