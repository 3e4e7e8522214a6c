package org.connectverify.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.connectverify.core.Finding;
import org.junit.jupiter.api.Test;

class BaseUrlCheckTest {
  private static List<String> rules(String baseUrl) {
    return RuleRun.findings(RuleRun.withBaseUrl(baseUrl), "base-url/").stream().map(Finding::ruleId).toList();
  }

  @Test
  void acceptsAnHttpsUrlWithOrWithoutAPath() {
    for (String ok :
        List.of(
            "https://app.example.com",
            "https://app.example.com:8443/jira/app",
            "https://replacement-parts.example.net",
            "https://todo-app.herokuapp.com",
            "https://yourls.example.org",
            "https://changemaker.example.org")) {
      assertEquals(List.of(), rules(ok), ok);
    }
  }

  @Test
  void recognisesPlaceholderText() {
    for (String placeholder :
        List.of(
            "<url>",
            "<ngrox url here>",
            "https://<replace>.ngrok.io/",
            "<% BASE_URL %>",
            "REPLACE_THIS_WITH_PRODUCTION_URL",
            "this value is changed according to env variables",
            "https://will.be.replaced.web.app/",
            "https://your-app-url.com",
            "https://TODO",
            "BASE_URL",
            "https://YOUR-DOMAIN.example.com",
            "https://x.example.com/Insert_Here",
            "https://PlaceHolder.example.com",
            "https://ChangeMe.example.com",
            "https://x.example.com/FIXME",
            "")) {
      assertNotNull(BaseUrlCheck.placeholderReason(placeholder), placeholder);
      assertEquals(List.of("base-url/placeholder"), rules(placeholder), placeholder);
    }
  }

  @Test
  void doesNotTakeUrlsForPlaceholders() {
    for (String url :
        List.of("https://app.example.com", "http://localhost:8080", "https://todo.example.com", "addon.http://x")) {
      assertNull(BaseUrlCheck.placeholderReason(url), url);
    }
  }

  @Test
  void leavesTemplatedValuesToTheTemplatingStep() {
    for (String templated :
        List.of(
            "{{localBaseUrl}}",
            "${addon.base-url}",
            "http://localhost:${local.server.port}",
            "${APP_BASE_URL:https://${APP_HOST}}",
            "{{ .BaseURL }}")) {
      assertEquals(List.of(), rules(templated), templated);
    }
  }

  @Test
  void reportsWhatIsNotAnAbsoluteHttpUrl() {
    for (String invalid :
        List.of(
            "app.example.com",
            "addon.http://localhost:8082",
            "ftp://app.example.com",
            "https://",
            " https://app.example.com",
            "https://app.example.com/?x=1",
            "https://app example.com")) {
      assertEquals(List.of("base-url/invalid"), rules(invalid), invalid);
    }
  }

  @Test
  void allowsLocalAddressesOverHttpWithAWarning() {
    for (String local :
        List.of("http://localhost", "http://localhost:3000/app", "http://127.0.0.1:8080", "http://[::1]:8080",
            "https://localhost:8443")) {
      assertEquals(List.of("base-url/localhost"), rules(local), local);
    }
  }

  @Test
  void requiresHttpsForEveryOtherHost() {
    assertEquals(List.of("base-url/https"), rules("http://app.example.com"));
    assertEquals(List.of("base-url/https"), rules("http://54.161.185.238"));
  }

  @Test
  void reportsAnAtlassianSiteAndItsSchemeSeparately() {
    assertEquals(List.of("base-url/atlassian-host"), rules("https://team.atlassian.net"));
    assertEquals(List.of("base-url/atlassian-host"), rules("https://team.jira.com"));
    assertEquals(List.of("base-url/atlassian-host", "base-url/https"), rules("http://team.atlassian.net"));
    assertEquals(List.of(), rules("https://notatlassian.net"));
  }

  private static List<String> rulesWithInstalled(String baseUrl) {
    String d = RuleRun.withBaseUrl(baseUrl).replace("\"modules\": {}", "\"lifecycle\": {\"installed\": \"/installed\"},\n  \"modules\": {}");
    return RuleRun.findings(d, "base-url/").stream().map(Finding::ruleId).toList();
  }

  @Test
  void warnsAboutATrailingSlashEvenOnTheRootPath() {
    assertEquals(List.of("base-url/trailing-slash"), rulesWithInstalled("https://app.example.com/"));
    assertEquals(List.of("base-url/trailing-slash"), rulesWithInstalled("https://app.example.com/app/"));
    assertEquals(
        List.of("base-url/localhost", "base-url/trailing-slash"), rulesWithInstalled("http://localhost:3000/"));
  }

  @Test
  void leavesATrailingSlashAloneWhenNoUrlStartsWithASlash() {
    assertEquals(List.of(), rules("https://example.github.io/app/"));
  }

  @Test
  void reportsATunnelHostEvenWhenATemplateDefaultGaveIt() {
    assertEquals(List.of("base-url/tunnel-host"), rules("https://4f2a.ngrok-free.app"));
    assertEquals(List.of("base-url/tunnel-host"), rules("${APP_BASE_URL:https://x.ngrok.io}"));
    assertEquals(List.of("base-url/tunnel-host"), rules("https://quiet-owl-12.loca.lt"));
  }

  @Test
  void leavesAMissingOrNonStringBaseUrlToTheSchema() {
    String noBaseUrl = RuleRun.withBaseUrl("x").replace("  \"baseUrl\": \"x\",\n", "");
    assertEquals(List.of(), RuleRun.findings(noBaseUrl, "base-url/"));
    String number = RuleRun.withBaseUrl("x").replace("\"x\"", "42");
    assertEquals(List.of(), RuleRun.findings(number, "base-url/"));
  }
  private static List<String> selfRules(String baseUrl, String self) {
    String json =
        RuleRun.withBaseUrl(baseUrl)
            .replace("  \"baseUrl\": ", "  \"links\": {\"self\": \"" + self + "\"},\n  \"baseUrl\": ");
    return RuleRun.findings(json, "base-url/").stream().map(Finding::ruleId).toList();
  }

  @Test
  void reportsALinksSelfWithNoHostAsAReleaseGateFinding() {
    for (String noHost :
        List.of("/atlassian-connect.json", "https:///atlassian-connect.json", "app.example.com/atlassian-connect.json", "")) {
      assertEquals(List.of("base-url/self-no-host"), selfRules("https://app.example.com", noHost), noHost);
      // whatever the baseUrl: a baseUrl with no host is base-url/invalid, reported besides
      assertEquals(
          List.of("base-url/self-no-host", "base-url/invalid"), selfRules("/", noHost), noHost);
    }
    assertTrue(org.connectverify.core.ReleaseGate.holds("base-url/self-no-host"));
  }

  @Test
  void leavesAnAbsoluteTemplatedOrUnrenderedSelfLinkAlone() {
    for (String self :
        List.of(
            "https://app.example.com/atlassian-connect.json",
            "{{localBaseUrl}}/atlassian-connect.json",
            "${addon.base-url}/atlassian-connect.json",
            "<% BASE_URL %>/atlassian-connect.json")) {
      assertEquals(List.of(), selfRules("https://app.example.com", self), self);
    }
  }
}
