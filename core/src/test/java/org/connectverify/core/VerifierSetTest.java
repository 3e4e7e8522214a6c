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
  void manyThreadsReportWhatOneThreadReports() throws Exception {
    // every rule fixture (descriptors and manifests, clean and failing, with their referenced files) in one run
    Path fixtures = TestPaths.ruleFixtures();
    Verifier v = Verifier.create(VerifyOptions.builder().baseDir(fixtures).build());
    Report one = v.withMaxThreads(1).verify(List.of(fixtures));
    assertTrue(one.descriptors().size() > 100, "fixtures found: " + one.descriptors().size());
    for (int threads : new int[] {2, 4, 8}) {
      Report many = v.withMaxThreads(threads).verify(List.of(fixtures));
      assertEquals(one.descriptors(), many.descriptors(), threads + " threads");
      assertEquals(one.findings(), many.findings(), threads + " threads");
      assertEquals(one.notes(), many.notes(), threads + " threads");
    }
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
    Files.writeString(b, Files.readString(b).replace("com.example.issue-helper\"", "com.example.other-helper\""));
    assertEquals(
        List.of("crossapp/duplicate-base-url"),
        verifier(VerifyOptions.builder()).verify(List.of(a, b)).findings().stream().map(Finding::ruleId).toList());
    assertEquals(
        List.of(),
        verifier(VerifyOptions.builder().skipRule("crossapp/*")).verify(List.of(a, b)).findings());
  }

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private static List<String> lines(Report r) {
    return r.findings().stream().map(Finding::toString).toList();
  }

  @Test
  void hostFoldersGiveEachDescriptorItsOwnWebRootsInOneRun() throws Exception {
    String translated = "\"scopes\": [\"READ\"],\n  \"translations\": {\"paths\": {\"en-US\": \"/i18n/en_US.json\"}},";
    Path jira = base("jira/atlassian-connect.json");
    Files.writeString(jira, Files.readString(jira).replace("\"scopes\": [\"READ\"],", translated));
    Path conf = base("conf/atlassian-connect.json");
    Files.writeString(
        conf,
        Files.readString(conf)
            .replace("\"scopes\": [\"READ\"],", translated)
            .replace("com.example.issue-helper", "com.example.page-helper")
            .replace("issue-helper.example.com", "page-helper.example.com"));
    write("jira/web/i18n/en_US.json", "{}");
    write("conf/public/i18n/en_US.json", "{}"); // discovery would find it; the host's roots replace discovery
    Path confWeb = Files.createDirectories(dir.resolve("conf/web"));
    VerifyOptions.Builder b =
        VerifyOptions.builder()
            .appFolders(jira, new VerifyOptions.AppFolders(List.of(dir.resolve("jira/web")), List.of()))
            .appFolders(conf, new VerifyOptions.AppFolders(List.of(confWeb), List.of()));
    List<String> found = lines(verifier(b).verify(List.of(jira, conf)));
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("conf/atlassian-connect.json:23:39: error: app \"com.example.page-helper\" is"
        + " broken by a path it shares with app \"com.example.issue-helper\""), found.get(0));
    assertTrue(found.get(0).contains("served for that app from jira/web/i18n/en_US.json but is in none of this app's"
        + " web roots (searched conf/web) [crossapp/shared-resource-missing]"), found.get(0));
    assertTrue(found.get(1).endsWith("(searched conf/web) [translations/missing-file]"), found.get(1));
  }

  @Test
  void hostSpringFoldersFillPlaceholdersStrongestFolderFirst() throws Exception {
    Path d = base("classes/atlassian-connect.json");
    Files.writeString(
        d,
        Files.readString(d)
            .replace("\"https://issue-helper.example.com\"", "\"${addon.base-url}\"")
            .replace("\"Issue Helper\",\n  \"description\"", "\"${addon.name}\",\n  \"description\""));
    write("classes/application.properties", "addon.name=Wrong: next to the descriptor, not a named folder\n");
    write("out/application.properties", "addon.base-url=https://issue-helper.example.com\n");
    write("src/config/application.properties", "addon.base-url=https://stale.example.com\naddon.name=From src\n");
    VerifyOptions.Builder b =
        VerifyOptions.builder()
            .appFolders(d, new VerifyOptions.AppFolders(List.of(), List.of(dir.resolve("out"), dir.resolve("src"))));
    Report r = verifier(b).verify(List.of(d));
    assertEquals(List.of(), r.findings());
    assertEquals(
        List.of("classes/atlassian-connect.json: filled ${addon.name} from src/config/application.properties;"
            + " ${addon.base-url} from out/application.properties"),
        r.notes().stream().filter(n -> n.contains("filled")).toList());
  }
}
