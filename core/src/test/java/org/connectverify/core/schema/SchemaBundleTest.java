package org.connectverify.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.Product;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONPointer;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;

class SchemaBundleTest {
  private static JSONObject read(String name) {
    try (InputStream in = SchemaBundleTest.class.getClassLoader().getResourceAsStream(SchemaSet.BASE + name)) {
      return new JSONObject(new JSONTokener(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names the set streams out of its documents are those of the parsed documents, in document order. */
  @Test
  void moduleTypesAndTopLevelFieldsAreTheSchemasMemberNamesInDocumentOrder() throws IOException {
    SchemaSet set = new SchemaSet();
    for (Product product : Product.values()) {
      assertEquals(
          memberNames(SchemaSet.fileName(product), "/properties/modules/properties"),
          new ArrayList<>(set.moduleTypes(product)),
          product.label());
    }
    List<String> top = memberNames("shared.schema.json", "/definitions/descriptor/properties");
    assertTrue(top.contains("baseUrl") && top.contains("modules"), top.toString());
    assertEquals(top, new ArrayList<>(set.topLevelFields()));
  }

  private static List<String> memberNames(String file, String pointer) throws IOException {
    try (InputStream in = SchemaBundleTest.class.getClassLoader().getResourceAsStream(SchemaSet.BASE + file)) {
      List<String> out = new ArrayList<>();
      com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      tree.at(pointer).fieldNames().forEachRemaining(out::add);
      assertTrue(!out.isEmpty(), file + pointer);
      return out;
    }
  }

  @Test
  void bundlesEveryProductSchemaIntoOneDocumentWhoseReferencesAllResolveLocally() {
    for (Product product : Product.values()) {
      JSONObject bundle = SchemaBundle.bundle(SchemaSet.fileName(product), SchemaBundleTest::read);
      List<String> refs = new ArrayList<>();
      collect(bundle, refs);
      assertTrue(!refs.isEmpty(), product + " has references");
      for (String ref : refs) {
        assertTrue(ref.startsWith("#/definitions/"), product + ": " + ref + " is not local");
        Object target = new JSONPointer(ref).queryFrom(bundle);
        assertTrue(target instanceof JSONObject, product + ": " + ref + " does not resolve");
      }
    }
  }

  @Test
  void prefixesDefinitionsWithTheirDocumentName() {
    assertEquals("shared.", SchemaBundle.prefix("shared.schema.json"));
    assertEquals("jira-modules.", SchemaBundle.prefix("jira-modules.schema.json"));
    JSONObject jira = SchemaBundle.bundle("jira.schema.json", SchemaBundleTest::read);
    assertTrue(jira.getJSONObject("definitions").has("jira-modules.issueGlance"));
    assertTrue(jira.getJSONObject("definitions").has("shared.webItem"));
  }

  private static void collect(Object node, List<String> refs) {
    if (node instanceof JSONObject o) {
      if (o.opt("$ref") instanceof String r) {
        refs.add(r);
      }
      o.keySet().forEach(k -> collect(o.get(k), refs));
    } else if (node instanceof JSONArray a) {
      a.forEach(x -> collect(x, refs));
    }
  }
}
