package org.connectverify.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Connect → Forge migration read the ways a user names its sides: files, and {@code git:REV:path} revisions (the
 * manifest is recognised by its name although git sides are shown as {@code path@REV}).
 */
class MigrationSidesTest {
  @TempDir static Path repo;

  @BeforeAll
  static void repositoryWhereTheDescriptorBecomesAManifest() throws Exception {
    assumeTrue(run("git", "--version") == 0, "git is not installed");
    Path valid = DescriptorDiffTest.cases().resolve("migration-valid");
    run("git", "init", "-q");
    Files.copy(valid.resolve("old.json"), repo.resolve("atlassian-connect.json"));
    run("git", "add", ".");
    run("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "connect");
    Files.copy(DescriptorDiffTest.cases().resolve("module-forge-key-changed/new.yml"), repo.resolve("manifest.yml"));
    run("git", "add", ".");
    run("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "forge");
  }

  @Test
  void aDescriptorAtOneRevisionComparesWithTheManifestAtAnotherAndFindingsPointIntoTheManifest() throws Exception {
    DiffSides sides = new DiffSides(repo, null);
    Report r =
        DescriptorDiff.create(VerifyOptions.builder().baseDir(repo).build())
            .diff(sides.load("git:HEAD~1:atlassian-connect.json"), sides.load("git:HEAD:manifest.yml"));
    List<String> lines = r.findings().stream().map(Finding::toString).toList();
    assertTrue(
        lines.contains(
            "manifest.yml@HEAD:44:12: error: module \"issue-helper-glance\" (jiraIssueGlances) is replaced by the"
                + " native Forge module jira:issueGlance \"helper-glance\": only a Forge module with the Connect key"
                + " takes over, so customers lose what it adds, and links and stored data that name its key stop"
                + " working [diff/module-forge-key-changed]"),
        String.join("\n", lines));
    assertEquals("/modules/jira:issueGlance/0/key", r.findings().stream()
        .filter(f -> f.ruleId().equals("diff/module-forge-key-changed")).findFirst().orElseThrow().pointer());
    assertTrue(r.failed());
  }

  @Test
  void aManifestComparedWithItselfHasNoChanges() throws Exception {
    DiffSides sides = new DiffSides(repo, null);
    Report r =
        DescriptorDiff.create(VerifyOptions.builder().baseDir(repo).build())
            .diff(sides.load("git:HEAD:manifest.yml"), sides.load(repo.resolve("manifest.yml").toString()));
    assertEquals(List.of(), r.findings());
    assertFalse(r.failed());
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }
}
