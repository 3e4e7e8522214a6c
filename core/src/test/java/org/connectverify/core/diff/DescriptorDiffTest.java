package org.connectverify.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.connectverify.core.FailOn;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.TestPaths;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases, one folder per case: {@code diff/<case>/} holds {@code old.json}, {@code new.json} (either may be a
 * Forge manifest, {@code old.yml} / {@code new.yml}), an optional
 * {@code options.properties} (names as in {@link VerifyOptions.Builder#set}; template values such as {@code var} apply
 * to both sides, and Spring Boot {@code application*.properties} next to them are read as in verify) and
 * {@code expected.txt} with the exact
 * canonical lines of every finding (empty means the two descriptors must compare as equivalent). The case named
 * after a rule is that rule's example, quoted on its doc page.
 */
class DescriptorDiffTest {
  private static final String DRAWIO = "corpus/descriptors/jgraph__drawio__src__main__webapp__connect__confluence__";

  static Path cases() {
    return TestPaths.root().resolve("core/src/test/resources/diff");
  }

  @TestFactory
  Stream<DynamicTest> everyCaseProducesExactlyItsExpectedFindings() throws IOException {
    List<Path> cases = caseDirs();
    assertFalse(cases.isEmpty(), "no cases under " + cases());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
  }

  @Test
  void everyDiffRuleHasACaseThatProducesItAndADocPageQuotingIt() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Rule rule : DiffChecks.rules()) {
      String name = rule.id().substring("diff/".length());
      Path expected = cases().resolve(name).resolve("expected.txt");
      if (!Files.exists(expected)) {
        problems.add(rule.id() + ": no golden case " + TestPaths.root().relativize(expected.getParent()));
        continue;
      }
      String text = Files.readString(expected, StandardCharsets.UTF_8).strip();
      if (!text.contains("[" + rule.id() + "]")) {
        problems.add(rule.id() + ": its case does not produce the rule");
      }
      Path doc = TestPaths.root().resolve(rule.docPath());
      if (!Files.exists(doc) || !Files.readString(doc, StandardCharsets.UTF_8).contains("```text\n" + text + "\n```")) {
        problems.add(rule.docPath() + ": its ```text example must be exactly " + TestPaths.root().relativize(expected));
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyDiffFindingExplainsWhatToDoInstead() throws Exception {
    for (Path c : caseDirs()) {
      for (Finding f : report(c).findings()) {
        if (f.ruleId().startsWith("diff/")) {
          assertNotNull(f.hint(), c.getFileName() + ": " + f);
        }
      }
    }
  }

  @Test
  void breakingChangesFailAtTheDefaultThresholdAndApprovalsOnlyAtWarning() throws Exception {
    assertTrue(report(cases().resolve("breaking-base-url")).failed());
    assertFalse(report(cases().resolve("needs-approval-scopes")).failed());
    Report atWarning =
        DescriptorDiff.create(VerifyOptions.builder().failOn(FailOn.WARNING).build())
            .diff(side(cases().resolve("needs-approval-scopes"), "old.json"),
                side(cases().resolve("needs-approval-scopes"), "new.json"));
    assertTrue(atWarning.failed());
    Report automaticOnly =
        DescriptorDiff.create(VerifyOptions.builder().failOn(FailOn.WARNING).build())
            .diff(side(cases().resolve("scopes-removed"), "old.json"), side(cases().resolve("scopes-removed"), "new.json"));
    assertFalse(automaticOnly.failed());
  }

  @Test
  void notesTheMarketplaceUpdateClass() throws Exception {
    assertEquals(
        List.of(
            "Marketplace update: minor (each customer's admin must approve it; until then customers keep the old"
                + " version); nothing breaks existing installs"),
        report(cases().resolve("needs-approval-scopes")).notes());
    assertEquals(
        List.of("Marketplace update: none (the descriptors are equivalent)"),
        report(cases().resolve("unchanged")).notes());
    assertTrue(report(cases().resolve("major-api-version")).notes().get(0).startsWith("Marketplace update: major"));
  }

  @Test
  void aForgeReleaseThatAddsAScopeIsMajorAndSaysWhy() throws Exception {
    Report r = report(cases().resolve("needs-approval-forge-scopes"));
    assertEquals(
        List.of(
            "Marketplace update: major: every admin must approve (new Forge scopes); until then each site keeps the old"
                + " version; nothing breaks existing installs"),
        r.notes());
    assertFalse(r.failed());
    assertTrue(
        report(cases().resolve("manifest-adds-connect-scope")).notes().get(0)
            .startsWith("Marketplace update: major: every admin must approve (new Connect scopes)"));
  }

  @Test
  void aValidMigrationHasNoErrorAndRollsOutAutomatically() throws Exception {
    Report r = report(cases().resolve("migration-valid"));
    assertFalse(r.failed());
    assertTrue(r.findings().stream().noneMatch(f -> f.severity() == org.connectverify.core.Severity.ERROR), r.findings().toString());
    assertTrue(
        r.notes().contains(
            "Marketplace update: minor: rolls out automatically (to every site within about 120 hours, no approval; the"
                + " first Forge version asks for nothing beyond the Connect version); nothing breaks existing installs"),
        r.notes().toString());
  }

  @Test
  void anUnfilledConnectKeyIsANoteNotAKeyChange() throws Exception {
    Path c = cases().resolve("migration-templated-key");
    Report r = DescriptorDiff.create(VerifyOptions.builder().baseDir(c).build()).diff(side(c, "old.json"), side(c, "new.yml"));
    assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().equals("diff/breaking-key")), r.findings().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("${CONNECT_KEY}") && n.contains("compared as written")), r.notes().toString());
  }

  @Test
  void aManifestWithoutAppConnectReportsOnlyThatItIsAnotherApp() throws Exception {
    Report r = report(cases().resolve("breaking-connect-removed"));
    assertEquals(List.of("diff/breaking-connect-removed"), r.findings().stream().map(Finding::ruleId).toList());
  }

  @Test
  void skippedRulesAndSeverityOverridesApply() throws Exception {
    Path c = cases().resolve("automatic");
    Report skipped =
        DescriptorDiff.create(VerifyOptions.builder().skipRule("diff/automatic").build())
            .diff(side(c, "old.json"), side(c, "new.json"));
    assertEquals(List.of(), skipped.findings());
    Report raised =
        DescriptorDiff.create(VerifyOptions.builder().severity("diff/automatic", org.connectverify.core.Severity.ERROR).build())
            .diff(side(c, "old.json"), side(c, "new.json"));
    assertTrue(raised.failed());
  }

  @Test
  void templatedSidesAreFilledAsInVerifyAndAnUnfilledPlaceholderIsANote() throws Exception {
    Report filled = report(cases().resolve("templated-ace-side"));
    assertTrue(filled.notes().contains("new.json: filled {{localBaseUrl}} from --var"), filled.notes().toString());
    Report unfilled = report(cases().resolve("templated-ace-side-unresolved"));
    assertTrue(
        unfilled.notes().stream()
            .anyMatch(n -> n.startsWith("new.json:9:14: placeholder {{localBaseUrl}} in baseUrl has no value")
                && n.contains("; compared as written; pass --var localBaseUrl=")),
        unfilled.notes().toString());
    assertTrue(unfilled.findings().stream().noneMatch(f -> f.ruleId().startsWith("template/")), unfilled.findings().toString());
  }

  @Test
  void drawioConfluenceReleaseVersusDevDescriptor() throws Exception {
    Path shared = TestPaths.shared();
    assumeTrue(shared != null, "../shared is absent");
    Path old = shared.resolve(DRAWIO + "connect.json");
    Path dev = shared.resolve(DRAWIO + "connect-dev.json");
    assumeTrue(Files.exists(old) && Files.exists(dev), "draw.io descriptors are absent");
    Report r =
        DescriptorDiff.create(VerifyOptions.builder().build())
            .diff(new DiffSide("connect.json", Files.readAllBytes(old)), new DiffSide("connect-dev.json", Files.readAllBytes(dev)));
    List<String> lines = r.findings().stream().map(Finding::toString).toList();
    assertEquals(
        List.of(
            "connect-dev.json:5:16: error: baseUrl changes from \"https://confluence.draw.io\" to"
                + " \"https://test.draw.io\": existing installs keep calling \"https://confluence.draw.io\" until they"
                + " are reinstalled [diff/breaking-base-url]",
            locale(484, "en-US"),
            locale(485, "fr-FR"),
            locale(486, "de-DE"),
            locale(487, "ja-JP"),
            locale(488, "ko-KR"),
            locale(489, "es-ES"),
            locale(490, "ru-RU")),
        lines);
    assertTrue(r.failed());
  }

  private static String locale(int line, String locale) {
    return "connect.json:"
        + line
        + ":13: error: translations for \""
        + locale
        + "\" are removed: users with that language see the untranslated names and descriptions of the app's"
        + " modules [diff/locale-removed]";
  }

  @Test
  void everyCorpusDescriptorComparedWithItselfHasNoChanges() throws Exception {
    List<Path> corpus = corpus();
    for (Path p : corpus) {
      byte[] bytes = Files.readAllBytes(p);
      Report r = DescriptorDiff.create(VerifyOptions.builder().build()).diff(new DiffSide("a.json", bytes), new DiffSide("b.json", bytes));
      List<Finding> diffs = r.findings().stream().filter(f -> !f.ruleId().startsWith("json/")).toList();
      assertEquals(List.of(), diffs, p.getFileName().toString());
    }
  }

  @Test
  void comparingNeighbouringCorpusDescriptorsNeverCrashes() throws Exception {
    List<Path> corpus = corpus();
    DescriptorDiff diff = DescriptorDiff.create(VerifyOptions.builder().build());
    for (int i = 1; i < corpus.size(); i++) {
      Report r =
          diff.diff(
              new DiffSide("old.json", Files.readAllBytes(corpus.get(i - 1))),
              new DiffSide("new.json", Files.readAllBytes(corpus.get(i))));
      for (Finding f : r.findings()) {
        assertFalse(f.ruleId().startsWith("internal/"), corpus.get(i) + ": " + f);
      }
    }
  }

  private static List<Path> corpus() throws IOException {
    Path shared = TestPaths.shared();
    assumeTrue(shared != null && Files.isDirectory(shared.resolve("corpus/descriptors")), "corpus is absent");
    try (Stream<Path> s = Files.list(shared.resolve("corpus/descriptors"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  static List<Path> caseDirs() throws IOException {
    try (Stream<Path> s = Files.list(cases())) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.txt"))).sorted().collect(Collectors.toList());
    }
  }

  private static DiffSide side(Path caseDir, String name) throws IOException {
    Path file = caseDir.resolve(name);
    return new DiffSide(name, Files.readAllBytes(file), file);
  }

  static Report report(Path caseDir) throws Exception {
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
    return DescriptorDiff.create(b.build()).diff(side(caseDir, named(caseDir, "old")), side(caseDir, named(caseDir, "new")));
  }

  /** The side file of a case: {@code old.json}, or {@code old.yml} for a Forge manifest. */
  static String named(Path caseDir, String side) {
    for (String ext : List.of(".json", ".yml", ".yaml")) {
      if (Files.exists(caseDir.resolve(side + ext))) {
        return side + ext;
      }
    }
    throw new AssertionError(caseDir + ": no " + side + ".json or " + side + ".yml");
  }

  private static void runCase(Path caseDir) throws Exception {
    if (Boolean.getBoolean("fixtures.write")) {
      // Golden update mode (-Dfixtures.write=true): record the actual output; review the diff before committing.
      List<String> actual = report(caseDir).findings().stream().map(Finding::toString).toList();
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
    List<String> actual = report(caseDir).findings().stream().map(Finding::toString).toList();
    assertEquals(String.join("\n", expected), String.join("\n", actual), caseDir.toString());
  }
}
