package org.connectverify.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.connectverify.core.report.ReportSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootTest {
  @TempDir Path tmp;

  @Test
  void findsTheNearestFolderWithGitAboveTheStart() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path sub = Files.createDirectories(repo.resolve("apps/jira"));
    assertEquals(repo.toAbsolutePath(), SourceRoot.find(sub));
    assertEquals("apps/jira/", SourceRoot.prefix(repo, sub));
    assertEquals("", SourceRoot.prefix(repo, repo));
    assertNull(SourceRoot.prefix(sub, repo));
  }

  @Test
  void aGitFileMarksAWorktreeRoot() throws Exception {
    Path wt = Files.createDirectories(tmp.resolve("wt"));
    Files.writeString(wt.resolve(".git"), "gitdir: /elsewhere\n");
    assertEquals(wt.toAbsolutePath(), SourceRoot.find(wt.resolve("x")));
  }

  @Test
  void sourcePathsAreNormalisedBehindThePrefix() {
    ReportSettings s = ReportSettings.builder().sourcePrefix("apps/jira").build();
    assertEquals("apps/jira/atlassian-connect.json", s.sourcePath("atlassian-connect.json"));
    assertEquals("apps/shared/i18n/en.json", s.sourcePath("../shared/i18n/en.json"));
    assertEquals("/abs/a.json", s.sourcePath("/abs/a.json"));
    assertEquals("a.json", ReportSettings.defaults().sourcePath("./a.json"));
  }

  @Test
  void aRootBelowTheBaseFolderStripsItsOwnPath() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    ReportSettings s = SourceRoot.applyTo(ReportSettings.builder(), repo, tmp).build();
    assertEquals("app/atlassian-connect.json", s.sourcePath("repo/app/atlassian-connect.json"));
    assertEquals("", s.sourcePrefix());
    ReportSettings fromSub = SourceRoot.applyTo(ReportSettings.builder(), repo, repo.resolve("app")).build();
    assertEquals("app/atlassian-connect.json", fromSub.sourcePath("atlassian-connect.json"));
    assertEquals("app/", fromSub.sourcePrefix());
  }
}
