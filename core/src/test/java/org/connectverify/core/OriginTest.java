package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginTest {
  private static Origin manifest() {
    Map<String, String> at = new LinkedHashMap<>();
    at.put("", "");
    at.put("/key", "/app/connect/key");
    at.put("/modules", "/connectModules");
    at.put("/modules/generalPages", "/connectModules/jira:generalPages");
    at.put("/modules/configurePage", "/connectModules/jira:configurePage/0");
    at.put("/translations", "/connectModules/jira:translations/0");
    return Origin.manifest(JsonNodeFactory.instance.objectNode(), at, true);
  }

  @Test
  void aDescriptorIsItsOwnSource() {
    Origin o = Origin.descriptor(JsonNodeFactory.instance.objectNode());
    assertFalse(o.isManifest());
    assertTrue(o.connect());
    assertEquals("/modules/generalPages/0/url", o.toSource("/modules/generalPages/0/url"));
    assertEquals("", o.toSource(""));
  }

  @Test
  void theLongestMappedPrefixWinsAndTheRestIsKept() {
    Origin o = manifest();
    assertEquals("/connectModules/jira:generalPages/0/url", o.toSource("/modules/generalPages/0/url"));
    assertEquals("/connectModules/jira:configurePage/0/url", o.toSource("/modules/configurePage/url"));
    assertEquals("/connectModules/jira:translations/0/paths/en-US", o.toSource("/translations/paths/en-US"));
    assertEquals("/app/connect/key", o.toSource("/key"));
    assertEquals("/connectModules", o.toSource("/modules"));
  }

  @Test
  void aPointerWithNoMappedPrefixFallsBackToTheRoot() {
    assertEquals("/name", manifest().toSource("/name"));
    assertEquals("", manifest().toSource(""));
  }

  @Test
  void escapedTokensStayEscaped() {
    assertEquals(
        "/connectModules/jira:generalPages/0/a~1b~0c", manifest().toSource("/modules/generalPages/0/a~1b~0c"));
  }
}
