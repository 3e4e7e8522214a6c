package org.connectverify.core.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.connectverify.core.Checks;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.TestPaths;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden fixtures of the online rules, one folder per case under {@code online-rules/<category>/<name>/<case>/}, laid
 * out like the offline ones ({@code atlassian-connect*.json}, optional {@code options.properties}, {@code expected.txt})
 * plus {@code responses.txt}: what the deployment answers, played by a {@link ScriptedProbe}, so no network is used.
 * Run with {@code -Donline.fixtures.record=true} to rewrite every {@code expected.txt} from the actual output (then
 * review the diff).
 */
class OnlineFixturesTest {

  static Path fixtures() {
    return TestPaths.root().resolve("core/src/test/resources/online-rules");
  }

  @TestFactory
  Stream<DynamicTest> everyOnlineFixtureProducesExactlyItsExpectedFindings() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.walk(fixtures())) {
      cases = s.filter(p -> Files.isRegularFile(p.resolve("expected.txt"))).sorted().collect(Collectors.toList());
    }
    assertFalse(cases.isEmpty(), "no fixtures under " + fixtures());
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(fixtures().relativize(c).toString(), () -> runCase(c)));
  }

  @Test
  void everyOnlineRuleHasFailingAndCleanFixturesAndItsDocShowsTheFailingOutput() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Rule rule : Checks.catalogue().values()) {
      if (!rule.network() || rule.category().equals("probe")) {
        continue;
      }
      Path dir = fixtures().resolve(rule.id());
      for (String kind : List.of("fail", "clean")) {
        if (!Files.exists(dir.resolve(kind).resolve("expected.txt"))) {
          problems.add(rule.id() + ": no " + kind + " fixture at " + TestPaths.root().relativize(dir.resolve(kind)));
        }
      }
      Path failExpected = dir.resolve("fail/expected.txt");
      if (Files.exists(failExpected)) {
        String expected = Files.readString(failExpected, StandardCharsets.UTF_8).strip();
        if (!expected.contains("[" + rule.id() + "]")) {
          problems.add(rule.id() + ": fail fixture does not produce the rule");
        }
        Path doc = TestPaths.root().resolve(rule.docPath());
        if (Files.exists(doc) && !Files.readString(doc, StandardCharsets.UTF_8).contains(expected)) {
          problems.add(rule.docPath() + ": example output differs from " + TestPaths.root().relativize(failExpected));
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " problems:\n" + String.join("\n", problems));
    }
  }

  /** Runs one case folder with its scripted deployment and returns its canonical lines. */
  static List<String> actual(Path caseDir) throws Exception {
    VerifyOptions.Builder b = VerifyOptions.builder().baseDir(caseDir).online(true);
    Path props = caseDir.resolve("options.properties");
    if (Files.exists(props)) {
      Properties p = new Properties();
      try (var r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      for (String name : p.stringPropertyNames().stream().sorted().toList()) {
        b.set(name, p.getProperty(name).trim());
      }
    }
    List<Path> descriptors;
    try (Stream<Path> s = Files.list(caseDir)) {
      descriptors =
          s.filter(f -> f.getFileName().toString().startsWith("atlassian-connect") && f.toString().endsWith(".json"))
              .sorted()
              .collect(Collectors.toList());
    }
    ScriptedProbe probe = new ScriptedProbe(caseDir.resolve("responses.txt"));
    Report report = Verifier.create(b.build()).withProbes((settings, progress) -> probe).verify(descriptors);
    assertEquals(List.of(), probe.unscripted(), "requests the script does not answer");
    List<String> lines = new ArrayList<>();
    // offline rules have their own fixtures; these cases compare only what the network checks report
    Map<String, Rule> catalogue = Checks.catalogue();
    report.findings().stream()
        .filter(f -> catalogue.containsKey(f.ruleId()) && catalogue.get(f.ruleId()).network())
        .forEach(f -> lines.add(f.toString()));
    return lines;
  }

  private static void runCase(Path caseDir) throws Exception {
    List<String> actual = actual(caseDir);
    Path expectedFile = caseDir.resolve("expected.txt");
    if (Boolean.getBoolean("online.fixtures.record")) {
      Files.writeString(expectedFile, actual.isEmpty() ? "" : String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
      return;
    }
    List<String> expected =
        Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    assertEquals(String.join("\n", expected), String.join("\n", actual), caseDir.toString());
  }
}
