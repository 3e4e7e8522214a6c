package org.connectverify.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** "Did you mean" suggestions: the length test before lower-casing rules out only what the full rule rules out. */
class ClosestTest {
  /** The rule as written first: every candidate lower-cased before its length is compared. */
  private static List<String> byLowerCaseFirst(String name, List<String> candidates) {
    List<String> best = new ArrayList<>();
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, name.length() / 3);
    for (String candidate : candidates) {
      String other = candidate.toLowerCase(Locale.ROOT);
      if (Math.abs(other.length() - lower.length()) > limit) {
        continue;
      }
      int d = Strings.distance(lower, other);
      if (d > limit) {
        continue;
      }
      if (d < bestDistance) {
        best.clear();
        bestDistance = d;
      }
      if (d == bestDistance) {
        best.add(candidate);
      }
    }
    return best;
  }

  @Test
  void onlyDottedCapitalIChangesLengthInLowerCase() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String s = new String(Character.toChars(cp));
      if (cp != 0x130) {
        assertEquals(s.length(), s.toLowerCase(Locale.ROOT).length(), String.format("U+%04X", cp));
      }
    }
    assertEquals(2, "\u0130".toLowerCase(Locale.ROOT).length());
  }

  @Test
  void suggestsAsTheFullRuleDoes() {
    Random random = new Random(17);
    String alphabet = "abcdeIKLMN\u0130\u0131\u00df\u03a3-_";
    List<String> fixed =
        List.of("webItems", "webPanels", "generalPages", "jiraIssueTabPanels", "\u0130\u0130\u0130\u0130\u0130\u0130a",
            "iiiiiiiiiiiiia", "", "x");
    for (int round = 0; round < 20_000; round++) {
      List<String> candidates = new ArrayList<>(fixed);
      for (int i = random.nextInt(8); i > 0; i--) {
        candidates.add(word(random, alphabet));
      }
      String name = random.nextInt(4) == 0 ? fixed.get(random.nextInt(fixed.size())) : word(random, alphabet);
      assertEquals(byLowerCaseFirst(name, candidates), Strings.closest(name, candidates), name + " in " + candidates);
    }
  }

  private static String word(Random random, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(16); i > 0; i--) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
