package org.connectverify.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.connectverify.core.Product;
import org.connectverify.core.TestPaths;
import org.connectverify.core.json.JsonReader;
import org.everit.json.schema.ValidationException;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The proof lets everit skip a document, a top level, a module type or an item only where everit would find nothing.
 * The first tests pin each keyword's meaning; the others hold the proof to everit itself: over every fixture, the
 * corpus (when {@code ../shared} is there) and seeded mutants of them, {@link SchemaSet#validate(Product, JsonNode)}
 * (the proof, then everit on what it cannot clear) must give exactly the violations of everit over the whole document,
 * and every verdict that is not UNKNOWN must be everit's.
 */
class SchemaProofTest {
  private static final List<Product> PRODUCTS = List.of(Product.JIRA, Product.CONFLUENCE);

  private static SchemaProof.Verdict verdict(String schema, String value) throws Exception {
    JSONObject s = new JSONObject(schema);
    return SchemaProof.of(s, s, new JSONObject()).verdict(new JsonReader().read(value.getBytes(), "v.json").root());
  }

  @Test
  void clearsACharacterSetPatternWithoutTheRegexOnlyWhereTheRegexMatches() {
    // the module key's pattern is read; the schemas' other patterns, and sets this does not read, are not
    boolean[] key = SchemaProof.quickChars("^[a-zA-Z0-9-]+$");
    assertTrue(key != null && key['a'] && key['Z'] && key['5'] && key['-'] && !key['_'] && !key['.']);
    for (String other :
        List.of(
            "^[_a-zA-Z]+[_a-zA-Z0-9-]*$", "^[^;|}]*$", "[a-z]", "^[a-z]+", "^[^a-z]+$", "^[A-z]+$", "^[a-z-9]+$",
            "^[\\w]+$", "^[a-z]*$", "^[z-a]+$", "^[]+$")) {
      assertEquals(null, SchemaProof.quickChars(other), other);
    }
    // held to java.util.regex over random strings: letters, digits, '-', other ASCII, line breaks and non-ASCII
    String alphabet = "aZ09-_. \n\r\u0085\u2028\u00e9\u0130\u212a";
    Random random = new Random(17);
    for (String pattern : List.of("^[a-zA-Z0-9-]+$", "^[-a-f]+$", "^[0-9A-F]+$", "^[a-]+$")) {
      boolean[] chars = SchemaProof.quickChars(pattern);
      java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern);
      assertTrue(chars != null, pattern);
      JSONObject schema = new JSONObject().put("pattern", pattern);
      SchemaProof proof = SchemaProof.of(schema, schema, new JSONObject());
      for (int i = 0; i < 20_000; i++) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String s = sb.toString();
        if (SchemaProof.allIn(s, chars)) {
          assertTrue(regex.matcher(s).find(), pattern + " on \"" + s + "\"");
        }
        // and where the quick test declines, the verdict is still the regex's
        assertEquals(
            regex.matcher(s).find() ? SchemaProof.Verdict.PASS : SchemaProof.Verdict.FAIL,
            proof.verdict(com.fasterxml.jackson.databind.node.TextNode.valueOf(s)),
            pattern + " on \"" + s + "\"");
      }
    }
    assertTrue(!SchemaProof.allIn("", key) && !SchemaProof.allIn("a", null));
  }

  @Test
  void mirrorsEachKeywordOurSchemasUse() throws Exception {
    assertEquals(SchemaProof.Verdict.PASS, verdict("{\"type\": \"string\", \"maxLength\": 3}", "\"abc\""));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"type\": \"string\", \"maxLength\": 3}", "\"abcd\""));
    // lengths count code points, as everit does: one emoji is one character
    assertEquals(SchemaProof.Verdict.PASS, verdict("{\"maxLength\": 1}", "\"\\ud83d\\ude00\""));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"type\": \"string\"}", "1"));
    assertEquals(SchemaProof.Verdict.PASS, verdict("{\"type\": \"integer\", \"minimum\": 1}", "1"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"type\": \"integer\", \"minimum\": 1}", "0"));
    // org.json reads a fraction or an exponent its own way: everit decides
    assertEquals(SchemaProof.Verdict.UNKNOWN, verdict("{\"type\": \"integer\"}", "1.0"));
    assertEquals(SchemaProof.Verdict.PASS, verdict("{}", "1.5"));
    // a pattern is found anywhere in the string, not matched whole
    assertEquals(SchemaProof.Verdict.PASS, verdict("{\"pattern\": \"b\"}", "\"abc\""));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"pattern\": \"^b\"}", "\"abc\""));
    assertEquals(SchemaProof.Verdict.PASS, verdict("{\"enum\": [\"a\", \"b\"]}", "\"b\""));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"enum\": [\"a\", \"b\"]}", "\"B\""));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"enum\": [\"1\"]}", "1"));
    assertEquals(SchemaProof.Verdict.UNKNOWN, verdict("{\"enum\": [1]}", "1"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"format\": \"connect-url\"}", "\"ftp://x\""));
    assertEquals(SchemaProof.Verdict.PASS, verdict("{\"format\": \"connect-url\"}", "\"/page?k={issue.key}\""));
    // keywords apply to their own type only
    assertEquals(SchemaProof.Verdict.PASS, verdict("{\"required\": [\"a\"], \"minLength\": 2}", "[]"));
    String object =
        "{\"type\": \"object\", \"required\": [\"a\"], \"properties\": {\"a\": {\"type\": \"string\"}},"
            + " \"patternProperties\": {\"^x-\": {\"type\": \"boolean\"}}, \"additionalProperties\": false}";
    assertEquals(SchemaProof.Verdict.PASS, verdict(object, "{\"a\": \"1\", \"x-b\": true}"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict(object, "{\"a\": \"1\", \"x-b\": 1}"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict(object, "{\"a\": \"1\", \"b\": true}"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict(object, "{\"x-b\": true}"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict(object, "[]"));
    assertEquals(
        SchemaProof.Verdict.FAIL,
        verdict("{\"propertyNames\": {\"enum\": [\"EU\"]}, \"additionalProperties\": {}}", "{\"US\": 1}"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"items\": {\"type\": \"string\"}, \"maxItems\": 2}", "[1]"));
    assertEquals(
        SchemaProof.Verdict.FAIL, verdict("{\"items\": {\"type\": \"string\"}, \"maxItems\": 1}", "[\"a\", \"b\"]"));
  }

  @Test
  void combinesVerdictsWithoutGuessing() throws Exception {
    assertEquals(SchemaProof.Verdict.PASS, verdict("{\"not\": {\"enum\": [\"a\"]}}", "\"b\""));
    assertEquals(SchemaProof.Verdict.FAIL, verdict("{\"not\": {\"enum\": [\"a\"]}}", "\"a\""));
    // not of UNKNOWN is UNKNOWN, never PASS
    assertEquals(SchemaProof.Verdict.UNKNOWN, verdict("{\"not\": {\"type\": \"integer\"}}", "1.5"));
    String oneOf = "{\"oneOf\": [{\"required\": [\"a\"]}, {\"required\": [\"b\"]}]}";
    assertEquals(SchemaProof.Verdict.PASS, verdict(oneOf, "{\"a\": 1}"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict(oneOf, "{\"a\": 1, \"b\": 1}"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict(oneOf, "{}"));
    String ifThen = "{\"if\": {\"properties\": {\"t\": {\"enum\": [\"x\"]}}}, \"then\": {\"required\": [\"k\"]}}";
    assertEquals(SchemaProof.Verdict.FAIL, verdict(ifThen, "{\"t\": \"x\"}"));
    assertEquals(SchemaProof.Verdict.PASS, verdict(ifThen, "{\"t\": \"y\"}"));
    assertEquals(SchemaProof.Verdict.PASS, verdict(ifThen, "{\"t\": \"x\", \"k\": 1}"));
    // a $ref ignores the keywords beside it, as everit does in draft 7
    String ref =
        "{\"definitions\": {\"s\": {\"type\": \"string\"}}, \"$ref\": \"#/definitions/s\", \"type\": \"integer\"}";
    assertEquals(SchemaProof.Verdict.PASS, verdict(ref, "\"a\""));
    // what the proof does not mirror leaves everit to decide
    assertEquals(SchemaProof.Verdict.UNKNOWN, verdict("{\"const\": 1}", "1"));
    assertEquals(SchemaProof.Verdict.UNKNOWN, verdict("{\"format\": \"email\"}", "\"a@b\""));
    assertEquals(SchemaProof.Verdict.UNKNOWN, verdict("{\"properties\": {\"a\": {\"default\": 1}}}", "{\"a\": 1}"));
    assertEquals(SchemaProof.Verdict.UNKNOWN, verdict("{\"$ref\": \"#/definitions/none\"}", "1"));
    // a cycle through a definition compiles; a reference to itself alone is UNKNOWN
    String cycle = "{\"definitions\": {\"c\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/definitions/c\"}}},"
        + " \"$ref\": \"#/definitions/c\"}";
    assertEquals(SchemaProof.Verdict.PASS, verdict(cycle, "[[], [[]]]"));
    assertEquals(SchemaProof.Verdict.FAIL, verdict(cycle, "[[1]]"));
    assertEquals(
        SchemaProof.Verdict.UNKNOWN,
        verdict("{\"definitions\": {\"a\": {\"$ref\": \"#/definitions/a\"}}, \"$ref\": \"#/definitions/a\"}", "1"));
  }

  @Test
  void agreesWithEveritOverEveryFixtureAndTheCorpus() throws Exception {
    List<JsonNode> docs = documents();
    assertTrue(docs.size() > 100, "fixtures found: " + docs.size());
    int proven = 0;
    for (JsonNode doc : docs) {
      proven += agree(doc);
    }
    // the proof must clear most clean descriptors, or it saves nothing
    assertTrue(proven > docs.size() / 4, "proven clean: " + proven + " of " + docs.size() * PRODUCTS.size());
  }

  @Test
  void agreesWithEveritOverMutants() throws Exception {
    List<JsonNode> docs = documents();
    Random random = new Random(20261203);
    for (int i = 0; i < MUTANTS; i++) {
      JsonNode doc = docs.get(random.nextInt(docs.size())).deepCopy();
      for (int m = 1 + random.nextInt(3); m > 0; m--) {
        mutate(doc, random);
      }
      agree(doc);
    }
  }

  private static final int MUTANTS = 1500;
  private static final SchemaSet PARTS = new SchemaSet();
  private static final SchemaSet WHOLE = wholeSet();

  private static SchemaSet wholeSet() {
    SchemaSet s = new SchemaSet();
    s.expectMany();
    return s;
  }

  /**
   * The proof's verdict is everit's, and validating with it gives everit's violations, in parts and whole. Returns for
   * how many products the proof cleared the document.
   */
  private static int agree(JsonNode doc) {
    int proven = 0;
    for (Product product : PRODUCTS) {
      List<String> everit = leaves(WHOLE.validate(product, OrgJson.of(doc)));
      SchemaProof.Verdict v = WHOLE.proof(product).verdict(doc);
      if (v != SchemaProof.Verdict.UNKNOWN) {
        assertEquals(everit.isEmpty(), v == SchemaProof.Verdict.PASS, () -> product + " " + v + " for " + doc);
      }
      if (v == SchemaProof.Verdict.PASS) {
        proven++;
      }
      assertEquals(everit, leaves(WHOLE.validate(product, doc)), () -> product + " whole, for " + doc);
      assertEquals(everit, leaves(PARTS.validate(product, doc)), () -> product + " in parts, for " + doc);
    }
    return proven;
  }

  /** Every leaf violation as pointer, keyword and message, in the order a report sorts them. */
  private static List<String> leaves(List<ValidationException> failures) {
    List<String> out = new ArrayList<>();
    for (ValidationException e : failures) {
      flatten(e, out);
    }
    out.sort(null);
    return out;
  }

  private static void flatten(ValidationException e, List<String> out) {
    if (e.getCausingExceptions().isEmpty()) {
      out.add(e.getPointerToViolation() + " " + e.getKeyword() + " " + e.getErrorMessage());
    }
    e.getCausingExceptions().forEach(c -> flatten(c, out));
  }

  /** Values the mutants put where a value was: each type, edge lengths, keys and URLs our schemas judge. */
  private static final List<String> VALUES =
      List.of(
          "\"\"", "\"x\"", "\"" + "k".repeat(101) + "\"", "\"a b\"", "\"my-key\"", "\"MY_KEY\"", "0", "-1", "7",
          "1.5", "1e3", "true", "null", "{}", "[]", "[{}]", "\"/page?k={issue.key}\"", "\"https://example.com\"",
          "\"ftp://x\"", "\"{unclosed\"", "\"jwt\"", "\"JWT\"", "\"none\"", "\"READ\"", "\"read:jira-work\"",
          "\"and\"", "\"OR\"", "\"button\"", "\"dialogmodule\"", "\"atl.header.after.scripts\"", "\"EU\"",
          "\"Mars\"", "{\"value\": \"v\"}", "{\"condition\": \"user_is_logged_in\"}", "\"\\ud83d\\ude00\"");

  private static final List<String> KEYS =
      List.of("key", "name", "url", "value", "type", "conditions", "condition", "and", "Or", "options", "location",
          "unknownField", "x-extra", "EU", "Global", "expression", "width", "icon", "params");

  private static void mutate(JsonNode doc, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(doc, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    JsonNode value = new JsonReader().read(VALUES.get(random.nextInt(VALUES.size())).getBytes(), "v.json").root();
    if (target instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int op = random.nextInt(4);
      if (names.isEmpty() || op == 0) {
        o.set(KEYS.get(random.nextInt(KEYS.size())), value);
      } else {
        String name = names.get(random.nextInt(names.size()));
        if (op == 1) {
          o.remove(name);
        } else {
          o.set(name, value);
        }
      }
    } else if (target instanceof ArrayNode a) {
      if (a.isEmpty() || random.nextBoolean()) {
        a.add(value);
      } else {
        a.set(random.nextInt(a.size()), value);
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  private static List<JsonNode> documents;

  /**
   * The JSON objects among the test resources and, when present, the corpus of real descriptors; read once for both
   * tests, which only read them (the mutants are copies).
   */
  private static synchronized List<JsonNode> documents() throws Exception {
    if (documents == null) {
      documents = read();
    }
    return documents;
  }

  private static List<JsonNode> read() throws Exception {
    List<Path> roots = new ArrayList<>(List.of(TestPaths.root().resolve("core/src/test/resources")));
    Path shared = TestPaths.shared();
    if (shared != null) {
      roots.add(shared.resolve("corpus/descriptors"));
    }
    List<JsonNode> out = new ArrayList<>();
    JsonReader reader = new JsonReader();
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          JsonReader.Result r = reader.read(Files.readAllBytes(f), f.toString());
          if (r.parsed() && r.root().isObject() && r.root().has("modules")) {
            out.add(r.root());
          }
        }
      }
    }
    return out;
  }
}
