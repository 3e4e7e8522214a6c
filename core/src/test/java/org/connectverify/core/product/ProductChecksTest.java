package org.connectverify.core.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Product;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.Test;

/** Behaviour of the condition, URL-template and scope checks, and of the schema check around them. */
class ProductChecksTest {
  private static final Verifier JIRA = Verifier.create(VerifyOptions.builder().product(Product.JIRA).build());
  private static final Verifier AUTO = Verifier.create(VerifyOptions.builder().build());

  /** A Jira descriptor with {@code modules} and {@code scopes} spliced in. */
  private static List<Finding> verify(Verifier verifier, String scopes, String modules) {
    String json =
        "{\"key\": \"com.example.t\", \"baseUrl\": \"https://t.example.com\", \"authentication\": {\"type\": \"jwt\"},"
            + " \"lifecycle\": {\"installed\": \"/installed\"},"
            + " \"apiMigrations\": {\"signed-install\": true, \"context-qsh\": true},"
            + " \"scopes\": " + scopes + ", \"modules\": " + modules + "}";
    return verifier.verify("atlassian-connect.json", json.getBytes(StandardCharsets.UTF_8)).findings();
  }

  private static String glance(String conditions) {
    return "{\"jiraIssueGlances\": [{\"key\": \"g\", \"name\": {\"value\": \"G\"}, \"icon\": {\"url\": \"/i.svg\"},"
        + " \"content\": {\"type\": \"label\", \"label\": {\"value\": \"L\"}},"
        + " \"target\": {\"type\": \"web_panel\", \"url\": \"/g\"}, \"conditions\": " + conditions + "}]}";
  }

  private static List<String> lines(List<Finding> findings) {
    return findings.stream().map(f -> f.ruleId() + " " + f.pointer()).toList();
  }

  @Test
  void acceptsCompositesInAnyCaseNestedDeeplyAndTheSchemaStyleAlias() {
    String deep =
        "[{\"AND\": [{\"condition\": \"user_is_logged_in\"}, {\"Or\": [{\"condition\": \"user_is_admin\", \"invert\": true},"
            + " {\"and\": [{\"or\": [{\"condition\": \"is_admin_mode\"}]}]}]},"
            + " {\"type\": \"or\", \"conditions\": [{\"condition\": \"is_sub_task\"}]}]}]";
    assertEquals(List.of(), lines(verify(JIRA, "[\"READ\"]", glance(deep))));
  }

  @Test
  void reportsAMalformedConditionAtAnyDepthWithItsPointer() {
    String inner = "[{\"and\": [{\"or\": [{\"and\": [{\"invert\": true}]}]}]}]";
    assertEquals(
        List.of("conditions/malformed /modules/jiraIssueGlances/0/conditions/0/and/0/or/0/and/0"),
        lines(verify(JIRA, "[\"READ\"]", glance(inner))));
  }

  @Test
  void reportsAConditionThatIsBothSingleAndComposite() {
    List<Finding> f = verify(JIRA, "[\"READ\"]", glance("[{\"condition\": \"user_is_admin\", \"or\": []}]"));
    assertEquals(List.of("conditions/malformed /modules/jiraIssueGlances/0/conditions/0"), lines(f));
    assertTrue(f.get(0).message().contains("mixes \"condition\" and \"or\""), f.get(0).message());
  }

  @Test
  void suggestsTheClosestKnownConditionAndListsTheProductsConditions() {
    List<Finding> f = verify(JIRA, "[\"READ\"]", glance("[{\"condition\": \"is_issue_edittable\"}]"));
    assertEquals(List.of("conditions/unknown-name /modules/jiraIssueGlances/0/conditions/0/condition"), lines(f));
    assertTrue(f.get(0).hint().startsWith("did you mean \"is_issue_editable\"?"), f.get(0).hint());
    assertTrue(f.get(0).hint().contains("voting_enabled"), "the hint lists Jira's conditions");
    assertTrue(!f.get(0).hint().contains("viewing_own_profile"), "but not Confluence's");
  }

  @Test
  void tellsRemoteConditionsFromUnknownNames() {
    assertEquals(
        List.of("conditions/remote /modules/jiraIssueGlances/0/conditions/0/condition"),
        lines(verify(JIRA, "[\"READ\"]", glance("[{\"condition\": \"https://app.example.com/condition\"}]"))));
  }

  @Test
  void reportsAnUnknownModuleTypeWithTheClosestKnownOneAsHint() {
    List<Finding> f = verify(JIRA, "[\"READ\"]", "{\"webItem\": []}");
    assertEquals(List.of("schema/unknown-module-type /modules/webItem"), lines(f));
    assertEquals("did you mean \"webItems\"?", f.get(0).hint());
  }

  @Test
  void saysThatLifecycleAndTranslationsAreTopLevelFieldsNotModules() {
    List<Finding> f = verify(JIRA, "[\"READ\"]", "{\"lifecycle\": [{\"installed\": \"/installed\"}]}");
    assertEquals(List.of("schema/unknown-module-type /modules/lifecycle"), lines(f));
    assertTrue(f.get(0).hint().contains("top-level field"), f.get(0).hint());
  }

  @Test
  void reportsModulesOfBothProductsAsMixedNotUnknownWhenTheProductIsUndecided() {
    // one Jira and one Confluence module type: the detector cannot decide; neither type is "unknown", but a
    // descriptor installs into one product, so each is reported by modules/other-product
    String modules =
        "{\"jiraEntityProperties\": [{\"key\": \"p\", \"name\": {\"value\": \"P\"}}],"
            + " \"spaceToolsTabs\": [{\"key\": \"s\", \"name\": {\"value\": \"S\"}, \"url\": \"/s\"}]}";
    assertEquals(
        List.of("modules/other-product /modules/jiraEntityProperties", "modules/other-product /modules/spaceToolsTabs"),
        lines(verify(AUTO, "[\"READ\"]", modules)));
  }

  @Test
  void anUnknownPropertyIsAnErrorWhereTheHostIsStrictAndAWarningElsewhere() {
    String modules =
        "{\"generalPages\": [{\"key\": \"p\", \"name\": {\"value\": \"P\"}, \"url\": \"/p\", \"wieght\": 1}],"
            + " \"webPanels\": [{\"key\": \"w\", \"name\": {\"value\": \"W\"}, \"url\": \"/w\", \"location\": \"l\","
            + " \"wieght\": 1}]}";
    List<Finding> f = verify(JIRA, "[\"READ\"]", modules);
    assertEquals(
        List.of("schema/unknown-property /modules/generalPages/0/wieght", "schema/ignored-property /modules/webPanels/0/wieght"),
        lines(f));
    assertEquals("did you mean \"weight\"?", f.get(0).hint());
  }

  @Test
  void reportsAMixedCaseScopeOnceAndNotAsAnEnumViolation() {
    assertEquals(List.of("scopes/mixed-case /scopes/0"), lines(verify(JIRA, "[\"Write\"]", "{}")));
  }

  @Test
  void reportsDuplicateAndImpliedScopes() {
    assertEquals(
        List.of("scopes/redundant /scopes/0", "scopes/redundant /scopes/2"),
        lines(verify(JIRA, "[\"read\", \"ADMIN\", \"READ\"]", "{}")));
  }

  @Test
  void webhooksNeedReadExceptForTheAppsOwnLifecycleEvents() {
    String lifecycleOnly = "{\"webhooks\": [{\"event\": \"connect_addon_enabled\", \"url\": \"/enabled\"}]}";
    assertEquals(List.of(), lines(verify(JIRA, "[]", lifecycleOnly)));
    String issue = "{\"webhooks\": [{\"event\": \"jira:issue_created\", \"url\": \"/created\"}]}";
    assertEquals(List.of("scopes/missing-for-module /modules/webhooks/0"), lines(verify(JIRA, "[\"ACT_AS_USER\"]", issue)));
    assertEquals(List.of(), lines(verify(JIRA, "[\"DELETE\"]", issue)));
  }

  @Test
  void doesNotAskForReadWhenTheScopesAreNotConnectScopesAtAll() {
    String issue = "{\"webhooks\": [{\"event\": \"repo:push\", \"url\": \"/push\"}]}";
    assertEquals(List.of("schema/enum /scopes/0"), lines(verify(JIRA, "[\"repository\"]", issue)));
  }

  @Test
  void tellsContextParametersFromWebhookAndTemplatePlaceholders() {
    String modules =
        "{\"webhooks\": [{\"event\": \"jira:issue_updated\", \"url\": \"/updated/${issue.key}\"}],"
            + " \"generalPages\": [{\"key\": \"p\", \"name\": {\"value\": \"P\"},"
            + " \"url\": \"{{localBaseUrl}}/p?project={project.key}&x={ac.x}&admin={condition.is_admin_mode}\"}],"
            + " \"jiraDashboardItems\": [{\"key\": \"d\", \"name\": {\"value\": \"D\"}, \"description\": {\"value\": \"D\"},"
            + " \"thumbnailUrl\": \"/t.png\", \"url\": \"/d?item={dashboardItem.id}\"}],"
            + " \"webPanels\": [{\"key\": \"w\", \"name\": {\"value\": \"W\"}, \"location\": \"l\","
            + " \"url\": \"/w?item={dashboardItem.id}\"}]}";
    List<Finding> f = verify(JIRA, "[\"READ\"]", modules);
    // {{localBaseUrl}} is a template placeholder (template/unresolved without --var), never a context parameter
    assertEquals(
        List.of(
            "template/unresolved /modules/generalPages/0/url",
            "urls/unknown-context-parameter /modules/webPanels/0/url"),
        lines(f));
  }

  @Test
  void reportsUnbalancedBracesOnceAsMalformedNotAsABadUrl() {
    String modules = "{\"generalPages\": [{\"key\": \"p\", \"name\": {\"value\": \"P\"}, \"url\": \"/p?a=issue.key}\"}]}";
    assertEquals(List.of("urls/malformed-template /modules/generalPages/0/url"), lines(verify(JIRA, "[\"READ\"]", modules)));
  }

  @Test
  void parsesTheThreeKindsOfPlaceholder() {
    UrlTemplate t = UrlTemplate.parse("{{base}}/a/${b.c}/{d}?e={f.g}");
    assertNull(t.problem());
    assertEquals(
        List.of(
            new UrlTemplate.Token("base", UrlTemplate.Kind.TEMPLATE_MARKER),
            new UrlTemplate.Token("b.c", UrlTemplate.Kind.DOLLAR),
            new UrlTemplate.Token("d", UrlTemplate.Kind.CONTEXT),
            new UrlTemplate.Token("f.g", UrlTemplate.Kind.CONTEXT)),
        t.tokens());
    assertEquals("the \"{\" at position 4 is never closed", UrlTemplate.parse("/a/{b/{c}").problem());
    assertEquals("\"{}\" at position 4 names no parameter", UrlTemplate.parse("/a/{}").problem());
    assertEquals("the \"{{\" at position 1 is never closed", UrlTemplate.parse("{{base}/a").problem());
  }
}
