package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs over project folders as users keep them: build output, .gitignore, --exclude, ACE, Bitbucket, --strict. */
class RealProjectRunTest {
  private static final String APP =
      "{\"key\": \"com.acme.helper\", \"name\": \"Helper\", \"baseUrl\": \"%s\", \"authentication\": {\"type\": \"jwt\"},"
          + " \"lifecycle\": {\"installed\": \"/installed\"}, \"apiMigrations\": {\"signed-install\": true, \"context-qsh\": true, \"gdpr\": true}, \"scopes\": [\"READ\"], \"modules\": {\"generalPages\":"
          + " [{\"key\": \"home\", \"name\": {\"value\": \"Home\"}, \"url\": \"/home\"}]}}";

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Report run(Path dir, VerifyOptions.Builder b) throws Exception {
    return Verifier.create(b.baseDir(dir).build()).verify(List.of(dir));
  }

  private static List<String> files(Report r) {
    return r.descriptors().stream().map(Report.Checked::file).toList();
  }

  @Test
  void folderSearchSkipsBuildOutputGitignoredFoldersAndExcludedGlobs(@TempDir Path dir) throws Exception {
    String app = APP.formatted("https://helper.example.com");
    write(dir.resolve("atlassian-connect.json"), app);
    write(dir.resolve("lib/atlassian-connect.json"), app);
    write(dir.resolve(".next/atlassian-connect.json"), app);
    write(dir.resolve("coverage/atlassian-connect.json"), app);
    write(dir.resolve("generated/atlassian-connect.json"), app);
    write(dir.resolve("legacy/v1/atlassian-connect.json"), app);
    write(dir.resolve(".gitignore"), "# build\n/generated/\n*.log\n!keep.json\n");
    Report r = run(dir, VerifyOptions.builder().exclude("legacy/**"));
    assertEquals(List.of("atlassian-connect.json"), files(r));
  }

  @Test
  void aSearchThatFindsNothingNamesTheFoldersItSkipped(@TempDir Path dir) throws Exception {
    write(dir.resolve("dist/atlassian-connect.json"), APP.formatted("https://helper.example.com"));
    InputException e = assertThrows(InputException.class, () -> run(dir, VerifyOptions.builder()));
    assertTrue(e.getMessage().contains("skipped dist/"), e.getMessage());
  }

  @Test
  void aBitbucketAppGetsOneNoteAndNoFindings(@TempDir Path dir) throws Exception {
    write(
        dir.resolve("atlassian-connect.json"),
        "{\"key\": \"bb-stats\", \"name\": \"Stats\", \"baseUrl\": \"https://stats.example.com\","
            + " \"authentication\": {\"type\": \"jwt\"}, \"scopes\": [\"account\", \"repository\", \"pullrequest\"],"
            + " \"contexts\": [\"account\"], \"modules\": {\"repoPages\": [{\"key\": \"stats\", \"name\": {\"value\":"
            + " \"Stats\"}, \"url\": \"/stats?repo={repository.uuid}\", \"location\": \"org.bitbucket.repository.navigation\"}],"
            + " \"webhooks\": [{\"event\": \"repo:push\", \"url\": \"/push\"}]}}");
    Report r = run(dir, VerifyOptions.builder());
    assertEquals(List.of(), r.findings());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("a Bitbucket Cloud app (scope \"account\"): not checked")),
        r.notes().toString());
    assertFalse(r.failed());
  }

  @Test
  void aceProjectTakesLocalBaseUrlFromTheEnvironmentFirst(@TempDir Path dir) throws Exception {
    write(dir.resolve("package.json"), "{\"dependencies\": {\"atlassian-connect-express\": \"^11.0.0\"}}");
    write(dir.resolve("config.json"), "{\"production\": {\"localBaseUrl\": \"$PUBLIC_URL\"}}");
    write(dir.resolve("atlassian-connect.json"), APP.formatted("{{localBaseUrl}}"));
    Report withoutValue = run(dir, VerifyOptions.builder());
    assertEquals(
        List.of("template/unresolved"), withoutValue.findings().stream().map(Finding::ruleId).toList());
    assertEquals(Severity.WARNING, withoutValue.findings().get(0).severity());
    assertFalse(withoutValue.failed());

    Report fromConfig = run(dir, VerifyOptions.builder().environment(Map.of("PUBLIC_URL", "https://helper.example.com")));
    assertEquals(List.of(), fromConfig.findings());

    Report fromAcVariable =
        run(dir, VerifyOptions.builder().environment(Map.of("AC_LOCAL_BASE_URL", "http://helper.example.com")));
    assertEquals(List.of("base-url/https"), fromAcVariable.findings().stream().map(Finding::ruleId).toList());
  }

  @Test
  void strictMakesReleaseGateFindingsErrors(@TempDir Path dir) throws Exception {
    write(dir.resolve("atlassian-connect.json"), APP.formatted("{{localBaseUrl}}"));
    assertFalse(run(dir, VerifyOptions.builder()).failed());
    Report strict = run(dir, VerifyOptions.builder().strict(true));
    assertTrue(strict.failed());
    assertEquals(Severity.ERROR, strict.findings().get(0).severity());
    Report overridden = run(dir, VerifyOptions.builder().strict(true).severity("template/unresolved", Severity.INFO));
    assertFalse(overridden.failed());
  }
}
