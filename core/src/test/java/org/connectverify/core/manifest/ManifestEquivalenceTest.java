package org.connectverify.core.manifest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.TestPaths;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.json.SourceMap;
import org.connectverify.core.json.YamlReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every descriptor fixture under {@code rules/}, written as a Connect-on-Forge manifest (by {@link DescriptorToManifest},
 * in this test) next to the same files, must give the same findings: for every descriptor finding a manifest finding of
 * the same rule and severity at the manifest pointer the descriptor pointer became, on the line and column where that
 * pointer's key or value was written; and no manifest finding without its descriptor counterpart. This is how the
 * checks are shown to work on manifests without knowing which format they read.
 */
class ManifestEquivalenceTest {
  /**
   * Rules a manifest cannot produce, with why. Findings of these rules are left out on both sides; a case whose
   * findings are all of them still has to be clean of everything else in manifest form.
   */
  private static final Map<String, String> DESCRIPTOR_ONLY_RULES =
      Map.ofEntries(
          // JSON reading: a manifest is YAML; its reading rules are manifest/yaml-syntax and manifest/duplicate-key,
          // tested with their own fixtures (a tree written back out cannot hold a duplicate key or a comment).
          Map.entry("json/syntax", "JSON syntax"),
          Map.entry("json/comments", "JSON comments"),
          Map.entry("json/duplicate-key", "JSON duplicate keys (manifest/duplicate-key covers YAML)"),
          Map.entry("json/encoding", "descriptor encoding"),
          // Top-level descriptor fields a manifest has no place for: name, description, vendor, links, apiVersion
          // and unknown fields are dropped by the conversion (Forge takes them from the app listing).
          Map.entry("descriptor/name-length", "a manifest has no Connect name"),
          Map.entry("descriptor/unknown-field", "a manifest has no free top-level descriptor fields"),
          // Connect on Forge always signs installs and checks context qsh: a descriptor's apiMigrations without them
          // has no manifest form.
          Map.entry("auth/signed-install", "Forge always signs installs"),
          Map.entry("auth/context-qsh", "Forge always sends context-qsh tokens"),
          // Manifest scopes are written lower-case by format ("read:connect-jira"): no mixed case to find.
          Map.entry("scopes/mixed-case", "scope case is fixed by the manifest format"));

  /**
   * Cases left out as a whole: what they test is how a descriptor file is filled or found, which a manifest does
   * differently (Forge fills ${VAR} from the environment, never from Spring Boot's application files).
   */
  private static final Set<String> DESCRIPTOR_ONLY_CASES =
      Set.of(
          "template/unresolved/spring-missing-property",
          "template/unresolved/spring-properties",
          "template/unresolved/spring-yaml-profile",
          // its descriptor sits in src/main/resources (a class-path root, not a web root); a manifest there is not how
          // a Forge app is laid out, and the case is about Spring Boot's layout
          "translations/missing-file/spring-layout");

  /**
   * Families of cases left out as a whole, by folder prefix: templates a server renders (ERB, Jinja, Maven filtering)
   * are not JSON to convert, and atlassian-connect-express fills {{...}} and serves /installed from its config.json for
   * a descriptor it serves, which Forge never does for a manifest.
   */
  private static final List<String> DESCRIPTOR_ONLY_FAMILIES =
      List.of("template/not-rendered/", "template/unresolved/ace-", "auth/ace-installed-path/");

  private static boolean descriptorOnly(String caseName) {
    return DESCRIPTOR_ONLY_CASES.contains(caseName)
        || DESCRIPTOR_ONLY_FAMILIES.stream().anyMatch(caseName::startsWith);
  }

  /**
   * Top-level descriptor fields a manifest has no place for (Forge takes the app's name, description, vendor and
   * links from the Marketplace listing; the API version and migrations are fixed on Forge). Findings at these
   * pointers are left out on both sides.
   */
  private static final Set<String> DESCRIPTOR_ONLY_FIELDS =
      Set.of("name", "description", "vendor", "links", "apiVersion", "apiMigrations");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyDescriptorFindingHasItsCounterpartInTheManifest() throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> s = Files.walk(TestPaths.ruleFixtures())) {
      s.filter(p -> Files.isRegularFile(p.resolve("expected.txt"))).sorted().forEach(cases::add);
    }
    assertFalse(cases.isEmpty());
    return cases.stream()
        .filter(c -> !name(c).startsWith("json/") && !descriptorOnly(name(c)))
        .filter(ManifestEquivalenceTest::hasDescriptor) // cases written as manifests already have nothing to convert
        .map(c -> DynamicTest.dynamicTest(name(c), () -> runCase(c)));
  }

  private static boolean hasDescriptor(Path caseDir) {
    try (Stream<Path> s = Files.walk(caseDir)) {
      return s.anyMatch(f -> f.getFileName().toString().matches("atlassian-connect.*\\.json"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String name(Path caseDir) {
    return TestPaths.ruleFixtures().relativize(caseDir).toString().replace('\\', '/');
  }

  private void runCase(Path caseDir) throws Exception {
    List<Path> descriptors;
    try (Stream<Path> s = Files.walk(caseDir)) {
      descriptors =
          s.filter(f -> f.getFileName().toString().startsWith("atlassian-connect") && f.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertFalse(descriptors.isEmpty(), "no descriptor in " + caseDir);
    boolean asFolder = descriptors.stream().noneMatch(d -> d.getParent().equals(caseDir));

    Report descriptorReport = Verifier.create(options(caseDir, null).build()).verify(asFolder ? List.of(caseDir) : descriptors);

    // kept under target/ for a look at what was compared: target/manifest-equivalence/<case>/manifest.yml
    Path copy = TestPaths.root().resolve("core/target/manifest-equivalence").resolve(name(caseDir));
    deleteTree(copy);
    copyTree(caseDir, copy);
    List<Path> manifests = new ArrayList<>();
    Map<String, DescriptorToManifest.Converted> converted = new java.util.HashMap<>();
    Map<String, String> manifestOf = new java.util.HashMap<>();
    List<Product> products = new ArrayList<>();
    for (Path d : descriptors) {
      Path rel = caseDir.relativize(d);
      Report.Checked checked =
          descriptorReport.descriptors().stream()
              .filter(c -> c.file().equals(rel.toString().replace('\\', '/')))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not in the report: " + rel));
      Product product = checked.product();
      products.add(product);
      String label = product == Product.CONFLUENCE ? "confluence" : "jira";
      DescriptorToManifest.Converted c =
          DescriptorToManifest.convert(JSON.readTree(Files.readAllBytes(d)), label);
      long inFolder = descriptors.stream().filter(o -> o.getParent().equals(d.getParent())).count();
      String fileName =
          inFolder == 1 ? "manifest.yml" : d.getFileName().toString().replaceAll("\\.json$", "") + ".manifest.yml";
      Path m = copy.resolve(rel).resolveSibling(fileName);
      Files.delete(copy.resolve(rel));
      Files.writeString(m, c.yaml(), StandardCharsets.UTF_8);
      manifests.add(m);
      String mDisplay = copy.relativize(m).toString().replace('\\', '/');
      converted.put(mDisplay, c);
      manifestOf.put(rel.toString().replace('\\', '/'), mDisplay);
    }
    // A manifest names its product with its prefix; a descriptor that fits both products was checked against what
    // both share, so its manifest (written with the jira: prefix) is too: compare like with like.
    boolean allCommon = products.stream().allMatch(p -> p == Product.COMMON);
    Report manifestReport =
        Verifier.create(options(copy, allCommon ? Product.COMMON : null).build()).verify(asFolder ? List.of(copy) : manifests);

    List<Finding> expected = comparable(descriptorReport.findings(), manifestOf.keySet());
    List<Finding> actual = comparable(manifestReport.findings(), Set.of());
    List<String> problems = new ArrayList<>();
    for (Finding f : expected) {
      String mFile = manifestOf.get(f.file());
      DescriptorToManifest.Converted c = converted.get(mFile);
      if (c == null) {
        // a finding in a file the descriptor refers to (a translation file): the very same finding
        Finding same =
            actual.stream()
                .filter(a -> a.toString().equals(f.toString()) && a.pointer().equals(f.pointer()))
                .findFirst()
                .orElse(null);
        if (same == null) {
          problems.add("no counterpart for " + f + " (in a file that was not converted)");
        } else {
          actual.remove(same);
        }
        continue;
      }
      String pointer = c.manifestPointer(f.pointer());
      if (pointer == null) {
        problems.add("descriptor finding at a pointer a manifest cannot hold (exclude its rule, with why): " + f);
        continue;
      }
      int[] at = c.position(pointer);
      Finding match =
          actual.stream()
              .filter(a -> a.file().equals(mFile))
              .filter(a -> a.ruleId().equals(f.ruleId()) && a.severity() == f.severity())
              .filter(a -> a.pointer().equals(pointer))
              .filter(
                  a ->
                      (a.line() == at[0] && a.column() == at[1]) || (a.line() == at[2] && a.column() == at[3]))
              .findFirst()
              .orElse(null);
      if (match == null) {
        problems.add(
            "no counterpart for "
                + f
                + "\n    expected "
                + f.ruleId()
                + " "
                + f.severity()
                + " at "
                + mFile
                + " "
                + pointer
                + " line "
                + at[0]
                + ":"
                + at[1]
                + " or "
                + at[2]
                + ":"
                + at[3]);
      } else {
        actual.remove(match);
      }
    }
    for (Finding a : actual) {
      problems.add("manifest finding without a descriptor counterpart: " + a + " at " + a.pointer());
    }
    if (!problems.isEmpty()) {
      StringBuilder yaml = new StringBuilder();
      converted.forEach((file, c) -> yaml.append("\n--- ").append(file).append('\n').append(numbered(c.yaml())));
      fail(String.join("\n", problems) + "\n" + yaml);
    }
  }

  /**
   * Findings the comparison covers: not the descriptor-only rules, not the manifest's own rules, and not findings in a
   * descriptor at a field a manifest cannot hold.
   */
  private static List<Finding> comparable(List<Finding> findings, Set<String> descriptorFiles) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (DESCRIPTOR_ONLY_RULES.containsKey(f.ruleId()) || f.ruleId().startsWith("manifest/")
          || f.ruleId().startsWith("migration/")) {
        continue;
      }
      String first = f.pointer().isEmpty() ? "" : f.pointer().substring(1).split("/", 2)[0];
      if (descriptorFiles.contains(f.file()) && DESCRIPTOR_ONLY_FIELDS.contains(first)) {
        continue;
      }
      out.add(f);
    }
    return out;
  }

  private static VerifyOptions.Builder options(Path caseDir, Product product) throws IOException {
    VerifyOptions.Builder b = VerifyOptions.builder().baseDir(caseDir);
    Path props = caseDir.resolve("options.properties");
    if (Files.exists(props)) {
      Properties p = new Properties();
      try (var r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      for (String name : p.stringPropertyNames().stream().sorted().toList()) {
        for (String value : p.getProperty(name).split(",")) {
          b.set(name, value.trim());
        }
      }
    }
    if (product != null) {
      b.product(product);
    }
    return b;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static String numbered(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }

  /**
   * The converter's own positions must be where the YAML reader finds every key and value, or the comparison above
   * would test the converter instead of the checks: a second, independent look at {@link YamlReader}'s positions over
   * every fixture.
   */
  @TestFactory
  Stream<DynamicTest> converterPositionsAreWhereTheReaderFindsThem() throws IOException {
    List<Path> descriptors = new ArrayList<>();
    try (Stream<Path> s = Files.walk(TestPaths.ruleFixtures())) {
      s.filter(p -> p.getFileName().toString().matches("atlassian-connect.*\\.json"))
          .filter(p -> !name(p.getParent()).startsWith("json/"))
          .filter(p -> !name(p.getParent()).startsWith("template/not-rendered/")) // not JSON: nothing to convert
          .sorted()
          .forEach(descriptors::add);
    }
    YamlReader reader = new YamlReader(ManifestRules.YAML_SYNTAX, ManifestRules.DUPLICATE_KEY);
    return descriptors.stream()
        .map(
            d ->
                DynamicTest.dynamicTest(
                    name(d),
                    () -> {
                      JsonNode tree = JSON.readTree(Files.readAllBytes(d));
                      DescriptorToManifest.Converted c = DescriptorToManifest.convert(tree, "jira");
                      JsonReader.Result r = reader.read(c.yaml().getBytes(StandardCharsets.UTF_8), "manifest.yml");
                      assertTrue(r.parsed() && r.findings().isEmpty(), () -> r.findings() + "\n" + c.yaml());
                      SourceMap map = r.sourceMap();
                      List<String> wrong = new ArrayList<>();
                      c.positions()
                          .forEach(
                              (pointer, at) -> {
                                int[] value = map.value(pointer);
                                int[] key = map.key(pointer);
                                boolean keyOk = at[0] == 0 || (key[0] == at[0] && key[1] == at[1]);
                                if (!map.contains(pointer) || value[0] != at[2] || value[1] != at[3] || !keyOk) {
                                  wrong.add(
                                      pointer
                                          + ": written at "
                                          + Arrays.toString(at)
                                          + ", read at key "
                                          + Arrays.toString(key)
                                          + " value "
                                          + Arrays.toString(value));
                                }
                              });
                      if (!wrong.isEmpty()) {
                        fail(String.join("\n", wrong) + "\n" + numbered(c.yaml()));
                      }
                    }));
  }
}
