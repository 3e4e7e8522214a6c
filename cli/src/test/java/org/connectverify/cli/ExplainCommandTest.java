package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.Checks;
import org.connectverify.core.Rule;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

  @Test
  void printsTheDocPageOfEveryCatalogueRuleFromTheJar() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Rule rule : Checks.catalogue().values()) {
      Path page = CliRun.root().resolve(rule.docPath());
      CliRun r = CliRun.of("explain", rule.id());
      if (r.code() != 0) {
        problems.add(rule.id() + ": exit " + r.code() + ": " + r.err().strip());
      } else if (!Files.exists(page)) {
        problems.add(rule.id() + ": explain printed a page that is not in " + rule.docPath());
      } else {
        String expected = Files.readString(page, StandardCharsets.UTF_8);
        if (!r.out().equals(expected.endsWith("\n") ? expected : expected + "\n")) {
          problems.add(rule.id() + ": explain output differs from " + rule.docPath() + " (rebuild?)");
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " rules cannot be explained:\n" + String.join("\n", problems));
    }
  }

  @Test
  void acceptsTheNameWithoutItsCategory() {
    CliRun r = CliRun.of("explain", "unused-suppression");
    assertEquals(0, r.code(), r.toString());
    assertEquals("# config/unused-suppression", r.out().lines().findFirst().orElse(""));
  }

  @Test
  void ambiguousNameWithoutCategoryIsAUsageErrorNamingTheCandidates() {
    CliRun r = CliRun.of("explain", "duplicate-key");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("json/duplicate-key") && r.err().contains("crossapp/duplicate-key"), r.err());
  }

  @Test
  void unknownRuleIsAUsageErrorWithSuggestion() {
    CliRun r = CliRun.of("explain", "json/duplicat-key");
    assertEquals(2, r.code(), r.toString());
    assertEquals("connect-verify: unknown rule 'json/duplicat-key'; did you mean json/duplicate-key?\n", r.err());
    assertEquals("", r.out());
  }
}
