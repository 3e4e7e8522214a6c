package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateVarsTest {
  @Test
  void mapElementsAndVarEntriesMixAndALaterValueWins() {
    TemplateVars v = new TemplateVars();
    // what Maven does for <vars><addon.base-url>..</addon.base-url><var>a=b=c</var><var>addon.key=k</var>...</vars>
    v.put("addon.base-url", "https://first.example.com");
    v.put("var", "a=b=c");
    v.put("var", "addon.key=k");
    v.put("var", "addon.base-url=https://second.example.com");
    v.put("empty", null);
    assertEquals(
        Map.of("addon.base-url", "https://second.example.com", "a", "b=c", "addon.key", "k", "empty", ""), v);
  }

  @Test
  void aVariableNamedVarWithoutAnEqualsSignIsKept() {
    TemplateVars v = new TemplateVars();
    v.put("var", "plain");
    assertEquals(Map.of("var", "plain"), v);
  }
}
