package org.connectverify.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.connectverify.core.Finding;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  private final JsonReader reader = new JsonReader();

  private JsonReader.Result read(String text) {
    return reader.read(text.getBytes(StandardCharsets.UTF_8), "d.json");
  }

  private static List<String> lines(JsonReader.Result r) {
    return r.findings().stream().map(Finding::toString).toList();
  }

  @Test
  void recordsLineAndColumnOfEveryKeyAndValue() {
    JsonReader.Result r = read("{\n  \"a\": 1,\n  \"b\": {\"c\": [true, \"x\"]}\n}\n");
    assertTrue(r.parsed());
    assertTrue(r.findings().isEmpty());
    SourceMap map = r.sourceMap();
    assertArrayEquals(new int[] {1, 1}, map.value(""));
    assertArrayEquals(new int[] {2, 3}, map.key("/a"));
    assertArrayEquals(new int[] {2, 8}, map.value("/a"));
    assertArrayEquals(new int[] {3, 3}, map.key("/b"));
    assertArrayEquals(new int[] {3, 8}, map.value("/b"));
    assertArrayEquals(new int[] {3, 9}, map.key("/b/c"));
    assertArrayEquals(new int[] {3, 14}, map.value("/b/c"));
    assertArrayEquals(new int[] {3, 15}, map.value("/b/c/0"));
    assertArrayEquals(new int[] {3, 21}, map.value("/b/c/1"));
    assertEquals(1, r.root().path("a").asInt());
  }

  @Test
  void escapesSlashAndTildeInPointersOfKeys() {
    JsonReader.Result r = read("{\"a/b\": {\"~c\": 1}}");
    assertTrue(r.sourceMap().contains("/a~1b/~0c"));
    assertArrayEquals(new int[] {1, 10}, r.sourceMap().key("/a~1b/~0c"));
  }

  @Test
  void countsColumnsFromTheFirstCharacterAfterAUtf8ByteOrderMark() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes("{\"a\": 1,\n \"b\": 2}".getBytes(StandardCharsets.UTF_8));
    JsonReader.Result r = reader.read(bytes.toByteArray(), "d.json");
    assertTrue(r.parsed());
    assertTrue(r.findings().isEmpty(), lines(r).toString());
    assertArrayEquals(new int[] {1, 2}, r.sourceMap().key("/a"));
    assertArrayEquals(new int[] {2, 2}, r.sourceMap().key("/b"));
  }

  @Test
  void countsMultiByteCharactersAsOneColumnEach() {
    JsonReader.Result r = read("{\"é\": \"日本\", \"b\": 2}");
    assertArrayEquals(new int[] {1, 7}, r.sourceMap().value("/é"));
    assertArrayEquals(new int[] {1, 13}, r.sourceMap().key("/b"));
    assertEquals("日本", r.root().path("é").asText());
  }

  @Test
  void reportsDuplicateKeyAtTheSecondWithTheFirstAsRelatedLocationAndKeepsTheLastValue() {
    JsonReader.Result r = read("{\n  \"name\": \"one\",\n  \"name\": \"two\"\n}");
    assertTrue(r.parsed());
    assertEquals(
        List.of("d.json:3:3: error: duplicate key \"name\": the value here replaces the one defined first"
            + " [json/duplicate-key]"),
        lines(r));
    Finding f = r.findings().get(0);
    assertEquals("/name", f.pointer());
    assertEquals(1, f.related().size());
    assertEquals(2, f.related().get(0).position().line());
    assertEquals(3, f.related().get(0).position().column());
    assertEquals("two", r.root().path("name").asText());
  }

  @Test
  void acceptsLineAndBlockCommentsWithOneWarningAtTheFirst() {
    JsonReader.Result r = read("{\n  \"a\": 1, // first\n  /* second */ \"b\": 2\n}");
    assertTrue(r.parsed());
    assertEquals(2, r.root().path("b").asInt());
    assertEquals(1, r.findings().size(), lines(r).toString());
    Finding f = r.findings().get(0);
    assertEquals("json/comments", f.ruleId());
    assertEquals(2, f.line());
    assertEquals(11, f.column());
    assertArrayEquals(new int[] {3, 16}, r.sourceMap().key("/b"));
  }

  @Test
  void reportsASyntaxErrorInACommentedFileWithoutTheCommentWarning() {
    JsonReader.Result r = read("{\n  // note\n  \"a\": 1\n  \"b\": 2\n}");
    assertFalse(r.parsed());
    assertEquals(1, r.findings().size(), lines(r).toString());
    assertEquals("json/syntax", r.findings().get(0).ruleId());
    assertEquals(4, r.findings().get(0).line());
  }

  @Test
  void reportsAMissingCommaWithItsPosition() {
    JsonReader.Result r = read("{\n  \"a\": 1\n  \"b\": 2\n}");
    assertFalse(r.parsed());
    assertEquals(1, r.findings().size());
    Finding f = r.findings().get(0);
    assertEquals("json/syntax", f.ruleId());
    assertEquals(3, f.line());
    assertEquals(3, f.column());
  }

  @Test
  void rejectsGarbageAfterTheClosingBrace() {
    JsonReader.Result r = read("{\"a\": 1}\n}a");
    assertFalse(r.parsed());
    assertEquals(1, r.findings().size(), lines(r).toString());
    assertEquals("json/syntax", r.findings().get(0).ruleId());
    assertEquals(2, r.findings().get(0).line());
  }

  @Test
  void rejectsASecondDocumentAfterTheFirst() {
    JsonReader.Result r = read("{\"a\": 1}\n{\"b\": 2}\n");
    assertFalse(r.parsed());
    assertEquals(
        List.of("d.json:2:1: error: unexpected content after the end of the JSON document [json/syntax]"), lines(r));
  }

  @Test
  void reportsAnEmptyOrBlankFileAsOneSyntaxFinding() {
    for (String text : List.of("", "  \n\t\n")) {
      JsonReader.Result r = read(text);
      assertFalse(r.parsed());
      assertEquals(List.of("d.json:1:1: error: file is empty: expected a JSON object [json/syntax]"), lines(r));
    }
  }

  @Test
  void rejectsUtf16WithAByteOrderMarkAsAnEncodingProblem() {
    for (boolean bigEndian : new boolean[] {true, false}) {
      byte[] bytes =
          ("\uFEFF{\"a\": 1}").getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
      JsonReader.Result r = reader.read(bytes, "d.json");
      assertFalse(r.parsed());
      assertEquals(1, r.findings().size());
      assertEquals("json/encoding", r.findings().get(0).ruleId());
      assertTrue(r.findings().get(0).message().contains("UTF-16"));
    }
  }

  @Test
  void rejectsUtf16WithoutAByteOrderMarkBecauseOfItsNulBytes() {
    JsonReader.Result r = reader.read("{\"a\": 1}".getBytes(StandardCharsets.UTF_16LE), "d.json");
    assertFalse(r.parsed());
    assertEquals("json/encoding", r.findings().get(0).ruleId());
  }

  @Test
  void readsAsciiAndUtf8TextAlike() {
    // ASCII files skip the UTF-8 decoder; the text, values and positions are the same either way
    JsonReader.Result ascii = read("{\n  \"name\": \"cafe\",\n  \"n\": 1\n}");
    JsonReader.Result utf8 = read("{\n  \"name\": \"caf\u00e9\",\n  \"n\": 1\n}");
    assertEquals("cafe", ascii.root().get("name").textValue());
    assertEquals("caf\u00e9", utf8.root().get("name").textValue());
    assertEquals("{\n  \"name\": \"cafe\",\n  \"n\": 1\n}", ascii.text());
    assertEquals(ascii.sourceMap().value("/n")[0], utf8.sourceMap().value("/n")[0]);
    assertEquals(ascii.sourceMap().value("/n")[1], utf8.sourceMap().value("/n")[1]);
    // a byte order mark before ASCII text is dropped, as before
    assertEquals("cafe", read("\uFEFF{\"name\": \"cafe\"}").root().get("name").textValue());
  }

  @Test
  void reportsAnInvalidUtf8ByteWithItsLineAndColumn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\n  \"é\": \"caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9); // Latin-1 é
    bytes.writeBytes("\"\n}".getBytes(StandardCharsets.UTF_8));
    JsonReader.Result r = reader.read(bytes.toByteArray(), "d.json");
    assertFalse(r.parsed());
    assertEquals(
        List.of("d.json:2:12: error: invalid UTF-8 byte 0xE9: the file is not UTF-8 encoded [json/encoding]"),
        lines(r));
  }

  @Test
  void reportsAnInvalidUtf8ByteAfterAByteOrderMarkWhereItIs() {
    // the mark's three bytes were counted twice: one column too far mid-line, and past the end for a last byte
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes("{\"a\": \"caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9);
    bytes.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        List.of("d.json:1:11: error: invalid UTF-8 byte 0xE9: the file is not UTF-8 encoded [json/encoding]"),
        lines(reader.read(bytes.toByteArray(), "d.json")));
    bytes.reset();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes("{}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE4); // a multi-byte sequence cut off by the end of the file
    assertEquals(
        List.of("d.json:2:1: error: invalid UTF-8 byte 0xE4: the file is not UTF-8 encoded [json/encoding]"),
        lines(reader.read(bytes.toByteArray(), "d.json")));
  }

  @Test
  void aValueTheParserCannotHoldIsAPositionedFindingNamingTheRealLimit() {
    JsonReader.Result exponent = read("{\n  \"key\": \"app\",\n  \"n\": 1e99999999999\n}");
    assertFalse(exponent.parsed());
    assertEquals(1, exponent.findings().size(), lines(exponent).toString());
    Finding f = exponent.findings().get(0);
    assertEquals("json/syntax", f.ruleId());
    assertEquals(3, f.line(), f.toString());
    assertTrue(f.message().contains("Too many nonzero exponent digits"), f.message());

    JsonReader.Result digits = read("{\"n\": " + "9".repeat(1001) + "}");
    assertEquals(1, digits.findings().size(), lines(digits).toString());
    Finding d = digits.findings().get(0);
    assertTrue(d.message().contains("Number value length (1001) exceeds the maximum allowed (1000"), d.message());
    assertEquals(1, d.line());
    assertTrue(d.message().length() < 600, "the message does not quote the whole value");

    assertTrue(read("{\"n\": " + "9".repeat(1000) + "}").parsed(), "1000 digits are within the limit");
  }

  @Test
  void rejectsDeepNestingWithAFindingInsteadOfCrashing() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    JsonReader.Result r = read(deep);
    assertFalse(r.parsed());
    assertEquals(1, r.findings().size());
    assertEquals("json/syntax", r.findings().get(0).ruleId());
    assertTrue(r.findings().get(0).message().contains("nesting depth (257) exceeds the maximum allowed (256"),
        r.findings().get(0).message());

    JsonReader.Result unclosed = read("{\"a\": " + "[".repeat(10_000));
    assertFalse(unclosed.parsed());
    assertEquals("json/syntax", unclosed.findings().get(0).ruleId());
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    String deep = "[".repeat(200) + "]".repeat(200);
    assertTrue(read(deep).parsed());
  }

  @Test
  void keepsBigNumbersExact() {
    JsonReader.Result r = read("{\"big\": 123456789012345678901234567890, \"dec\": 0.1}");
    assertEquals("123456789012345678901234567890", r.root().path("big").bigIntegerValue().toString());
    assertEquals("0.1", r.root().path("dec").decimalValue().toPlainString());
  }
}
