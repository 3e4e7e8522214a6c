package org.connectverify.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.TestPaths;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One folder per module type of each product, {@code modules/<product>/<type>/}, holding the module's value (an array,
 * or an object for single-object module types) twice: {@code valid.json} must verify without any finding, and
 * {@code invalid.json} must produce exactly the findings in {@code invalid.expected} (one {@code severity rule-id pointer}
 * line each, so the fixtures do not depend on line numbers). Each value is verified inside the same minimal descriptor.
 */
class ModuleFixturesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Verifier JIRA = verifier(Product.JIRA);
  private static final Verifier CONFLUENCE = verifier(Product.CONFLUENCE);

  private static Verifier verifier(Product product) {
    return Verifier.create(VerifyOptions.builder().product(product).build());
  }

  static Path fixtures() {
    return TestPaths.root().resolve("core/src/test/resources/modules");
  }

  @Test
  void everyModuleTypeOfBothProductsHasAValidAndAnInvalidFixture() {
    SchemaSet schemas = new SchemaSet();
    List<String> missing = new ArrayList<>();
    for (Product product : List.of(Product.JIRA, Product.CONFLUENCE)) {
      for (String type : schemas.moduleTypes(product)) {
        Path dir = fixtures().resolve(product.label()).resolve(type);
        for (String file : List.of("valid.json", "invalid.json", "invalid.expected")) {
          if (!Files.isRegularFile(dir.resolve(file))) {
            missing.add(product.label() + "/" + type + "/" + file);
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "missing module fixtures:\n" + String.join("\n", missing));
  }

  @Test
  void fixtureFoldersNameOnlyKnownModuleTypes() throws IOException {
    SchemaSet schemas = new SchemaSet();
    List<String> stray = new ArrayList<>();
    for (Product product : List.of(Product.JIRA, Product.CONFLUENCE)) {
      try (Stream<Path> s = Files.list(fixtures().resolve(product.label()))) {
        s.map(p -> p.getFileName().toString())
            .filter(t -> !schemas.moduleTypes(product).contains(t))
            .forEach(t -> stray.add(product.label() + "/" + t));
      }
    }
    assertTrue(stray.isEmpty(), "fixture folders for unknown module types: " + stray);
  }

  @TestFactory
  Stream<DynamicTest> validModulesVerifyCleanAndInvalidOnesGiveTheirExpectedFindings() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Product product : List.of(Product.JIRA, Product.CONFLUENCE)) {
      List<Path> dirs;
      try (Stream<Path> s = Files.list(fixtures().resolve(product.label()))) {
        dirs = s.filter(Files::isDirectory).sorted().toList();
      }
      for (Path dir : dirs) {
        String type = dir.getFileName().toString();
        tests.add(DynamicTest.dynamicTest(product.label() + "/" + type + "/valid", () -> {
          List<String> found = run(product, type, dir.resolve("valid.json"));
          assertEquals(List.of(), found, "valid " + type + " must verify clean");
        }));
        tests.add(DynamicTest.dynamicTest(product.label() + "/" + type + "/invalid", () -> {
          List<String> found = run(product, type, dir.resolve("invalid.json"));
          List<String> expected =
              Files.readAllLines(dir.resolve("invalid.expected"), StandardCharsets.UTF_8).stream()
                  .map(String::strip)
                  .filter(l -> !l.isEmpty())
                  .toList();
          assertEquals(expected, found, "invalid " + type);
          if (found.stream().noneMatch(l -> l.startsWith("error "))) {
            fail("invalid " + type + " must produce at least one error");
          }
        }));
      }
    }
    return tests.stream();
  }

  /** Verifies the module value inside a minimal descriptor; one line per finding: severity, rule id, pointer. */
  static List<String> run(Product product, String type, Path moduleFile) throws IOException {
    JsonNode module = MAPPER.readTree(moduleFile.toFile());
    ObjectNode descriptor = MAPPER.createObjectNode();
    descriptor.put("key", "com.example.fixture");
    descriptor.put("baseUrl", "https://fixture.example.com");
    descriptor.putObject("authentication").put("type", "jwt");
    descriptor.putObject("lifecycle").put("installed", "/installed");
    descriptor.putObject("apiMigrations").put("signed-install", true).put("context-qsh", true);
    descriptor.putArray("scopes").add("READ");
    descriptor.putObject("modules").set(type, module);
    byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor);
    Report report = (product == Product.JIRA ? JIRA : CONFLUENCE).verify("atlassian-connect.json", bytes);
    Set<String> lines = new TreeSet<>();
    for (Finding f : report.findings()) {
      lines.add(f.severity().label() + " " + f.ruleId() + " " + f.pointer());
    }
    return new ArrayList<>(lines);
  }
}
