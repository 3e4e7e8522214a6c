package org.connectverify.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.connectverify.core.Product;
import org.junit.jupiter.api.Test;

class ConnectPartsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode yaml(String text) throws Exception {
    return YAML.readTree(text);
  }

  private static ConnectParts.Mapped map(String manifest) throws Exception {
    return ConnectParts.map(yaml(manifest), null);
  }

  private static final String HEAD =
      """
      app:
        id: ari:cloud:ecosystem::app/0b7d6f0e-1234-4d2c-9d4e-0a1b2c3d4e5f
        connect:
          key: com.example.app
          remote: connect
      remotes:
        - key: other
          baseUrl: https://other.example.com
        - key: connect
          baseUrl: https://app.example.com
      """;

  @Test
  void takesTheKeyFromAppConnectAndTheBaseUrlFromTheNamedRemote() throws Exception {
    ConnectParts.Mapped m =
        map(HEAD + "connectModules:\n  jira:generalPages:\n    - {key: main, url: /main, name: {value: Main}}\n");
    assertTrue(m.origin().connect());
    assertEquals("com.example.app", m.root().path("key").asText());
    assertEquals("/app/connect/key", m.origin().toSource("/key"));
    assertEquals("https://app.example.com", m.root().path("baseUrl").asText(), "the remote named, not the first");
    assertEquals("/remotes/1/baseUrl", m.origin().toSource("/baseUrl"));
    assertFalse(m.root().has("regionBaseUrls"));
  }

  @Test
  void aRegionMapGivesTheDefaultAsBaseUrlAndTheRestAsRegionBaseUrls() throws Exception {
    ConnectParts.Mapped m =
        map(
            """
            app:
              connect: {key: com.example.app, remote: connect}
            remotes:
              - key: connect
                baseUrl:
                  default: https://app.example.com
                  EU: https://eu.app.example.com
                  US: https://us.app.example.com
            connectModules:
              jira:generalPages: [{key: main, url: /main, name: {value: Main}}]
            """);
    assertEquals("https://app.example.com", m.root().path("baseUrl").asText());
    assertEquals("/remotes/0/baseUrl/default", m.origin().toSource("/baseUrl"));
    assertEquals("https://eu.app.example.com", m.root().at("/regionBaseUrls/EU").asText());
    assertEquals("https://us.app.example.com", m.root().at("/regionBaseUrls/US").asText());
    assertFalse(m.root().path("regionBaseUrls").has("default"));
    assertEquals("/remotes/0/baseUrl/EU", m.origin().toSource("/regionBaseUrls/EU"));
  }

  @Test
  void noRemoteOrAnUnknownRemoteGivesNoBaseUrl() throws Exception {
    ConnectParts.Mapped m =
        map(
            """
            app:
              connect: {key: com.example.app, remote: nowhere}
            remotes: [{key: connect, baseUrl: https://app.example.com}]
            connectModules:
              jira:generalPages: [{key: main, url: /main, name: {value: Main}}]
            """);
    assertFalse(m.root().has("baseUrl"));
    assertNull(ConnectParts.remote(yaml("app: {connect: {key: k}}\n")));
  }

  @Test
  void authenticationIsTheDeclaredOneOrJwtWhenAnInstalledCallbackGetsTheSecret() throws Exception {
    String webhooks = "  jira:webhooks: [{key: webhook-1, event: 'jira:issue_created', url: /c}]\n";
    ConnectParts.Mapped explicit =
        map(HEAD.replace("remote: connect", "remote: connect\n    authentication: jwt") + "connectModules:\n" + webhooks);
    assertEquals("jwt", explicit.root().at("/authentication/type").asText());
    assertEquals("/app/connect/authentication", explicit.origin().toSource("/authentication/type"));

    ConnectParts.Mapped installed =
        map(HEAD + "connectModules:\n  jira:lifecycle: [{key: lifecycle-events, installed: /installed}]\n" + webhooks);
    assertEquals("jwt", installed.root().at("/authentication/type").asText());
    assertEquals("/app/connect", installed.origin().toSource("/authentication/type"));
    assertTrue(installed.root().at("/apiMigrations/signed-install").asBoolean(), "Connect on Forge signs installs");
    assertTrue(installed.root().at("/apiMigrations/context-qsh").asBoolean());

    ConnectParts.Mapped staticApp = map(HEAD + "connectModules:\n" + webhooks);
    assertEquals(
        "none",
        staticApp.root().at("/authentication/type").asText(),
        "no declared JWT and no installed callback: the app never gets a secret, so it checks no JWT");
  }

  @Test
  void lifecycleTranslationsAndCloudAppMigrationBecomeTopLevelFieldsWithoutTheirKey() throws Exception {
    ConnectParts.Mapped m =
        map(
            HEAD
                + """
                connectModules:
                  jira:lifecycle:
                    - key: lifecycle-events
                      installed: /installed
                      uninstalled: /uninstalled
                  jira:translations:
                    - key: connect-translations
                      paths:
                        en-US: /i18n/en_US.json
                        fr-FR: /i18n/fr_FR.json
                  jira:cloudAppMigration:
                    - key: migration
                      migrationWebhookPath: /migration
                  jira:generalPages: [{key: main, url: /main, name: {value: Main}}]
                """);
    JsonNode d = m.root();
    assertEquals("/installed", d.at("/lifecycle/installed").asText());
    assertFalse(d.path("lifecycle").has("key"));
    assertEquals("/connectModules/jira:lifecycle/0/installed", m.origin().toSource("/lifecycle/installed"));
    assertEquals("/i18n/fr_FR.json", d.at("/translations/paths/fr-FR").asText());
    assertFalse(d.path("translations").has("key"));
    assertEquals(
        "/connectModules/jira:translations/0/paths/en-US", m.origin().toSource("/translations/paths/en-US"));
    assertEquals("/migration", d.at("/cloudAppMigration/migrationWebhookPath").asText());
    assertEquals(
        "/connectModules/jira:cloudAppMigration/0/migrationWebhookPath",
        m.origin().toSource("/cloudAppMigration/migrationWebhookPath"));
    assertFalse(d.path("modules").has("lifecycle"));
    assertFalse(d.path("modules").has("translations"));
    assertEquals(1, d.path("modules").size());
  }

  @Test
  void scopesInListFormBecomeConnectScopes() throws Exception {
    ConnectParts.Mapped m =
        map(
            HEAD
                + """
                permissions:
                  scopes:
                    - read:jira-work
                    - read:connect-jira
                    - act-as-user:connect-jira
                    - project-admin:connect-jira
                    - access-email-addresses:connect-jira
                    - write:connect-confluence
                connectModules:
                  jira:generalPages: [{key: main, url: /main, name: {value: Main}}]
                """);
    assertEquals(
        "[\"READ\",\"ACT_AS_USER\",\"PROJECT_ADMIN\",\"ACCESS_EMAIL_ADDRESSES\"]", m.root().path("scopes").toString());
    assertEquals("/permissions/scopes/1", m.origin().toSource("/scopes/0"), "Forge scopes are skipped, not counted");
    assertEquals("/permissions/scopes/4", m.origin().toSource("/scopes/3"));
  }

  @Test
  void scopesInMapFormBecomeConnectScopes() throws Exception {
    ConnectParts.Mapped m =
        map(
            HEAD
                + """
                permissions:
                  scopes:
                    read:connect-confluence: {}
                    space-admin:connect-confluence:
                      allowImpersonation: true
                    read:confluence-content.summary: {}
                connectModules:
                  confluence:generalPages: [{key: main, url: /main, name: {value: Main}}]
                """);
    assertEquals(Product.CONFLUENCE, m.product());
    assertEquals("[\"READ\",\"SPACE_ADMIN\"]", m.root().path("scopes").toString());
    assertEquals("/permissions/scopes/space-admin:connect-confluence", m.origin().toSource("/scopes/1"));
  }

  @Test
  void licensingMapsToEnableLicensingAndEditions() throws Exception {
    ConnectParts.Mapped m =
        map(
            HEAD.replace("  connect:", "  licensing:\n    enabled: true\n    editionsEnabled: false\n  connect:")
                + "connectModules:\n  jira:generalPages: [{key: main, url: /main, name: {value: Main}}]\n");
    assertTrue(m.root().path("enableLicensing").asBoolean());
    assertEquals("/app/licensing/enabled", m.origin().toSource("/enableLicensing"));
    assertFalse(m.root().path("editionsEnabled").asBoolean(true));
    assertEquals("/app/licensing/editionsEnabled", m.origin().toSource("/editionsEnabled"));
  }

  @Test
  void singleObjectModuleTypesAreHeldAsAListOfOne() throws Exception {
    ConnectParts.Mapped m =
        map(
            HEAD
                + """
                connectModules:
                  jira:configurePage:
                    - key: configure
                      url: /configure
                      name: {value: Configure}
                  jira:postInstallPage:
                    - key: welcome
                      url: /welcome
                      name: {value: Welcome}
                  jira:generalPages:
                    - {key: main, url: /main, name: {value: Main}}
                """);
    JsonNode modules = m.root().path("modules");
    assertTrue(modules.path("configurePage").isObject(), "a descriptor holds configurePage as one object");
    assertEquals("/configure", modules.at("/configurePage/url").asText());
    assertEquals("/connectModules/jira:configurePage/0/url", m.origin().toSource("/modules/configurePage/url"));
    assertTrue(modules.path("postInstallPage").isObject());
    assertTrue(modules.path("generalPages").isArray(), "list module types stay lists");
    assertEquals("/connectModules/jira:generalPages/0/url", m.origin().toSource("/modules/generalPages/0/url"));
  }

  @Test
  void anotherProductsPrefixIsIgnored() throws Exception {
    ConnectParts.Mapped m =
        map(
            HEAD
                + """
                connectModules:
                  jira:generalPages: [{key: main, url: /main, name: {value: Main}}]
                  jira:webItems: [{key: item, url: /item, location: system.top.navigation.bar, name: {value: I}}]
                  confluence:dynamicContentMacros: [{key: macro, url: /macro, name: {value: M}}]
                """);
    assertEquals(Product.JIRA, m.product());
    assertTrue(m.reason().contains("\"jira:\""), m.reason());
    assertEquals(2, m.root().path("modules").size());
    assertFalse(m.root().path("modules").has("dynamicContentMacros"));
  }

  @Test
  void productChosenByTheUserWins() throws Exception {
    ConnectParts.Mapped m =
        ConnectParts.map(
            yaml(HEAD + "connectModules:\n  jira:generalPages: [{key: main, url: /main, name: {value: Main}}]\n"),
            Product.CONFLUENCE);
    assertEquals(Product.CONFLUENCE, m.product());
    assertEquals("chosen with --product", m.reason());
  }

  @Test
  void aProductWithoutModulesInTheManifestStillChecksTheModulesItHas() throws Exception {
    ConnectParts.Mapped m =
        ConnectParts.map(
            yaml(
                HEAD
                    + "permissions:\n  scopes: [read:connect-confluence]\n"
                    + "connectModules:\n  confluence:generalPages: [{key: main, url: /main, name: {value: Main}}]\n"),
            Product.JIRA);
    assertEquals(Product.JIRA, m.product());
    assertTrue(m.root().path("modules").has("generalPages"), "not an empty descriptor that passes everything");
    assertEquals("[\"READ\"]", m.root().path("scopes").toString());
  }

  @Test
  void aLicensingValueOfTheWrongTypeIsKeptForTheSchemaToReport() throws Exception {
    ConnectParts.Mapped m =
        map(
            HEAD.replace("  connect:", "  licensing:\n    enabled: 'true'\n  connect:")
                + "connectModules:\n  jira:generalPages: [{key: main, url: /main, name: {value: Main}}]\n");
    assertEquals("true", m.root().path("enableLicensing").textValue());
    assertEquals("/app/licensing/enabled", m.origin().toSource("/enableLicensing"));
  }

  @Test
  void aPlainForgeAppIsNotConnect() throws Exception {
    ConnectParts.Mapped plain =
        map(
            """
            app:
              id: ari:cloud:ecosystem::app/0b7d6f0e-1234-4d2c-9d4e-0a1b2c3d4e5f
            modules:
              jira:issuePanel:
                - key: panel
                  resource: main
                  title: Panel
            """);
    assertFalse(plain.origin().connect());
    assertTrue(plain.origin().isManifest());
    assertNull(plain.product());
    assertEquals("a Forge app without Connect parts", plain.reason());
    assertTrue(plain.root().isEmpty());

    ConnectParts.Mapped keyOnly =
        map("app:\n  connect:\n    key: com.example.app\nmodules:\n  jira:issuePanel: [{key: p}]\n");
    assertFalse(keyOnly.origin().connect());
    assertEquals("a Forge app with app.connect but no Connect modules", keyOnly.reason());

    ConnectParts.Mapped emptyLists = map(HEAD + "connectModules:\n  jira:generalPages: []\n");
    assertFalse(emptyLists.origin().connect(), "only empty connectModules lists: nothing to check");
  }

  @Test
  void tellsManifestsFromDescriptors() throws Exception {
    assertTrue(ConnectParts.isManifest(yaml(HEAD)));
    assertTrue(ConnectParts.isManifest(yaml("modules:\n  jira:issuePanel: []\n")));
    assertFalse(ConnectParts.isManifest(yaml("key: k\nbaseUrl: https://x.example.com\nmodules: {}\n")));
  }
}
