package org.connectverify.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.connectverify.core.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitShowTest {
  @TempDir static Path repo;

  @BeforeAll
  static void repositoryWithTwoCommits() throws Exception {
    assumeTrue(run(repo, "git", "--version") == 0, "git is not installed");
    git("init", "-q");
    Files.createDirectories(repo.resolve("app"));
    Files.writeString(repo.resolve("app/atlassian-connect.json"), "{\"key\":\"one\"}\n");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
    Files.writeString(repo.resolve("app/atlassian-connect.json"), "{\"key\":\"two\"}\n");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "two");
  }

  @Test
  void readsTheFileAsItWasAtARevisionWithoutTouchingTheWorkingTree() throws Exception {
    byte[] old = new GitShow(repo).read("HEAD~1", "app/atlassian-connect.json");
    assertEquals("{\"key\":\"one\"}\n", new String(old, StandardCharsets.UTF_8));
    assertEquals("{\"key\":\"two\"}\n", Files.readString(repo.resolve("app/atlassian-connect.json")));
  }

  @Test
  void aGitSideIsShownAsPathAtRevision() throws Exception {
    DiffSide side = new DiffSides(repo, null).load("git:HEAD~1:app/atlassian-connect.json");
    assertEquals("app/atlassian-connect.json@HEAD~1", side.display());
    assertEquals("{\"key\":\"one\"}\n", new String(side.bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void readsPathsRelativeToTheFolderWhenTheyStartWithDotSlash() throws Exception {
    byte[] old = new GitShow(repo.resolve("app")).read("HEAD~1", "./atlassian-connect.json");
    assertEquals("{\"key\":\"one\"}\n", new String(old, StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownRevisionIsAOneLineInputError() {
    InputException e =
        assertThrows(InputException.class, () -> new GitShow(repo).read("no-such-rev", "app/atlassian-connect.json"));
    assertTrue(e.getMessage().startsWith("git:no-such-rev:app/atlassian-connect.json: git: fatal:"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aMissingPathIsAOneLineInputError() {
    InputException e = assertThrows(InputException.class, () -> new GitShow(repo).read("HEAD", "nope.json"));
    assertTrue(e.getMessage().contains("git: fatal:"), e.getMessage());
  }

  @Test
  void aMissingGitBinaryIsAnInputError() {
    GitShow noGit = new GitShow(repo, Duration.ofSeconds(5), "/nonexistent/git-binary");
    InputException e = assertThrows(InputException.class, () -> noGit.read("HEAD", "app/atlassian-connect.json"));
    assertEquals(
        "git:HEAD:app/atlassian-connect.json: cannot run git (is it installed and on the PATH?)", e.getMessage());
  }

  @Test
  void refusesRevisionsThatLookLikeOptions() {
    InputException e = assertThrows(InputException.class, () -> new GitShow(repo).read("--output=x", "a.json"));
    assertTrue(e.getMessage().contains("expected git:REV:path"), e.getMessage());
  }

  private static void git(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    assertEquals(0, run(repo, cmd.toArray(String[]::new)), String.join(" ", cmd));
  }

  private static int run(Path dir, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
