package org.connectverify.core.diff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopesTest {
  @Test
  void higherScopesImplyLowerOnesAlongTheLadder() {
    assertTrue(Scopes.implies("WRITE", "READ"));
    assertTrue(Scopes.implies("DELETE", "WRITE"));
    assertTrue(Scopes.implies("PROJECT_ADMIN", "DELETE"));
    assertTrue(Scopes.implies("SPACE_ADMIN", "READ"));
    assertTrue(Scopes.implies("ADMIN", "PROJECT_ADMIN"));
    assertTrue(Scopes.implies("ADMIN", "SPACE_ADMIN"));
    assertFalse(Scopes.implies("READ", "WRITE"));
  }

  @Test
  void adminScopesOfTheTwoProductsDoNotImplyEachOther() {
    assertFalse(Scopes.implies("SPACE_ADMIN", "PROJECT_ADMIN"));
    assertFalse(Scopes.implies("PROJECT_ADMIN", "SPACE_ADMIN"));
  }

  @Test
  void standaloneScopesAreImpliedOnlyByThemselves() {
    assertFalse(Scopes.implies("ADMIN", "ACT_AS_USER"));
    assertFalse(Scopes.implies("ADMIN", "ACCESS_EMAIL_ADDRESSES"));
    assertTrue(Scopes.implies("ACT_AS_USER", "ACT_AS_USER"));
    assertTrue(Scopes.implies("READ", "NONE"));
  }

  @Test
  void namesCompareCaseInsensitively() {
    assertTrue(Scopes.implies(Scopes.normalize("write"), Scopes.normalize("Read")));
  }
}
