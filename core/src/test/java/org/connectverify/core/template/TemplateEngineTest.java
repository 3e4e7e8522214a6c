package org.connectverify.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s.replace('\'', '"'));
  }

  private static Variables vars(Map<String, String> user, Map<String, String> spring) {
    return new Variables(
        List.of(new Variables.Layer("--var", user, false), new Variables.Layer("application.yml", spring, true)));
  }

  @Test
  void fillsAceTokensEverywhereAndKeepsTheStructure() throws Exception {
    JsonNode in = json("{'baseUrl':'{{localBaseUrl}}','modules':{'webItems':[{'url':'{{localBaseUrl}}/a','n':1}]}}");
    TemplateEngine.Result r =
        new TemplateEngine().apply(in, vars(Map.of("localBaseUrl", "https://x.example"), Map.of()));
    assertEquals("https://x.example", r.root().get("baseUrl").asText());
    assertEquals("https://x.example/a", r.root().at("/modules/webItems/0/url").asText());
    assertEquals(1, r.root().at("/modules/webItems/0/n").asInt());
    assertTrue(r.unresolved().isEmpty());
    assertEquals("--var", r.filled().get("{{localBaseUrl}}").source());
  }

  @Test
  void springPlaceholdersUseDefaultsNestingAndPropertyValuesWithPlaceholders() throws Exception {
    JsonNode in = json("{'key':'${addon.key}','baseUrl':'${addon.base-url}${ctx:/app}','name':'${a:${b}}'}");
    Map<String, String> spring =
        Map.of("addon.key", "k", "addon.base-url", "http://localhost:${server.port:8080}", "b", "B");
    TemplateEngine.Result r = new TemplateEngine().apply(in, vars(Map.of(), spring));
    assertEquals("k", r.root().get("key").asText());
    assertEquals("http://localhost:8080/app", r.root().get("baseUrl").asText());
    assertEquals("B", r.root().get("name").asText());
    assertTrue(r.unresolved().isEmpty());
  }

  @Test
  void springOnlyLayersDoNotFillDoubleBraces() throws Exception {
    TemplateEngine.Result r =
        new TemplateEngine().apply(json("{'key':'{{appKey}}'}"), vars(Map.of(), Map.of("appKey", "k")));
    assertEquals("{{appKey}}", r.root().get("key").asText());
    assertEquals(1, r.unresolved().size());
    assertTrue(r.unresolved().get(0).reportable());
  }

  @Test
  void unresolvedUrlVariablesInModulesAreNotReportable() throws Exception {
    JsonNode in = json("{'key':'${addonKey}','modules':{'x':[{'url':'/v?id=${page.id}&k={issue.key}'}]}}");
    TemplateEngine.Result r = new TemplateEngine().apply(in, Variables.none());
    assertEquals(2, r.unresolved().size());
    assertTrue(r.unresolved().get(0).reportable());
    assertEquals("/key", r.unresolved().get(0).pointer());
    assertFalse(r.unresolved().get(1).reportable());
    assertEquals("/v?id=${page.id}&k={issue.key}", r.root().at("/modules/x/0/url").asText());
  }

  @Test
  void treeWithoutPlaceholdersIsReturnedAsItIs() throws Exception {
    JsonNode in = json("{'key':'k','modules':{'x':[{'url':'/a?{issue.key}'}]}}");
    assertSame(in, new TemplateEngine().apply(in, Variables.none()).root());
  }

  @Test
  void selfReferencingPropertyDoesNotLoop() throws Exception {
    TemplateEngine.Result r =
        new TemplateEngine().apply(json("{'key':'${a}'}"), vars(Map.of(), Map.of("a", "x${a}")));
    assertEquals("x${a}", r.root().get("key").asText());
  }

  @Test
  void labelsReadLikeFieldPaths() {
    assertEquals("modules.webPanels[3].url", Templating.label("/modules/webPanels/3/url"));
    assertEquals("translations.paths.en-US", Templating.label("/translations/paths/en-US"));
  }

  @Test
  void holdsPlaceholderSeesOnlyPlaceholdersTheEngineWouldFill() {
    assertTrue(TemplateEngine.holdsPlaceholder("{{localBaseUrl}}/x"));
    assertTrue(TemplateEngine.holdsPlaceholder("https://${addon.host}"));
    assertFalse(TemplateEngine.holdsPlaceholder("https://app.example.com/{issue.key}"));
    assertFalse(TemplateEngine.holdsPlaceholder("never {{closed"));
    assertFalse(TemplateEngine.holdsPlaceholder(null));
  }

  @Test
  void markersTellEverySyntaxFoundInOneWalk() throws Exception {
    ObjectMapper m = new ObjectMapper();
    assertEquals(0, TemplateEngine.markers(m.readTree("{\"a\": [\"/p?x={issue.key}\", 1, null], \"b\": \"x@y.z\"}")));
    assertEquals(
        TemplateEngine.MUSTACHE_MARK | TemplateEngine.SPRING_MARK,
        TemplateEngine.markers(m.readTree("{\"a\": [\"{{localBaseUrl}}/x\"], \"b\": {\"c\": \"${base}\"}}")));
    assertEquals(TemplateEngine.MAVEN_MARK, TemplateEngine.markers(m.readTree("[\"@project.version@\"]")));
    assertEquals(0, TemplateEngine.markers(m.readTree("{\"{{key}}\": 1}")), "keys are not filled");
  }
}
