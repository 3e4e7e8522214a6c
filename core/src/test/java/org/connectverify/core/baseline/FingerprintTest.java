package org.connectverify.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Severity;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static Finding f(String file, int line, int col, String pointer, String message) {
    return new Finding("json/duplicate-key", Severity.ERROR, new Position(file, line, col, pointer), message, null,
        List.of());
  }

  @Test
  void ignoresLineColumnArrayIndexesAndNumbersInTheMessage() {
    String a = Fingerprint.of(f("a.json", 3, 5, "/modules/webItems/0/key", "first defined at line 3"));
    assertEquals(a, Fingerprint.of(f("a.json", 30, 9, "/modules/webItems/12/key", "first defined at line 27")));
  }

  @Test
  void keepsRuleFilePointerKeysAndWords() {
    String a = Fingerprint.of(f("a.json", 3, 5, "/name", "duplicate key \"name\""));
    assertNotEquals(a, Fingerprint.of(f("b.json", 3, 5, "/name", "duplicate key \"name\"")));
    assertNotEquals(a, Fingerprint.of(f("a.json", 3, 5, "/key", "duplicate key \"name\"")));
    assertNotEquals(a, Fingerprint.of(f("a.json", 3, 5, "/name", "duplicate key \"key\"")));
    assertEquals(32, a.length());
  }

  @Test
  void normalisesAsDocumented() {
    assertEquals("/modules/*/x/*", Fingerprint.pointer("/modules/3/x/10"));
    assertEquals("/a1/b", Fingerprint.pointer("/a1/b"));
    assertEquals("at line # col #", Fingerprint.message("at line 12  col 3"));
  }
}
