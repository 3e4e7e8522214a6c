package org.connectverify.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConnectUrlFormatTest {
  private final ConnectUrlFormat format = new ConnectUrlFormat();

  /** What the format did before its hand-written pass: a regular expression until nothing changes. */
  private static String byRegex(String url) {
    Pattern token = Pattern.compile("\\$?\\{[^{}]*}");
    String probe = url;
    for (String previous = null; !probe.equals(previous); ) {
      previous = probe;
      probe = token.matcher(probe).replaceAll("x");
    }
    return probe.replace('{', 'x').replace('}', 'x');
  }

  @Test
  void stripsTokensAsTheRegularExpressionDid() {
    for (String url :
        new String[] {
          "/a?k={issue.key}", "/p/${page.id}/x", "{{localBaseUrl}}/a", "${{a}}", "$${a}", "}{a", "{a}}", "{{a}",
          "{$}", "/a{b{c}d}e", "$$", "", "{}", "${}", "/x?{a}&{b}"
        }) {
      assertEquals(byRegex(url), ConnectUrlFormat.withoutTokens(url), url);
    }
    Random random = new Random(17);
    String alphabet = "{}$ax/";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(14); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String url = b.toString();
      assertEquals(byRegex(url), ConnectUrlFormat.withoutTokens(url), url);
    }
  }

  @Test
  void takesAPlainPathOnlyWhereUriAcceptsItAsRelative() throws Exception {
    assertTrue(ConnectUrlFormat.plainPath("/page?id=x&y=1"));
    assertFalse(ConnectUrlFormat.plainPath("//host/page"), "an authority");
    assertFalse(ConnectUrlFormat.plainPath("page"), "not a path from the root: left to URI");
    assertFalse(ConnectUrlFormat.plainPath("/a%2"), "an escape: left to URI");
    Random random = new Random(23);
    String alphabet = "/?#%:@&=+$,;-_.!~*'()aZ9 [\"<é";
    int plain = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder("/");
      for (int i = random.nextInt(10); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String url = b.toString();
      if (ConnectUrlFormat.plainPath(url)) {
        plain++;
        URI uri = parse(url);
        assertTrue(uri != null && !uri.isAbsolute(), url);
      }
    }
    assertTrue(plain > 1_000, "the random paths reach the fast path: " + plain);
  }

  @Test
  void aPlainPathWithBracesIsPlainOnceItsTokensAreCut() {
    assertTrue(ConnectUrlFormat.plainPath("/page?issue={issue.key}&p=${project.id}", true));
    assertFalse(ConnectUrlFormat.plainPath("/page?issue={issue.key}", false));
    assertFalse(ConnectUrlFormat.plainPath("/{a b}", true), "white space: left to the full judgement");
    assertFalse(ConnectUrlFormat.plainPath("{{localBaseUrl}}/a", true), "not a path from the root");
    Random random = new Random(29);
    String alphabet = "{}$/?=&ax %#";
    int plain = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder(random.nextInt(8) == 0 ? "" : "/");
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String url = b.toString();
      if (ConnectUrlFormat.plainPath(url, true)) {
        plain++;
        assertTrue(ConnectUrlFormat.plainPath(ConnectUrlFormat.withoutTokens(url)), url);
        assertEquals(Optional.empty(), format.validate(url), url);
      }
    }
    assertTrue(plain > 1_000, "the random URLs reach the quick path: " + plain);
  }

  @Test
  void judgesUrls() {
    assertEquals(Optional.empty(), format.validate("/page?key={issue.key}"));
    assertEquals(Optional.empty(), format.validate("https://example.com/a"));
    assertTrue(format.validate("ftp://example.com/a").orElseThrow().contains("scheme 'ftp'"));
    assertTrue(format.validate("/a b").orElseThrow().contains("white space"));
    assertTrue(format.validate("/a%zz").orElseThrow().contains("is not a valid URL"));
    assertTrue(format.validate("   ").isPresent());
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
