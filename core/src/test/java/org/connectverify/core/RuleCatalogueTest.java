package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rule catalogue honest: unique well-formed ids (enforced by {@link Rule} and {@link Checks#catalogue()}),
 * a doc page per rule whose example output is the rule's failing fixture output, an index listing every rule, and a
 * failing and a clean fixture for every offline rule.
 */
class RuleCatalogueTest {
  /** Categories tested by their own golden tests rather than descriptor fixtures. */
  private static final Set<String> OWN_GOLDEN_TESTS = Set.of("internal", "diff", "probe", "config");

  @Test
  void everyRuleHasDocPageFixturesAndIndexEntry() throws Exception {
    List<String> problems = new ArrayList<>();
    Path root = TestPaths.root();
    String index = read(root.resolve("docs/rules/README.md"));
    for (Rule rule : Checks.catalogue().values()) {
      Path doc = root.resolve(rule.docPath());
      if (!Files.exists(doc)) {
        problems.add(rule.id() + ": no doc page " + rule.docPath());
      } else {
        String text = read(doc);
        if (!text.startsWith("# " + rule.id() + "\n")) {
          problems.add(rule.docPath() + ": must start with '# " + rule.id() + "'");
        }
        Path failExpected = TestPaths.ruleFixtures().resolve(rule.id()).resolve("fail/expected.txt");
        if (Files.exists(failExpected) && !text.contains(read(failExpected).strip())) {
          problems.add(rule.docPath() + ": example output differs from " + root.relativize(failExpected));
        }
      }
      if (!index.contains("(" + rule.id().substring(rule.id().indexOf('/') + 1) + ".md)")
          && !index.contains("(" + rule.id() + ".md)")) {
        problems.add(rule.id() + ": missing from docs/rules/README.md");
      }
      if (!rule.network() && !OWN_GOLDEN_TESTS.contains(rule.category())) {
        Path dir = TestPaths.ruleFixtures().resolve(rule.id());
        for (String kind : List.of("fail", "clean")) {
          if (!Files.exists(dir.resolve(kind).resolve("expected.txt"))) {
            problems.add(rule.id() + ": no " + kind + " fixture at " + root.relativize(dir.resolve(kind)));
          }
        }
        Path failExpected = dir.resolve("fail/expected.txt");
        if (Files.exists(failExpected) && !read(failExpected).contains("[" + rule.id() + "]")) {
          problems.add(rule.id() + ": fail fixture does not produce the rule");
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " catalogue problems:\n" + String.join("\n", problems));
    }
    assertTrue(Checks.catalogue().size() > 0);
  }

  private static String read(Path p) throws java.io.IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
