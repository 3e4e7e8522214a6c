package org.connectverify.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointersTest {
  @Test
  void escapesTildeBeforeSlash() {
    assertEquals("a~1b", Pointers.escape("a/b"));
    assertEquals("~01", Pointers.escape("~1"));
    assertEquals("~0~1", Pointers.escape("~/"));
  }

  @Test
  void unescapeIsTheInverseOfEscape() {
    for (String token : List.of("plain", "a/b", "~1", "~0", "/~/", "")) {
      assertEquals(token, Pointers.unescape(Pointers.escape(token)));
    }
  }

  @Test
  void buildsChildPointersForKeysAndIndexes() {
    assertEquals("/modules", Pointers.child("", "modules"));
    assertEquals("/modules/webItems/0", Pointers.child(Pointers.child("/modules", "webItems"), 0));
    assertEquals("/links/a~1b", Pointers.child("/links", "a/b"));
    assertEquals("/", Pointers.child("", ""));
  }

  @Test
  void splitsPointersIntoUnescapedTokens() {
    assertEquals(List.of(), Pointers.tokens(""));
    assertEquals(List.of("a/b", "0", "~"), Pointers.tokens("/a~1b/0/~0"));
    assertEquals(List.of(""), Pointers.tokens("/"));
  }

  @Test
  void givesParentAndLastToken() {
    assertEquals("/modules/webItems", Pointers.parent("/modules/webItems/0"));
    assertEquals("", Pointers.parent("/modules"));
    assertEquals("", Pointers.parent(""));
    assertEquals("a/b", Pointers.lastToken("/links/a~1b"));
    assertEquals("", Pointers.lastToken(""));
  }

  @Test
  void rendersPointersReadably() {
    assertEquals("descriptor", Pointers.readable(""));
    assertEquals("modules.webItems[0].name", Pointers.readable("/modules/webItems/0/name"));
    assertEquals("links.a/b", Pointers.readable("/links/a~1b"));
  }
}
