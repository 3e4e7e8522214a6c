package org.connectverify.core.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.json.JsonReader;

/**
 * Reads files of template variables: Java properties, JSON objects and YAML documents, all flattened to dotted names
 * ({@code server.contextPath}, {@code list[0]}) the way Spring Boot names its properties.
 */
public final class VariableFiles {
  private final JsonReader json;
  /** Built on first use: a YAMLMapper is an ObjectMapper, costly to make, and most runs read no YAML at all. */
  private YAMLMapper yaml;

  /** The JSON reader these files are read with. */
  JsonReader json() {
    return json;
  }

  public VariableFiles(JsonReader json) {
    this.json = json;
  }

  /**
   * Reads a {@code --vars} file: {@code .json} as a JSON object, {@code .yml}/{@code .yaml} as YAML, anything else as
   * Java properties.
   *
   * @param display the path shown in errors
   * @throws InputException with {@code file:line:col: message} when the file is missing or malformed
   */
  public Map<String, String> readVarsFile(Path file, String display) throws InputException {
    String text = readText(file, display);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      JsonReader.Result r = json.read(text.getBytes(StandardCharsets.UTF_8), display);
      for (Finding f : r.findings()) {
        if (f.severity() == org.connectverify.core.Severity.ERROR) {
          throw new InputException(f.position().describe() + ": " + f.message());
        }
      }
      if (!r.parsed() || !r.root().isObject()) {
        throw new InputException(display + ":1:1: a --vars JSON file must hold one object of NAME: VALUE pairs");
      }
      Map<String, String> out = new LinkedHashMap<>();
      flatten("", r.root(), out);
      return out;
    }
    if (name.endsWith(".yml") || name.endsWith(".yaml")) {
      try {
        return yaml(text, List.of());
      } catch (JsonProcessingException e) {
        throw new InputException(describe(display, e));
      }
    }
    try {
      return properties(text);
    } catch (IllegalArgumentException e) {
      throw new InputException(display + ": malformed properties file: " + e.getMessage());
    }
  }

  /**
   * Reads a Spring Boot {@code application*.properties|yml} file; YAML documents that activate on a profile count only
   * when that profile is active.
   *
   * @throws IOException with a one-line message when the file cannot be read or parsed
   */
  public Map<String, String> readSpring(Path file, String display, List<String> activeProfiles) throws IOException {
    String text;
    try {
      text = readText(file, display);
    } catch (InputException e) {
      throw new IOException(e.getMessage(), e);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yml") || name.endsWith(".yaml")) {
      try {
        return yaml(text, activeProfiles);
      } catch (JsonProcessingException e) {
        throw new IOException(describe(display, e), e);
      }
    }
    try {
      return properties(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(display + ": malformed properties file: " + e.getMessage(), e);
    }
  }

  private static String readText(Path file, String display) throws InputException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB ? 3 : 0;
      return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InputException(display + ": no such file");
    } catch (IOException e) {
      throw new InputException(display + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> properties(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  private synchronized YAMLMapper yamlMapper() {
    if (yaml == null) {
      yaml = new YAMLMapper(new YAMLFactory());
    }
    return yaml;
  }

  private Map<String, String> yaml(String text, List<String> activeProfiles) throws JsonProcessingException {
    Map<String, String> out = new LinkedHashMap<>();
    YAMLMapper yaml = yamlMapper();
    try (JsonParser parser = yaml.getFactory().createParser(text)) {
      MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(parser);
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", doc, flat);
        if (activeFor(flat, activeProfiles)) {
          out.putAll(flat);
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof JsonProcessingException jpe) {
        throw jpe;
      }
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading YAML from a string failed", e);
    }
    return out;
  }

  /** A YAML document applies when it names no profile, or one of the active ones. */
  private static boolean activeFor(Map<String, String> doc, List<String> activeProfiles) {
    String on = doc.getOrDefault("spring.config.activate.on-profile", doc.get("spring.profiles"));
    if (on == null) {
      return true;
    }
    for (String p : on.split(",")) {
      String t = p.trim();
      if (t.startsWith("!") ? !activeProfiles.contains(t.substring(1)) : activeProfiles.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** Flattens a tree into dotted names; scalars become text, null becomes empty. */
  static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
        if (node.get(i).isValueNode()) {
          parts.add(node.get(i).asText());
        }
      }
      if (parts.size() == node.size()) {
        out.put(prefix, String.join(",", parts));
      }
    } else if (!prefix.isEmpty()) {
      out.put(prefix, node.isNull() ? "" : node.asText());
    }
  }

  private static String describe(String display, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String message = e.getOriginalMessage();
    int nl = message == null ? -1 : message.indexOf('\n');
    if (nl >= 0) {
      message = message.substring(0, nl);
    }
    String where = at == null || at.getLineNr() <= 0 ? display : display + ":" + at.getLineNr() + ":" + at.getColumnNr();
    return where + ": invalid YAML: " + (message == null ? "unreadable" : message.strip());
  }
}
