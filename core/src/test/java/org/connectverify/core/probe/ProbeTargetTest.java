package org.connectverify.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.connectverify.core.Descriptor;
import org.connectverify.core.Product;
import org.connectverify.core.json.JsonReader;
import org.junit.jupiter.api.Test;

class ProbeTargetTest {

  private static ProbeTarget target(String json) {
    JsonReader.Result r = new JsonReader().read(json.getBytes(StandardCharsets.UTF_8), "atlassian-connect.json");
    return ProbeTarget.of(new Descriptor("atlassian-connect.json", null, r.root(), r.sourceMap(), null, "test"));
  }

  @Test
  void findsPagesAndWebhooksWithContextFilledAndPositions() {
    ProbeTarget t =
        target(
            """
            {"key": "app", "baseUrl": "https://app.example.com", "authentication": {"type": "jwt"},
             "lifecycle": {"installed": "/installed", "uninstalled": "/uninstalled"},
             "apiMigrations": {"signed-install": true},
             "modules": {
               "generalPages": [{"key": "g", "url": "/page?issue={issue.key}&p={ project.id }", "name": {"value": "G"}}],
               "webItems": [{"key": "w", "url": "/page", "location": "x"}],
               "configurePage": {"key": "c", "url": "/configure"},
               "webPanels": [{"key": "external", "url": "https://elsewhere.example.com/panel"}],
               "webhooks": [{"event": "jira:issue_created", "url": "/hook?i=${issue.id}&x=${unknown.thing}"}]
             }}
            """);
    assertEquals("app", t.appKey());
    assertEquals("/installed", t.installedPath());
    assertEquals("/uninstalled", t.uninstalledPath());
    assertTrue(t.signedInstall());
    assertEquals(Product.JIRA, t.product());
    List<ProbeTarget.Endpoint> e = t.endpoints();
    assertEquals(3, e.size(), e.toString());
    assertEquals("/page?issue=PROBE-1&p=10000", e.get(0).pathAndQuery());
    assertEquals("GET", e.get(0).method());
    assertEquals("generalPages 'g'", e.get(0).label());
    assertEquals("/modules/generalPages/0/url", e.get(0).pointer());
    assertEquals("/configure", e.get(1).pathAndQuery());
    assertEquals(ProbeTarget.Kind.WEBHOOK, e.get(2).kind());
    assertEquals("POST", e.get(2).method());
    assertEquals("/hook?i=10001&x=1", e.get(2).pathAndQuery());
    assertEquals("webhooks 'jira:issue_created'", e.get(2).label());
    assertEquals(1, t.skipped().size());
    assertEquals(5, t.descriptor().position(e.get(0).pointer()).line());
  }

  @Test
  void tellsConfluenceFromItsModulesAndReadsMissingLifecycleAsNull() {
    ProbeTarget t =
        target(
            """
            {"key": "c", "authentication": {"type": "none"},
             "modules": {"dynamicContentMacros": [{"key": "m", "url": "/macro?id={macro.id}"}]}}
            """);
    assertEquals(Product.CONFLUENCE, t.product());
    assertNull(t.installedPath());
    assertEquals("none", t.authenticationType());
    assertEquals("/macro?id=probe-macro", t.endpoints().get(0).pathAndQuery());
  }
}
