package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden fixtures, one folder per case: {@code rules/<category>/<name>/<case>/} holds the descriptor(s)
 * ({@code atlassian-connect*.json}, or a Forge {@code manifest.yml} / {@code manifest.yaml}, at the top of the case
 * folder), the files they reference, an optional
 * {@code options.properties} (names as in {@link VerifyOptions.Builder#set}), and {@code expected.txt} with the exact
 * canonical lines of every finding, paths relative to the case folder; empty means the case must be clean. A case
 * whose descriptors all sit in subfolders (several apps, each with its own web root) is verified as a folder, the way
 * a user names a project: {@code connect-verify CASE_FOLDER}.
 */
class RuleFixturesTest {

  @TestFactory
  Stream<DynamicTest> everyFixtureProducesExactlyItsExpectedFindings() throws IOException {
    List<Path> cases = cases();
    assertFalse(cases.isEmpty(), "no fixtures found under " + TestPaths.ruleFixtures());
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(TestPaths.ruleFixtures().relativize(c).toString(), () -> runCase(c)));
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.walk(TestPaths.ruleFixtures())) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.txt"))).sorted().collect(Collectors.toList());
    }
  }

  /** Runs one case folder and returns its canonical lines. */
  public static List<String> actual(Path caseDir) throws Exception {
    VerifyOptions.Builder b = VerifyOptions.builder().baseDir(caseDir);
    if (!TestPaths.ruleFixtures().relativize(caseDir).toString().replace('\\', '/').startsWith("migration/")) {
      // every manifest gets the end-of-support infos (what Connect remains); they have their own fixtures under
      // migration/, and each other case shows only the rule it is about
      b.skipRule("migration/*");
    }
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
    List<Path> descriptors;
    try (Stream<Path> s = Files.list(caseDir)) {
      descriptors =
          s.filter(RuleFixturesTest::isInput)
              .sorted()
              .collect(Collectors.toList());
    }
    Report report = Verifier.create(b.build()).verify(descriptors.isEmpty() ? List.of(caseDir) : descriptors);
    List<String> lines = new ArrayList<>();
    report.findings().forEach(f -> lines.add(f.toString()));
    return lines;
  }

  /** A descriptor ({@code atlassian-connect*.json}) or a Forge manifest ({@code manifest.yml}, {@code manifest.yaml}). */
  private static boolean isInput(Path f) {
    String name = f.getFileName().toString();
    return (name.startsWith("atlassian-connect") && name.endsWith(".json"))
        || name.equals("manifest.yml")
        || name.equals("manifest.yaml");
  }

  private static void runCase(Path caseDir) throws Exception {
    if (Boolean.getBoolean("fixtures.write")) {
      // Golden update mode (-Dfixtures.write=true): record the actual output; review the diff before committing.
      List<String> actual = actual(caseDir);
      Files.writeString(
          caseDir.resolve("expected.txt"),
          actual.isEmpty() ? "" : String.join("\n", actual) + "\n",
          StandardCharsets.UTF_8);
      return;
    }
    List<String> expected =
        Files.readAllLines(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    assertEquals(String.join("\n", expected), String.join("\n", actual(caseDir)), caseDir.toString());
  }
}
