package org.connectverify.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.manifest.ManifestRules;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private final YamlReader reader = new YamlReader(ManifestRules.YAML_SYNTAX, ManifestRules.DUPLICATE_KEY);

  private JsonReader.Result read(String text) {
    return reader.read(text.getBytes(StandardCharsets.UTF_8), "manifest.yml");
  }

  private static List<String> lines(JsonReader.Result r) {
    return r.findings().stream().map(Finding::toString).toList();
  }

  private static final String MANIFEST =
      """
      app:
        id: ari:cloud:ecosystem::app/0b7d6f0e-1234-4d2c-9d4e-0a1b2c3d4e5f
        connect:
          key: com.example.app
          remote: connect
      remotes:
        - key: connect
          baseUrl: https://app.example.com
      connectModules:
        jira:generalPages:
          - key: main
            location: system.top.navigation.bar
            name:
              value: Main
            url: /main
      """;

  @Test
  void recordsLineAndColumnOfEveryKeyAndValue() {
    JsonReader.Result r = read(MANIFEST);
    assertTrue(r.parsed(), lines(r)::toString);
    assertTrue(r.findings().isEmpty(), lines(r)::toString);
    SourceMap map = r.sourceMap();
    assertArrayEquals(new int[] {1, 1}, map.value(""));
    assertArrayEquals(new int[] {4, 5}, map.key("/app/connect/key"));
    assertArrayEquals(new int[] {4, 10}, map.value("/app/connect/key"));
    assertArrayEquals(new int[] {3, 3}, map.key("/app/connect"));
    assertArrayEquals(new int[] {4, 5}, map.value("/app/connect"));
    assertArrayEquals(new int[] {7, 5}, map.value("/remotes/0"), "a list item is where its first key starts");
    assertArrayEquals(new int[] {7, 5}, map.key("/remotes/0"), "a list item has no key: its value's position");
    assertArrayEquals(new int[] {8, 14}, map.value("/remotes/0/baseUrl"));
    assertArrayEquals(new int[] {10, 3}, map.key("/connectModules/jira:generalPages"));
    assertArrayEquals(new int[] {15, 7}, map.key("/connectModules/jira:generalPages/0/url"));
    assertArrayEquals(new int[] {15, 12}, map.value("/connectModules/jira:generalPages/0/url"));
    assertArrayEquals(new int[] {14, 16}, map.value("/connectModules/jira:generalPages/0/name/value"));
    assertEquals("/main", r.root().at("/connectModules/jira:generalPages/0/url").asText());
  }

  @Test
  void missingPointersFallBackToTheNearestAncestor() {
    SourceMap map = read(MANIFEST).sourceMap();
    assertArrayEquals(
        map.value("/connectModules/jira:generalPages/0"), map.value("/connectModules/jira:generalPages/0/conditions"));
  }

  @Test
  void flowStyleHasPositionsToo() {
    JsonReader.Result r = read("permissions:\n  scopes: [read:connect-jira, 'write:connect-jira']\nm: {a: 1, b: [x]}\n");
    assertTrue(r.parsed(), lines(r)::toString);
    SourceMap map = r.sourceMap();
    assertArrayEquals(new int[] {2, 12}, map.value("/permissions/scopes/0"));
    assertArrayEquals(new int[] {2, 31}, map.value("/permissions/scopes/1"));
    assertArrayEquals(new int[] {3, 5}, map.key("/m/a"));
    assertArrayEquals(new int[] {3, 8}, map.value("/m/a"));
    assertArrayEquals(new int[] {3, 15}, map.value("/m/b/0"));
    assertEquals("write:connect-jira", r.root().at("/permissions/scopes/1").asText());
  }

  @Test
  void blockScalarsKeepTheirTextAndStartAtTheirIndicator() {
    JsonReader.Result r = read("a: |\n  line1\n  line2\nb: >-\n  folded\n  text\nc: x\n");
    assertTrue(r.parsed(), lines(r)::toString);
    assertEquals("line1\nline2\n", r.root().path("a").asText());
    assertEquals("folded text", r.root().path("b").asText());
    assertArrayEquals(new int[] {1, 4}, r.sourceMap().value("/a"));
    assertArrayEquals(new int[] {4, 4}, r.sourceMap().value("/b"));
    assertArrayEquals(new int[] {7, 4}, r.sourceMap().value("/c"));
  }

  @Test
  void reportsADuplicateKeyAtTheSecondKeyWithTheFirst() {
    JsonReader.Result r = read("app:\n  connect:\n    key: a\n    key: b\n");
    assertTrue(r.parsed());
    assertEquals(
        List.of(
            "manifest.yml:4:5: error: duplicate key \"key\": YAML mapping keys must be unique; Forge refuses the"
                + " manifest [manifest/duplicate-key]"),
        lines(r));
    Finding f = r.findings().get(0);
    assertEquals("/app/connect/key", f.position().pointer());
    assertEquals(3, f.related().get(0).position().line());
    assertEquals("b", r.root().at("/app/connect/key").asText(), "the last value wins, as in JavaScript objects");
  }

  @Test
  void reportsTabIndentationWithItsLine() {
    JsonReader.Result r = read("app:\n  connect:\n\tkey: a\n");
    assertFalse(r.parsed());
    assertEquals(1, r.findings().size());
    Finding f = r.findings().get(0);
    assertEquals("manifest/yaml-syntax", f.ruleId());
    assertEquals(3, f.line());
    assertTrue(f.message().startsWith("invalid YAML: a tab character"), f.message());
    assertFalse(f.message().contains("\n"));
    assertTrue(f.hint().contains("spaces"));
  }

  @Test
  void reportsOtherSyntaxErrorsOnOneLineWithAPosition() {
    JsonReader.Result r = read("app:\n  connect: [a, b\nremotes: []\n");
    assertFalse(r.parsed());
    Finding f = r.findings().get(0);
    assertEquals("manifest/yaml-syntax", f.ruleId());
    assertTrue(f.line() > 0 && f.column() > 0, f.toString());
    assertFalse(f.message().contains("\n"));
    assertFalse(f.message().contains("input source"), f.message());
  }

  @Test
  void aCollectionAsAKeyIsASyntaxError() {
    JsonReader.Result r = read("? [a, b]\n: 1\n");
    assertFalse(r.parsed());
    assertEquals(
        "manifest.yml:1:4: error: invalid YAML: a mapping key must be plain text, not a list or a mapping"
            + " [manifest/yaml-syntax]",
        lines(r).get(0));
  }

  @Test
  void refusesSeveralDocumentsAtTheSecondOne() {
    JsonReader.Result r = read("app:\n  id: x\n---\nmodules: {}\n");
    assertFalse(r.parsed());
    assertEquals(
        List.of(
            "manifest.yml:4:1: error: the file holds more than one YAML document (a second one starts here); a"
                + " manifest is one document [manifest/yaml-syntax]"),
        lines(r));
  }

  @Test
  void acceptsOneDocumentWithStartAndEndMarkers() {
    JsonReader.Result r = read("---\napp:\n  id: x\n...\n");
    assertTrue(r.parsed(), lines(r)::toString);
    assertTrue(r.findings().isEmpty());
    assertArrayEquals(new int[] {3, 7}, r.sourceMap().value("/app/id"));
  }

  @Test
  void anAliasIsACopyOfItsAnchoredValue() {
    JsonReader.Result r =
        read("base: &page\n  location: system.top.navigation.bar\n  url: /a\nlist:\n  - *page\n  - *page\n");
    assertTrue(r.parsed(), lines(r)::toString);
    assertTrue(r.findings().isEmpty(), lines(r)::toString);
    assertEquals(r.root().path("base"), r.root().at("/list/0"));
    assertEquals("/a", r.root().at("/list/1/url").asText());
    assertArrayEquals(new int[] {5, 5}, r.sourceMap().value("/list/0"), "an alias is reported where it is used");
  }

  @Test
  void aMergeKeyIsAnOrdinaryKeyAsInYaml12() {
    JsonReader.Result r = read("base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n");
    assertTrue(r.parsed(), lines(r)::toString);
    assertEquals(1, r.root().at("/m/<<").path("x").asInt());
    assertTrue(r.root().at("/m/x").isMissingNode());
  }

  @Test
  void anAliasWithoutAnchorIsASyntaxError() {
    JsonReader.Result r = read("app:\n  id: *nowhere\n");
    assertEquals(
        List.of("manifest.yml:2:7: error: invalid YAML: alias *nowhere refers to no anchor defined before it [manifest/yaml-syntax]"),
        lines(r));
  }

  @Test
  void stopsAnAliasBombWithAFinding() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        y.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    long start = System.nanoTime();
    JsonReader.Result r = read(y.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertFalse(r.parsed());
    assertEquals(1, r.findings().size(), lines(r)::toString);
    Finding f = r.findings().get(0);
    assertEquals("manifest/yaml-syntax", f.ruleId());
    assertTrue(f.message().contains("alias bomb"), f.message());
    assertTrue(f.line() >= 5, "positioned at the alias that crossed the cap: " + f);
    assertTrue(millis < 5_000, "the cap stops the expansion early, took " + millis + " ms");
  }

  @Test
  void anEmptyOrCommentOnlyFileIsAFindingNotACrash() {
    assertEquals(
        List.of("manifest.yml:1:1: error: file is empty: expected a YAML mapping [manifest/yaml-syntax]"),
        lines(read("  \n\n")));
    assertEquals(
        List.of("manifest.yml:1:1: error: file holds no YAML document [manifest/yaml-syntax]"),
        lines(read("# nothing here yet\n")));
  }

  @Test
  void nonUtf8BytesAreAnEncodingFindingWithTheirPosition() {
    byte[] latin1 = "app:\n  id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    JsonReader.Result r = reader.read(latin1, "manifest.yml");
    assertFalse(r.parsed());
    assertEquals(1, r.findings().size());
    Finding f = r.findings().get(0);
    assertEquals("json/encoding", f.ruleId());
    assertEquals(2, f.line());
    assertTrue(f.message().contains("0xE9"), f.message());
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() {
    byte[] text = "app:\n  id: x\n".getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    JsonReader.Result r = reader.read(bom, "manifest.yml");
    assertTrue(r.parsed(), lines(r)::toString);
    assertEquals("x", r.root().at("/app/id").asText());
  }

  /**
   * Forge reads a manifest with the {@code yaml} package's defaults: YAML 1.2, core schema. So does this reader, not
   * YAML 1.1 as SnakeYAML does by default: {@code enabled: yes} would be a boolean there and a (schema-refused) string
   * on Forge, and {@code name: {value: No}} would become {@code false}.
   */
  @Test
  void resolvesScalarsAsYaml12CoreSchemaLikeForge() {
    JsonNode n =
        read(
                """
                words: [yes, no, on, off, y, n, Yes, NO]
                booleans: [true, True, TRUE, false, False, FALSE]
                nulls: [~, null, Null, NULL, ]
                ints: [017, 0x1F, +12, -0, 42]
                floats: [1.5, .5, 1., 1e3, -2.5E-1]
                special: [.inf, -.inf, .nan]
                text: [1_000, 0b11, '017', "true", 1:20, tRUE]
                """)
            .root();
    for (JsonNode w : n.path("words")) {
      assertTrue(w.isTextual(), "YAML 1.1 boolean words are text in YAML 1.2: " + w);
    }
    for (JsonNode b : n.path("booleans")) {
      assertTrue(b.isBoolean(), b.toString());
    }
    for (JsonNode x : n.path("nulls")) {
      assertTrue(x.isNull(), x.toString());
    }
    assertEquals(17, n.at("/ints/0").asInt(), "017 is decimal in YAML 1.2 (octal 15 in 1.1)");
    assertEquals(31, n.at("/ints/1").asInt());
    assertEquals(12, n.at("/ints/2").asInt());
    assertEquals(0, n.at("/ints/3").asInt());
    assertTrue(n.at("/ints/4").isIntegralNumber());
    assertEquals(1.5, n.at("/floats/0").asDouble());
    assertEquals(0.5, n.at("/floats/1").asDouble());
    assertEquals(1.0, n.at("/floats/2").asDouble());
    assertEquals(1000.0, n.at("/floats/3").asDouble());
    assertEquals(-0.25, n.at("/floats/4").asDouble());
    assertEquals(Double.POSITIVE_INFINITY, n.at("/special/0").asDouble());
    assertEquals(Double.NEGATIVE_INFINITY, n.at("/special/1").asDouble());
    assertTrue(Double.isNaN(n.at("/special/2").asDouble()));
    for (JsonNode t : n.path("text")) {
      assertTrue(t.isTextual(), "text in YAML 1.2: " + t);
    }
    assertEquals("1_000", n.at("/text/0").asText());
  }

  @Test
  void deepNestingIsAFindingNotAStackOverflow() {
    String deep = "a: " + "[".repeat(2000) + "]".repeat(2000) + "\n";
    JsonReader.Result r = read(deep);
    assertFalse(r.parsed());
    assertEquals("manifest/yaml-syntax", r.findings().get(0).ruleId());
  }

  @Test
  void treatsJsonSyntaxAsYaml() {
    JsonReader.Result r = read("{\"app\": {\"id\": \"x\"},\n \"modules\": {}}\n");
    assertTrue(r.parsed(), lines(r)::toString);
    assertArrayEquals(new int[] {1, 16}, r.sourceMap().value("/app/id"));
  }
}
