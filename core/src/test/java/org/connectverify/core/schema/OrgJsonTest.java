package org.connectverify.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.connectverify.core.Product;
import org.connectverify.core.json.JsonReader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;

/** everit must see the same values whether the tree reaches it as text (as it once did) or built directly. */
class OrgJsonTest {
  private final JsonReader reader = new JsonReader();

  private JsonNode tree(String json) {
    JsonReader.Result r = reader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "t.json");
    assertTrue(r.parsed(), json);
    return r.root();
  }

  /** Same structure, same values and the same Java types at every place. */
  private static void assertSameValues(Object expected, Object actual, String at) {
    assertEquals(expected.getClass(), actual.getClass(), at);
    if (expected instanceof JSONObject e) {
      JSONObject a = (JSONObject) actual;
      assertEquals(e.keySet(), a.keySet(), at);
      for (String k : e.keySet()) {
        assertSameValues(e.get(k), a.get(k), at + "/" + k);
      }
    } else if (expected instanceof JSONArray e) {
      JSONArray a = (JSONArray) actual;
      assertEquals(e.length(), a.length(), at);
      for (int i = 0; i < e.length(); i++) {
        assertSameValues(e.get(i), a.get(i), at + "/" + i);
      }
    } else {
      assertEquals(expected, actual, at);
    }
  }

  private void assertAsThroughText(JsonNode node) {
    assertSameValues(new JSONTokener(node.toString()).nextValue(), OrgJson.of(node), "");
  }

  @Test
  void numbersStringsAndLiteralsAreWhatTheTokenerReads() {
    assertAsThroughText(
        tree(
            "{\"i\": 1, \"neg\": -7, \"long\": 12345678901, \"big\": 123456789012345678901234567890,"
                + " \"d\": 1.5, \"e\": 1e3, \"E\": -2.5E-3, \"zero\": 0.0, \"t\": true, \"f\": false, \"n\": null,"
                + " \"s\": \"a \\\"quoted\\\" \\u00e9 \\ud83d\\ude00 line\\nbreak\", \"numeric string\": \"12\","
                + " \"empty\": {}, \"list\": [1, \"x\", [null, {\"k\": 2.0}], []]}"));
    assertAsThroughText(tree("[1, 2.25, \"x\"]"));
    assertAsThroughText(tree("\"just text\""));
    assertAsThroughText(tree("42"));
  }

  @Test
  void everyRuleFixtureConvertsAsThroughText() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/rules"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() > 10, "fixtures found: " + files.size());
    for (Path f : files) {
      JsonReader.Result r = reader.read(Files.readAllBytes(f), f.toString());
      if (r.parsed()) {
        assertAsThroughText(r.root());
      }
    }
  }

  @Test
  void aPrefetchedSchemaValidatesAsOneCompiledOnDemand() {
    SchemaSet prefetched = new SchemaSet();
    prefetched.prefetch(Product.CONFLUENCE, List.of());
    Object doc = new org.json.JSONObject(
        "{\"key\": \"k\", \"baseUrl\": 1, \"modules\": {\"webItems\": [{\"key\": \"x\"}], \"nope\": []}}");
    List<String> a = pointers(prefetched.validate(Product.CONFLUENCE, doc));
    List<String> b = pointers(new SchemaSet().validate(Product.CONFLUENCE, doc));
    assertEquals(b, a);
    assertTrue(a.contains("#/modules/webItems/0"), a.toString());
    assertTrue(a.contains("#/baseUrl"), a.toString());
    assertSame(SchemaSet.shared(), SchemaSet.shared());
  }

  @Test
  void moduleTypesPrefetchedAsADescriptorIsReadValidateAsTypesCompiledOnDemand() throws Exception {
    Object doc = new org.json.JSONObject(
        "{\"key\": \"k\", \"baseUrl\": 1, \"modules\": {\"webItems\": [{\"key\": \"x\"}],"
            + " \"generalPages\": [{\"key\": 2}], \"nope\": []}}");
    List<String> types = List.of("webItems", "generalPages", "nope");
    SchemaSet prefetched = new SchemaSet();
    prefetched.prefetch(Product.JIRA, types);
    prefetched.prefetch(Product.JIRA, types); // a second call while the first compiles leaves the rest to validate
    List<String> a = pointers(prefetched.validate(Product.JIRA, doc));
    prefetched.prefetch(Product.JIRA, types); // everything compiled: nothing to start
    List<String> b = pointers(new SchemaSet().validate(Product.JIRA, doc));
    assertEquals(b, a);
    assertEquals(a, pointers(prefetched.validate(Product.JIRA, doc)));
    assertTrue(a.contains("#/modules/webItems/0"), a.toString());
    assertTrue(a.contains("#/modules/generalPages/0/key"), a.toString());
    SchemaSet many = new SchemaSet();
    many.expectMany();
    many.prefetch(Product.JIRA, types); // the whole schema, as validate then uses
    assertEquals(b, pointers(many.validate(Product.JIRA, doc)));
  }

  private static List<String> pointers(List<org.everit.json.schema.ValidationException> failures) {
    List<String> out = new java.util.ArrayList<>();
    for (org.everit.json.schema.ValidationException f : failures) {
      collect(f, out);
    }
    java.util.Collections.sort(out);
    return out;
  }

  private static void collect(org.everit.json.schema.ValidationException e, List<String> out) {
    if (e.getCausingExceptions().isEmpty()) {
      out.add(e.getPointerToViolation());
    }
    e.getCausingExceptions().forEach(c -> collect(c, out));
  }
}
