package org.connectverify.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;

/**
 * Reads a YAML document (a Forge {@code manifest.yml}) into the same tree and {@link SourceMap} that {@link JsonReader}
 * gives for JSON, so every check reads both formats alike.
 *
 * <p>Jackson's YAML format (SnakeYAML underneath) is used deliberately: it is a streaming {@link JsonParser} with the
 * line and column of every token, so positions are recorded exactly as for JSON, with no second pass and no second
 * tree type. What Jackson leaves to the caller is handled here: duplicate keys (Forge's YAML parser refuses them),
 * aliases (Jackson hands an alias over as the anchor's name; here it becomes a copy of the anchored value, as every YAML
 * loader does, with a cap against alias bombs), several documents in one file, tabs and other syntax errors (a
 * positioned finding each, never an exception). Thread-safe.
 *
 * <p>Scalars are resolved as YAML 1.2's core schema, the way Forge reads a manifest (its {@code yaml} package with
 * default options), not as YAML 1.1 (SnakeYAML's and Jackson's default): {@code yes}, {@code no}, {@code on} and
 * {@code off} are text, only {@code true}/{@code false} (also {@code True}, {@code TRUE}, ...) are booleans; {@code 017}
 * is the decimal 17; {@code 1_000} is text. One known difference is left: a plain {@code 0o17} stays text here where
 * YAML 1.2 reads the octal 15. A merge key {@code <<} is an ordinary key, as in YAML 1.2.
 */
public final class YamlReader {
  /** The most nodes aliases may add by copying: far above any real manifest, far below an alias bomb's size. */
  static final int MAX_ALIAS_NODES = 100_000;

  private static final int MAX_DEPTH = 256;

  private final YAMLFactory factory;
  private final Rule syntax;
  private final Rule duplicateKey;

  /**
   * @param syntax the rule for text that is not one YAML document
   * @param duplicateKey the rule for a key given twice in one mapping
   */
  public YamlReader(Rule syntax, Rule duplicateKey) {
    this.factory =
        YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            // YAML 1.2, as Forge reads manifests: only true/false are booleans; YES, no, on, off stay strings
            // (willMigrateToForgeBeforeEOS: YES is the documented form, and YAML 1.1 would make it true).
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();
    this.syntax = syntax;
    this.duplicateKey = duplicateKey;
  }

  /** Reads {@code bytes} (UTF-8); {@code file} is the display path used in findings. */
  public JsonReader.Result read(byte[] bytes, String file) {
    List<Finding> findings = new ArrayList<>();
    String text = JsonReader.decodeUtf8(bytes, file, findings);
    if (text == null) {
      return new JsonReader.Result(null, SourceMap.empty(), "", findings);
    }
    if (text.isBlank()) {
      findings.add(finding(syntax, file, 1, 1, "", "file is empty: expected a YAML mapping", null));
      return new JsonReader.Result(null, SourceMap.empty(), text, findings);
    }
    SourceMap.Builder positions = SourceMap.builder();
    try (YAMLParser p = (YAMLParser) factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        findings.add(finding(syntax, file, 1, 1, "", "file holds no YAML document", null));
        return new JsonReader.Result(null, SourceMap.empty(), text, findings);
      }
      Builder b = new Builder(p, file, findings);
      JsonLocation rootAt = p.currentTokenLocation();
      JsonNode root = b.value(positions.root(rootAt.getLineNr(), rootAt.getColumnNr()));
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        findings.add(
            finding(
                syntax,
                file,
                at.getLineNr(),
                at.getColumnNr(),
                "",
                "the file holds more than one YAML document (a second one starts here); a manifest is one document",
                "remove the '---' separator and everything after it, or merge the documents into one"));
        return new JsonReader.Result(null, SourceMap.empty(), text, findings);
      }
      return new JsonReader.Result(root, positions.build(), text, findings);
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      findings.add(
          finding(
              syntax,
              file,
              at == null ? 0 : Math.max(at.getLineNr(), 0),
              at == null ? 0 : Math.max(at.getColumnNr(), 0),
              "",
              "YAML value beyond what the parser can hold: " + gist(e.getOriginalMessage()),
              "no manifest needs values this large or nesting this deep (limit: " + MAX_DEPTH + " levels)"));
    } catch (AliasBomb e) {
      findings.add(
          finding(
              syntax,
              file,
              e.line,
              e.column,
              "",
              "aliases expand the document beyond " + MAX_ALIAS_NODES + " nodes (an alias bomb?); not read further",
              "write the repeated values out, or use fewer nested aliases"));
    } catch (IOException | RuntimeException e) {
      findings.add(syntaxFinding(e, file));
    }
    return new JsonReader.Result(null, SourceMap.empty(), text, findings);
  }

  /** The parser's problem as one positioned line; SnakeYAML's multi-line messages are cut to their gist. */
  private Finding syntaxFinding(Exception e, String file) {
    int line = 0;
    int column = 0;
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
      message = jpe.getOriginalMessage();
      JsonLocation at = jpe.getLocation();
      if (at != null) {
        line = Math.max(at.getLineNr(), 0);
        column = Math.max(at.getColumnNr(), 0);
      }
    }
    Throwable cause = e.getCause();
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
      String problem = m.getProblem() == null ? "" : m.getProblem();
      String context = m.getContext() == null ? "" : m.getContext();
      message = context.isEmpty() ? problem : context + ": " + problem;
      if (m.getProblemMark() != null) {
        line = m.getProblemMark().getLine() + 1;
        column = m.getProblemMark().getColumn() + 1;
      }
    }
    message = gist(message);
    String hint = null;
    if (message.startsWith("Expected a field name")) {
      message = "a mapping key must be plain text, not a list or a mapping";
    }
    if (message.contains("'\\t'") || message.contains("\\t")) {
      message = "a tab character where YAML allows only spaces: " + message;
      hint = "indent with spaces; YAML forbids tabs in indentation";
    }
    return finding(syntax, file, line, column, "", "invalid YAML: " + message, hint);
  }

  private static String gist(String message) {
    String m = message == null ? "" : message;
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    return m.replaceAll("\\s*\\(for input source:.*$", "").replaceAll("\\s+", " ").strip();
  }

  /** Raised when aliases copy more nodes than {@link #MAX_ALIAS_NODES}. */
  private static final class AliasBomb extends RuntimeException {
    final int line;
    final int column;

    AliasBomb(int line, int column) {
      super(null, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  /** Streams tokens into Jackson nodes while recording positions, anchors and duplicate keys. */
  private final class Builder {
    private final YAMLParser p;
    private final String file;
    private final List<Finding> findings;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private int copied;

    Builder(YAMLParser p, String file, List<Finding> findings) {
      this.p = p;
      this.file = file;
      this.findings = findings;
    }

    /** Reads the value at the current token, whose position {@code entry} holds. */
    JsonNode value(SourceMap.Entry entry) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      if (p.isCurrentAlias()) {
        JsonNode target = anchors.get(p.getText());
        if (target == null) {
          findings.add(
              finding(
                  syntax,
                  file,
                  at.getLineNr(),
                  at.getColumnNr(),
                  entry.pointer(),
                  "invalid YAML: alias *" + p.getText() + " refers to no anchor defined before it",
                  "define the anchor (&" + p.getText() + ") before the alias, or write the value out"));
          return nodes.nullNode();
        }
        copied += size(target);
        if (copied > MAX_ALIAS_NODES) {
          throw new AliasBomb(at.getLineNr(), at.getColumnNr());
        }
        return target.deepCopy();
      }
      String anchor = p.getObjectId();
      JsonNode node = scalarOrContainer(entry);
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private JsonNode scalarOrContainer(SourceMap.Entry entry) throws IOException {
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT:
          return object(entry);
        case START_ARRAY:
          return array(entry);
        case VALUE_STRING:
          return nodes.textNode(p.getText());
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return resolveNumber(p.getText());
        case VALUE_TRUE:
          return nodes.booleanNode(true);
        case VALUE_FALSE:
          return nodes.booleanNode(false);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          return nodes.textNode(p.getText() == null ? "" : p.getText());
      }
    }

    private ObjectNode object(SourceMap.Entry at) throws IOException {
      ObjectNode obj = nodes.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonLocation keyAt = p.currentTokenLocation();
        SourceMap.Entry previous = at.member(name); // what the object holds so far, as obj.has(name) would tell
        p.nextToken();
        JsonLocation valueAt = p.currentTokenLocation();
        SourceMap.Entry entry =
            at.member(
                name, previous, keyAt.getLineNr(), keyAt.getColumnNr(), valueAt.getLineNr(), valueAt.getColumnNr());
        JsonNode child = value(entry);
        if (previous != null) {
          findings.add(
              JsonReader.duplicateKey(
                  duplicateKey,
                  file,
                  keyAt,
                  entry.pointer(),
                  previous,
                  "duplicate key \"" + name + "\": YAML mapping keys must be unique; Forge refuses the manifest",
                  "remove or merge one of the two"));
        }
        obj.set(name, child);
      }
      return obj;
    }

    private ArrayNode array(SourceMap.Entry at) throws IOException {
      ArrayNode arr = nodes.arrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        JsonLocation elementAt = p.currentTokenLocation();
        arr.add(value(at.element(elementAt.getLineNr(), elementAt.getColumnNr())));
      }
      return arr;
    }
  }

  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  /**
   * A plain scalar that Jackson took for a number, resolved as YAML 1.2's core schema does (what Forge's {@code yaml}
   * package reads): {@code 017} is 17 (not YAML 1.1's octal 15), {@code 0x1F} is 31, {@code .inf} and {@code .nan} are
   * floats, and forms only YAML 1.1 knows ({@code 1_000}, {@code 0b11}) are text.
   */
  static JsonNode resolveNumber(String text) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (DECIMAL.matcher(text).matches()) {
      return nodes.numberNode(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
    }
    if (OCTAL.matcher(text).matches()) {
      return nodes.numberNode(new BigInteger(text.substring(2), 8));
    }
    if (HEX.matcher(text).matches()) {
      return nodes.numberNode(new BigInteger(text.substring(2), 16));
    }
    if (FLOAT.matcher(text).matches()) {
      return nodes.numberNode(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    }
    if (INFINITY.matcher(text).matches()) {
      return nodes.numberNode(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (NAN.matcher(text).matches()) {
      return nodes.numberNode(Double.NaN);
    }
    return nodes.textNode(text);
  }

  private static int size(JsonNode n) {
    int count = 1;
    for (JsonNode child : n) {
      count += size(child);
    }
    return count;
  }

  private static Finding finding(
      Rule rule, String file, int line, int col, String pointer, String message, String hint) {
    return new Finding(
        rule.id(), rule.defaultSeverity(), new Position(file, line, col, pointer), message, hint, List.of());
  }

  /** True when the bytes are plausibly YAML rather than JSON (used where a name does not say). */
  public static boolean looksLikeYaml(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).stripLeading();
    return !head.startsWith("{") && !head.startsWith("[");
  }
}
