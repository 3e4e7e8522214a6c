package org.connectverify.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest checks beyond their golden fixtures: what they leave alone (descriptors, placeholders, defects another
 * rule reports), how they read YAML the way Forge does, and what they do without a folder to find files in.
 */
class ManifestChecksTest {
  private static final String CONNECT_APP =
      """
      app:
        id: ari:cloud:ecosystem::app/0b7c2f4e-5d1a-4c3e-9f8a-2e6d7c1b9a40
        connect:
          key: com.example.issue-helper
          remote: connect
      remotes:
        - key: connect
          baseUrl: https://issue-helper.example.com
      permissions:
        scopes:
          - read:connect-jira
      connectModules:
        jira:lifecycle:
          - key: lifecycle-events
            installed: /installed
        jira:generalPages:
          - key: issue-helper-home
            location: system.top.navigation.bar
            name:
              value: Issue Helper
            url: /home
      """;

  private static List<String> manifestFindings(String yaml) {
    return manifestFindings(Verifier.create(VerifyOptions.builder().build()).verify("manifest.yml", bytes(yaml)));
  }

  private static List<String> manifestFindings(Report report) {
    return report.findings().stream()
        .filter(f -> f.ruleId().startsWith("manifest/"))
        .map(Finding::toString)
        .toList();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void validConnectOnForgeAppHasNoManifestFinding() {
    assertEquals(List.of(), manifestFindings(CONNECT_APP));
  }

  @Test
  void descriptorNeverGetsManifestFindings() {
    String descriptor =
        "{\"key\": \"a b\", \"baseUrl\": \"http://x\", \"authentication\": {\"type\": \"none\"}, \"modules\": {}}";
    Report report = Verifier.create(VerifyOptions.builder().build()).verify("atlassian-connect.json", bytes(descriptor));
    assertEquals(List.of(), manifestFindings(report));
  }

  @Test
  void plainForgeAppGetsOnlyManifestRules() {
    String yaml =
        """
        app:
          id: ari:cloud:ecosystem::app/invalid-run-forge-register
        modules: {}
        """;
    Report report = Verifier.create(VerifyOptions.builder().build()).verify("manifest.yml", bytes(yaml));
    assertEquals(
        List.of(
            "manifest.yml:2:7: warning: app.id is the placeholder 'ari:cloud:ecosystem::app/invalid-run-forge-register':"
                + " forge deploy fails until the app is registered [manifest/app-id-placeholder]",
            "manifest.yml:3:1: error: modules is empty: document must have at least 1 module [manifest/no-modules]"),
        report.findings().stream().map(Finding::toString).toList());
  }

  @Test
  void yesIsAStringAsInTheYaml12ForgeReads() {
    String module =
        """
        modules:
          connectToForgeMigration:
            - key: m
              migrationGuideUrl: https://example.com/forge
              willMigrateToForgeBeforeEOS: %s
        """;
    assertEquals(List.of(), manifestFindings(CONNECT_APP + module.formatted("YES")));
    assertEquals(List.of(), manifestFindings(CONNECT_APP + module.formatted("NO")));
    List<String> bool = manifestFindings(CONNECT_APP + module.formatted("true"));
    assertEquals(1, bool.size(), bool.toString());
    assertTrue(bool.get(0).contains("willMigrateToForgeBeforeEOS is 'true'"), bool.get(0));
  }

  @Test
  void placeholdersAreLeftToTemplating() {
    String yaml =
        CONNECT_APP
            .replace("ari:cloud:ecosystem::app/0b7c2f4e-5d1a-4c3e-9f8a-2e6d7c1b9a40", "${APP_ID}")
            .replace("remote: connect", "remote: ${REMOTE_KEY}")
            .replace("- key: connect", "- key: ${REMOTE_KEY}");
    assertEquals(List.of(), manifestFindings(yaml));
  }

  @Test
  void duplicateConnectModuleKeysAreLeftToTheDescriptorRule() {
    String yaml = CONNECT_APP + "  jira:webPanels:\n    - key: issue-helper-home\n      location: x\n      url: /p\n"
        + "      name:\n        value: P\n";
    Report report = Verifier.create(VerifyOptions.builder().build()).verify("manifest.yml", bytes(yaml));
    assertEquals(List.of(), manifestFindings(report));
    assertTrue(report.findings().stream().anyMatch(f -> f.ruleId().equals("modules/duplicate-key")));
  }

  @Test
  void keysOfEntriesNoDescriptorReadsAreCheckedHere() {
    String yaml = CONNECT_APP + "  confluence:webhooks:\n    - event: page_created\n      url: /hooks/page\n";
    List<String> found = manifestFindings(yaml);
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.get(0).endsWith("[manifest/mixed-products]"), found.get(0));
    assertTrue(
        found.get(1).contains("item 0 of 'confluence:webhooks' has no key: every connectModules item needs one"),
        found.get(1));
  }

  @Test
  void connectRemoteMustExistAndNotBeConfigurable() {
    assertEquals(
        List.of(
            "manifest.yml:3:3: error: missing app.connect.remote: app.connect.remote is required if connectModules are"
                + " present [manifest/connect-remote]"),
        manifestFindings(CONNECT_APP.replace("    remote: connect\n", "")));
    assertEquals(
        List.of(
            "manifest.yml:9:19: error: Connect remotes cannot be configurable: remote 'connect' serves the Connect"
                + " modules (app.connect.remote) but is declared configurable [manifest/connect-remote]"),
        manifestFindings(
            CONNECT_APP.replace(
                "    baseUrl: https://issue-helper.example.com\n",
                "    baseUrl: https://issue-helper.example.com\n    configurable: true\n")));
  }

  @Test
  void authenticationWithoutConnectModulesIsRefused() {
    String yaml =
        """
        app:
          id: ari:cloud:ecosystem::app/0b7c2f4e-5d1a-4c3e-9f8a-2e6d7c1b9a40
          connect:
            key: com.example.issue-helper
            authentication: jwt
        modules:
          jira:issuePanel:
            - key: panel
              resource: main
              title: Panel
        """;
    assertEquals(
        List.of(
            "manifest.yml:5:5: error: Missing connectModules. When app.connect.authentication is present,"
                + " connectModules is required. [manifest/connect-authentication]"),
        manifestFindings(yaml));
  }

  @Test
  void regionMapNeedsDefaultAndHttps() {
    String yaml =
        CONNECT_APP.replace(
            "permissions:",
            "  - key: reports\n    baseUrl:\n      EU: http://eu.example.com\npermissions:");
    assertEquals(
        List.of(
            "manifest.yml:10:5: error: the region map of remote 'reports' has no 'default' URL: it is required"
                + " [manifest/remote-base-url]",
            "manifest.yml:11:11: error: the EU baseUrl of remote 'reports' is 'http://eu.example.com': Forge remotes"
                + " must use an https URL [manifest/remote-base-url]"),
        manifestFindings(yaml));
  }

  @Test
  void translationFilesAreSkippedWithANoteWithoutAFolder() {
    String yaml =
        CONNECT_APP
            + """
            modules:
              jira:issuePanel:
                - key: panel
                  resource: main
                  title:
                    i18n: panel.title
            translations:
              resources:
                - key: en-US
                  path: locales/en-US.json
              fallback:
                default: en-US
            """;
    Report report = Verifier.create(VerifyOptions.builder().build()).verify("manifest.yml", bytes(yaml));
    assertEquals(List.of(), manifestFindings(report));
    assertTrue(
        report.notes().stream().anyMatch(n -> n.contains("Forge translation files not checked")),
        report.notes().toString());
  }

  @Test
  void translationFilesAreReadNextToTheManifest(@TempDir Path dir) throws Exception {
    String yaml =
        CONNECT_APP
            + """
            modules:
              jira:issuePanel:
                - key: panel
                  resource: main
                  title:
                    i18n: panel.title
                - key: panel-2
                  resource: main
                  title:
                    i18n: panel.subtitle
            translations:
              resources:
                - key: en-US
                  path: locales/en-US.json
                - key: fr-FR
                  path: locales/fr-FR.json
              fallback:
                default: en-US
            """;
    Files.createDirectories(dir.resolve("app/locales"));
    Files.writeString(dir.resolve("app/manifest.yml"), yaml);
    Files.writeString(dir.resolve("app/locales/en-US.json"), "{\"panel\": {\"title\": \"T\"}}");
    Files.writeString(dir.resolve("app/locales/fr-FR.json"), "{\"panel.title\": ");
    Report report =
        Verifier.create(VerifyOptions.builder().baseDir(dir).build()).verify(List.of(dir.resolve("app/manifest.yml")));
    List<String> found = manifestFindings(report);
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.get(0).contains("i18n key 'panel.subtitle' could not be found in default locale file"), found.get(0));
    assertTrue(found.get(1).contains("translation file 'locales/fr-FR.json' for fr-FR cannot be used: it is not valid"
        + " JSON"), found.get(1));
  }

  @Test
  void i18nKeysResolveFlatNestedAndMixed() throws Exception {
    var file = new ObjectMapper().readTree("{\"a\": {\"b.c\": \"x\", \"d\": {\"e\": \"y\"}}, \"f.g\": \"z\", \"h\": {}}");
    assertTrue(ForgeTranslationsCheck.has(file, "a.b.c"));
    assertTrue(ForgeTranslationsCheck.has(file, "a.d.e"));
    assertTrue(ForgeTranslationsCheck.has(file, "f.g"));
    assertEquals(false, ForgeTranslationsCheck.has(file, "a.d"));
    assertEquals(false, ForgeTranslationsCheck.has(file, "h"));
    assertEquals(false, ForgeTranslationsCheck.has(file, "a.x"));
  }
}
