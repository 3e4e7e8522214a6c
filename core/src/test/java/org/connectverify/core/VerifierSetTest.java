package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a run treats its inputs as a set: web roots, templating values, duplicates. */
class VerifierSetTest {
  @TempDir Path dir;

  private Path base(String relative) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, Files.readString(TestPaths.ruleFixtures().resolve("base-jira.json")));
  }

  private Verifier verifier(VerifyOptions.Builder b) {
    return Verifier.create(b.baseDir(dir).build());
  }

  @Test
  void missingResourcesFolderIsAUsageError() throws IOException {
    Path d = base("atlassian-connect.json");
    InputException e =
        assertThrows(
            InputException.class,
            () -> verifier(VerifyOptions.builder().set("resources", "web")).verify(List.of(d)));
    assertEquals("--resources web: no such folder", e.getMessage());
  }

  @Test
  void malformedVarsFileIsAUsageErrorBeforeAnythingIsVerified() throws IOException {
    Path d = base("atlassian-connect.json");
    Files.writeString(dir.resolve("vars.json"), "{\"a\": }");
    InputException e =
        assertThrows(
            InputException.class,
            () -> verifier(VerifyOptions.builder().set("vars", "vars.json")).verify(List.of(d)));
    assertTrue(e.getMessage().startsWith("vars.json:1:"), e.getMessage());
  }

  @Test
  void aFileNamedTwiceIsVerifiedOnce() throws Exception {
    Path d = base("app/atlassian-connect.json");
    Report r = verifier(VerifyOptions.builder()).verify(List.of(d, dir.resolve("app"), d));
    assertEquals(1, r.descriptors().size());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void filledPlaceholdersAreNotedWithTheirSource() throws Exception {
    Path d = base("atlassian-connect.json");
    Files.writeString(
        d, Files.readString(d).replace("\"https://issue-helper.example.com\"", "\"{{localBaseUrl}}\""));
    Report r =
        verifier(VerifyOptions.builder().set("var", "localBaseUrl=https://issue-helper.example.com"))
            .verify(List.of(d));
    assertEquals(List.of(), r.findings());
    assertEquals(
        List.of("atlassian-connect.json: filled {{localBaseUrl}} from --var"),
        r.notes().stream().filter(n -> n.contains("filled")).toList());
  }

  @Test
  void crossAppRulesCanBeSkippedLikeAnyOther() throws Exception {
    Path a = base("a/atlassian-connect.json");
    Path b = base("b/atlassian-connect.json");
    Files.writeString(b, Files.readString(b).replace("issue-helper.example.com", "other.example.com"));
    assertEquals(
        List.of("crossapp/duplicate-key"),
        verifier(VerifyOptions.builder()).verify(List.of(a, b)).findings().stream().map(Finding::ruleId).toList());
    assertEquals(
        List.of(),
        verifier(VerifyOptions.builder().skipRule("crossapp/*")).verify(List.of(a, b)).findings());
  }
}
