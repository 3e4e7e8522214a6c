package org.connectverify.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.connectverify.core.template.TemplateEngine;
import org.junit.jupiter.api.Test;

/**
 * Tests that run on every descriptor skip a regular expression where a plain scan tells the answer: each quick
 * answer must be the expression's, over strings made of the characters that matter.
 */
class QuickTestsTest {
  private static final Pattern BAD_KEY_CHAR = Pattern.compile("[^a-zA-Z0-9._-]");
  private static final Pattern LITERAL_KEY = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern ANY_PLACEHOLDER =
      Pattern.compile("\\{\\{[^{}]*}}|\\$\\{[^{}]*}|@[A-Za-z][A-Za-z0-9_.-]*@");
  private static final Pattern GLUED_SCHEME = Pattern.compile("(?i)^[a-z0-9_.-]+[._-](https?)://.*");

  /** Random strings over {@code alphabet}, some starting with {@code prefixes}, each given to {@code check}. */
  private static int random(long seed, String alphabet, String[] prefixes, Predicate<String> check) {
    Random random = new Random(seed);
    int held = 0;
    for (int n = 0; n < 40_000; n++) {
      StringBuilder b = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (check.test(b.toString())) {
        held++;
      }
    }
    return held;
  }

  @Test
  void appKeyCharactersAsTheExpressionsTellThem() {
    int good =
        random(
            31, "az.Z9_-@ /\u00e9\ud83d\ude00", new String[] {"", "com.example", "\ud83d"},
            key -> {
              boolean quick = AppKeyCheck.allKeyChars(key);
              assertEquals(!BAD_KEY_CHAR.matcher(key).find(), quick, key);
              assertEquals(LITERAL_KEY.matcher(key).matches(), !key.isEmpty() && quick, key);
              return quick;
            });
    assertTrue(good > 1_000, "keys made only of allowed characters: " + good);
  }

  @Test
  void placeholdersAsTheExpressionFindsThem() {
    int held =
        random(
            37, "{}$@aZ9_./?=", new String[] {"", "/page?x={issue.key}", "{{", "${", "@"},
            value -> {
              boolean found = TemplateEngine.holdsPlaceholder(value);
              assertEquals(ANY_PLACEHOLDER.matcher(value).find(), found, value);
              return found;
            });
    assertTrue(held > 1_000, "values with a placeholder: " + held);
    assertFalse(TemplateEngine.holdsPlaceholder("/page?issue={issue.key}&space={space.key}"));
  }

  @Test
  void gluedSchemesAsTheExpressionMatchesThem() {
    int glued =
        random(
            41, "htps:/._-aX9", new String[] {"", "https://", "addon.base-url.", "x_HTTPS://", "a.http"},
            value -> {
              boolean quick = BaseUrlCheck.gluedScheme(value);
              assertEquals(GLUED_SCHEME.matcher(value).matches(), quick, value);
              return quick;
            });
    assertTrue(glued > 100, "glued schemes: " + glued);
    assertTrue(BaseUrlCheck.gluedScheme("addon.base-url.https://app.example.com"));
    assertFalse(BaseUrlCheck.gluedScheme("https://app.example.com"));
  }
}
