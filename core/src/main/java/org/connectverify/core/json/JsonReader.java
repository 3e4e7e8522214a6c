package org.connectverify.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;

/**
 * Reads JSON in one streaming Jackson pass into a tree plus a {@link SourceMap}. Unlike Jackson's default it reports
 * duplicate keys (keeping the last value, as JavaScript does), tolerates a UTF-8 byte order mark, accepts {@code //}
 * and {@code /* *}{@code /} comments with a warning, and turns every problem into a finding with a position instead of
 * throwing. Thread-safe.
 */
public final class JsonReader {
  private static final int MAX_DEPTH = 256;

  private final JsonFactory strict;
  private final JsonFactory lenient;

  public JsonReader() {
    StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
    this.strict = JsonFactory.builder().streamReadConstraints(limits).build();
    this.lenient =
        JsonFactory.builder()
            .streamReadConstraints(limits)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();
  }

  /** The outcome of reading one file: the tree (null when unreadable), its source map, and the problems found. */
  public record Result(JsonNode root, SourceMap sourceMap, String text, List<Finding> findings, int stringMarks) {
    public Result(JsonNode root, SourceMap sourceMap, String text, List<Finding> findings) {
      this(root, sourceMap, text, findings, -1);
    }

    public boolean parsed() {
      return root != null;
    }
  }

  /** Reads {@code bytes}; {@code file} is the display path used in findings. */
  public Result read(byte[] bytes, String file) {
    return read(bytes, file, null);
  }

  /**
   * As {@link #read(byte[], String)}, also telling what {@code marks} finds in the tree's string values: the bits it
   * gives for each, or-ed, in {@link Result#stringMarks}, as a walk over the tree would find them. The parser sees
   * every string anyway, so a caller that asks this of each document saves a walk. {@code stringMarks} is -1 when
   * unknown: without {@code marks}, for a file that is not read, and when a duplicate key dropped a value the parser
   * saw.
   */
  public Result read(byte[] bytes, String file, java.util.function.ToIntFunction<String> marks) {
    List<Finding> findings = new ArrayList<>();
    String text = decode(bytes, file, findings);
    if (text == null) {
      return new Result(null, SourceMap.empty(), "", findings);
    }
    if (text.isBlank()) {
      findings.add(finding(JsonRules.SYNTAX, file, 1, 1, "", "file is empty: expected a JSON object", null));
      return new Result(null, SourceMap.empty(), text, findings);
    }
    try {
      return parse(strict, text, file, findings, marks);
    } catch (JsonParseException e) {
      if (!isCommentError(e)) {
        findings.add(syntax(e, file));
        return new Result(null, SourceMap.empty(), text, findings);
      }
      JsonLocation at = e.getLocation();
      List<Finding> retry = new ArrayList<>();
      try {
        Result r = parse(lenient, text, file, retry, marks);
        retry.add(
            finding(
                JsonRules.COMMENTS,
                file,
                at.getLineNr(),
                at.getColumnNr(),
                "",
                "descriptor contains comments (first one here); strict JSON parsers, including the host product's,"
                    + " reject them",
                "remove the comments, or make sure the served descriptor has them stripped"));
        return r;
      } catch (JsonParseException e2) {
        findings.add(syntax(e2, file));
        return new Result(null, SourceMap.empty(), text, findings);
      } catch (IOException e2) {
        findings.add(finding(JsonRules.SYNTAX, file, 0, 0, "", "cannot read JSON: " + e2.getMessage(), null));
        return new Result(null, SourceMap.empty(), text, findings);
      }
    } catch (IOException e) {
      findings.add(finding(JsonRules.SYNTAX, file, 0, 0, "", "cannot read JSON: " + e.getMessage(), null));
      return new Result(null, SourceMap.empty(), text, findings);
    }
  }

  private static boolean isCommentError(JsonParseException e) {
    String m = e.getOriginalMessage();
    return m != null && m.contains("comment");
  }

  private Result parse(
      JsonFactory factory,
      String text,
      String file,
      List<Finding> findings,
      java.util.function.ToIntFunction<String> marks)
      throws IOException {
    SourceMap.Builder positions = SourceMap.builder();
    try (JsonParser p = factory.createParser(text)) {
      try {
        return parseValue(p, text, file, positions, findings, marks);
      } catch (StreamConstraintsException | NumberFormatException e) {
        // a value the parser cannot hold (too deep, a 1,000-digit number, 1e99999999999, an over-long string): a
        // finding at its position that names the real limit, costing only this file
        JsonLocation at = p.currentLocation();
        String m = e instanceof StreamConstraintsException c ? c.getOriginalMessage() : e.getMessage();
        m = String.valueOf(m).replaceAll("\\s*\\(for input source:.*$", "").strip();
        if (m.length() > 300) {
          m = org.connectverify.core.text.Strings.cut(m, 300) + "...";
        }
        findings.add(
            finding(
                JsonRules.SYNTAX,
                file,
                Math.max(at.getLineNr(), 0),
                Math.max(at.getColumnNr(), 0),
                "",
                "JSON value beyond what the parser can hold: " + m,
                "no Connect descriptor needs values this large or nesting this deep (limit: " + MAX_DEPTH
                    + " levels); fix or remove the value"));
        return new Result(null, SourceMap.empty(), text, findings);
      }
    }
  }

  private Result parseValue(
      JsonParser p,
      String text,
      String file,
      SourceMap.Builder positions,
      List<Finding> findings,
      java.util.function.ToIntFunction<String> marks)
      throws IOException {
    {
      JsonToken first = p.nextToken();
      if (first == null) {
        findings.add(finding(JsonRules.SYNTAX, file, 1, 1, "", "file has no JSON value", null));
        return new Result(null, SourceMap.empty(), text, findings);
      }
      Builder b = new Builder(p, file, findings, marks);
      JsonLocation rootAt = p.currentTokenLocation();
      JsonNode root = b.value(positions.root(rootAt.getLineNr(), rootAt.getColumnNr()));
      JsonToken extra = p.nextToken();
      if (extra != null) {
        JsonLocation at = p.currentTokenLocation();
        findings.add(
            finding(
                JsonRules.SYNTAX,
                file,
                at.getLineNr(),
                at.getColumnNr(),
                "",
                "unexpected content after the end of the JSON document",
                "a file holds exactly one JSON value; remove what follows the closing brace"));
        return new Result(null, SourceMap.empty(), text, findings);
      }
      return new Result(root, positions.build(), text, findings, marks == null || b.dropped ? -1 : b.marks);
    }
  }

  /** Streams tokens into Jackson nodes while recording positions and duplicate keys. */
  private static final class Builder {
    private final JsonParser p;
    private final String file;
    private final List<Finding> findings;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final java.util.function.ToIntFunction<String> classify;
    /** The or-ed marks of the string values read, and whether a duplicate key dropped one of them. */
    int marks;
    boolean dropped;

    Builder(JsonParser p, String file, List<Finding> findings, java.util.function.ToIntFunction<String> classify) {
      this.p = p;
      this.file = file;
      this.findings = findings;
      this.classify = classify;
    }

    /** Reads the value at the current token, whose position {@code at} holds. */
    JsonNode value(SourceMap.Entry at) throws IOException {
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT:
          return object(at);
        case START_ARRAY:
          return array(at);
        case VALUE_STRING:
          String text = p.getText();
          if (classify != null) {
            marks |= classify.applyAsInt(text);
          }
          return nodes.textNode(text);
        case VALUE_NUMBER_INT:
          return nodes.numberNode(p.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT:
          return nodes.numberNode(p.getDecimalValue());
        case VALUE_TRUE:
          return nodes.booleanNode(true);
        case VALUE_FALSE:
          return nodes.booleanNode(false);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          throw new JsonParseException(p, "unexpected token " + t);
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
          dropped = true;
          findings.add(
              duplicateKey(
                  JsonRules.DUPLICATE_KEY,
                  file,
                  keyAt,
                  entry.pointer(),
                  previous,
                  "duplicate key \"" + name + "\": the value here replaces the one defined first",
                  "remove or rename one of the two; parsers keep only the last value"));
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

  /**
   * A key given twice in one object, at the second one, related to the first ({@code previous}: where it was
   * recorded). Shared with {@link YamlReader}, whose mappings are checked the same way.
   */
  static Finding duplicateKey(
      Rule rule,
      String file,
      JsonLocation keyAt,
      String pointer,
      SourceMap.Entry previous,
      String message,
      String hint) {
    return new Finding(
        rule.id(),
        rule.defaultSeverity(),
        new Position(file, keyAt.getLineNr(), keyAt.getColumnNr(), pointer),
        message,
        hint,
        List.of(
            new Finding.Related(
                new Position(file, previous.keyLine, previous.keyColumn, pointer), "first defined here")));
  }

  /** The bytes as UTF-8 text (a UTF-8 byte order mark dropped), or null with an encoding finding. */
  static String decodeUtf8(byte[] bytes, String file, List<Finding> findings) {
    return decode(bytes, file, findings);
  }

  private static String decode(byte[] bytes, String file, List<Finding> findings) {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3;
    } else if (bytes.length >= 2
        && (((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
            || ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE))) {
      findings.add(
          finding(
              JsonRules.ENCODING,
              file,
              1,
              1,
              "",
              "file is UTF-16 encoded (byte order mark found); descriptors must be UTF-8",
              "re-save the file as UTF-8"));
      return null;
    }
    int scan = Math.min(bytes.length, 8192);
    for (int i = start; i < scan; i++) {
      if (bytes[i] == 0) {
        int[] lc = lineCol(bytes, start, i);
        findings.add(
            finding(
                JsonRules.ENCODING,
                file,
                lc[0],
                lc[1],
                "",
                "file contains NUL bytes: it is binary or UTF-16/32 encoded, not UTF-8 JSON",
                "re-save the file as UTF-8"));
        return null;
      }
    }
    if (ascii(bytes, start)) {
      return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1); // the same text, one copy
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return decoder.decode(in).toString();
    } catch (MalformedInputException e) {
      int offset = in.position(); // the index in bytes: a buffer wrapped at start has its position there already
      int[] lc = lineCol(bytes, start, offset);
      findings.add(
          finding(
              JsonRules.ENCODING,
              file,
              lc[0],
              lc[1],
              "",
              String.format("invalid UTF-8 byte 0x%02X: the file is not UTF-8 encoded", bytes[offset] & 0xff),
              "re-save the file as UTF-8"));
      return null;
    } catch (CharacterCodingException e) {
      findings.add(finding(JsonRules.ENCODING, file, 0, 0, "", "file is not UTF-8 encoded", null));
      return null;
    }
  }

  /** True when every byte from {@code start} is ASCII, which UTF-8 and ISO-8859-1 decode alike (most descriptors). */
  private static boolean ascii(byte[] bytes, int start) {
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Line and column (1-based, counting characters) of byte {@code offset}, for text decoded so far. */
  private static int[] lineCol(byte[] bytes, int start, int offset) {
    int line = 1;
    int col = 1;
    for (int i = start; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        col = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    return new int[] {line, col};
  }

  private static Finding syntax(JsonParseException e, String file) {
    JsonLocation at = e.getLocation();
    String message = e.getOriginalMessage();
    int nl = message.indexOf('\n');
    if (nl >= 0) {
      message = message.substring(0, nl);
    }
    message = message.replaceAll("\\s*\\(for input source:.*$", "").strip();
    return finding(
        JsonRules.SYNTAX,
        file,
        at == null ? 0 : Math.max(at.getLineNr(), 0),
        at == null ? 0 : Math.max(at.getColumnNr(), 0),
        "",
        "invalid JSON: " + message,
        null);
  }

  private static Finding finding(
      Rule rule, String file, int line, int col, String pointer, String message, String hint) {
    return new Finding(
        rule.id(), rule.defaultSeverity(), new Position(file, line, col, pointer), message, hint, List.of());
  }
}
