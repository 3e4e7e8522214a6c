package org.connectverify.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Severity;
import org.junit.jupiter.api.Test;

class SuppressionTest {
  private static Finding at(String rule, String pointer) {
    return new Finding(rule, Severity.ERROR, new Position("app/atlassian-connect.json", 9, 9, pointer), "m", null,
        List.of());
  }

  private static Suppression s(String rule, String files, String pointer) {
    return new Suppression(rule, files, pointer, "reason", Position.ofFile("connect-verify.json"));
  }

  @Test
  void pointerPrefixMatchesWholeSegmentsOnly() {
    Suppression modules = s("schema/type", null, "/modules/web");
    assertFalse(modules.matches(at("schema/type", "/modules/webItems/0"), "app/atlassian-connect.json"));
    Suppression items = s("schema/type", null, "/modules/webItems");
    assertTrue(items.matches(at("schema/type", "/modules/webItems"), "x"));
    assertTrue(items.matches(at("schema/type", "/modules/webItems/3/url"), "x"));
  }

  @Test
  void starMatchesOneSegmentSuchAsAnArrayIndex() {
    Suppression any = s("schema/type", null, "/modules/webItems/*/url");
    assertTrue(any.matches(at("schema/type", "/modules/webItems/7/url"), "x"));
    assertFalse(any.matches(at("schema/type", "/modules/webItems/7/name"), "x"));
  }

  @Test
  void ruleMatchesAnIdOrACategory() {
    assertTrue(s("schema/*", null, null).matches(at("schema/enum", ""), "x"));
    assertFalse(s("schema/*", null, null).matches(at("json/syntax", ""), "x"));
    assertFalse(s("schema/enum", null, null).matches(at("schema/enumeration", ""), "x"));
  }

  @Test
  void globsFollowGitignoreHabits() {
    assertTrue(new Glob("**/atlassian-connect.json").matches("atlassian-connect.json"));
    assertTrue(new Glob("**/atlassian-connect.json").matches("a/b/atlassian-connect.json"));
    assertTrue(new Glob("atlassian-connect*.json").matches("apps/x/atlassian-connect-dev.json"));
    assertFalse(new Glob("apps/*.json").matches("apps/x/atlassian-connect.json"));
    assertTrue(new Glob("apps/**").matches("apps/x/atlassian-connect.json"));
    assertFalse(new Glob("a.json").matches("b.json"));
    assertTrue(new Glob("**").matchesEverything());
    assertTrue(new Glob("**/*").matchesEverything());
    assertFalse(new Glob("apps/**").matchesEverything());
  }
}
