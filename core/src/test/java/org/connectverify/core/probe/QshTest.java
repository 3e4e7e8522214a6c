package org.connectverify.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The qsh algorithm against Atlassian's published examples (connect-facts §10) and its edge cases. */
class QshTest {

  @Test
  void publishedExampleSortsParametersAndJoinsRepeatedValuesWithComma() {
    URI uri =
        URI.create(
            "http://localhost:2990/path/to/service?zee_last=param&repeated=parameter%201&first=param"
                + "&repeated=parameter%202");
    assertEquals(
        "GET&/path/to/service&first=param&repeated=parameter%201,parameter%202&zee_last=param",
        Qsh.canonicalRequest("GET", uri, ""));
  }

  @Test
  void publishedExampleForTheRootPath() {
    assertEquals("GET&/&param=foo", Qsh.canonicalRequest("GET", URI.create("http://localhost:2990/?param=foo"), ""));
    assertEquals("GET&/&param=foo", Qsh.canonicalRequest("GET", URI.create("http://localhost:2990?param=foo"), ""));
  }

  @Test
  void publishedHashTestVector() {
    assertEquals("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", Qsh.hash("foo"));
  }

  @Test
  void noParametersEndsInTrailingAmpersand() {
    assertEquals("POST&/user&", Qsh.canonicalRequest("post", URI.create("https://app.example.com/user"), ""));
  }

  @Test
  void leavesOutTheJwtParameter() {
    assertEquals(
        "GET&/page&a=1",
        Qsh.canonicalRequest("GET", URI.create("https://app.example.com/page?jwt=abc.def.ghi&a=1"), ""));
  }

  @Test
  void stripsTheAppBaseUrlPathAndTrailingSlash() {
    URI uri = URI.create("https://host.example.com/my-app/pages/view/?x=1");
    assertEquals("GET&/pages/view&x=1", Qsh.canonicalRequest("GET", uri, "/my-app"));
    assertEquals("GET&/pages/view&x=1", Qsh.canonicalRequest("GET", uri, "/my-app/"));
    assertEquals("GET&/&", Qsh.canonicalRequest("GET", URI.create("https://host.example.com/my-app"), "/my-app"));
    assertEquals(
        "GET&/my-apple&", Qsh.canonicalRequest("GET", URI.create("https://h.example.com/my-apple"), "/my-app"));
  }

  @Test
  void encodesTheOAuthWay() {
    assertEquals("%20", Qsh.percentEncode(" "));
    assertEquals("%2A", Qsh.percentEncode("*"));
    assertEquals("~", Qsh.percentEncode("~"));
    assertEquals("a-b.c_d", Qsh.percentEncode("a-b.c_d"));
    assertEquals("%2B%26%3D%2C%2F%3A", Qsh.percentEncode("+&=,/:"));
    assertEquals("%C3%A9", Qsh.percentEncode("é"));
  }

  @Test
  void plusInTheQueryMeansSpace() {
    assertEquals(
        "GET&/s&q=a%20b", Qsh.canonicalRequest("GET", URI.create("https://a.example.com/s?q=a+b"), ""));
  }

  @Test
  void sortsByCodePointUpperCaseFirstThenByValue() {
    List<Map.Entry<String, String>> params =
        List.of(Map.entry("b", "1"), Map.entry("B", "2"), Map.entry("a", "z"), Map.entry("A", "y"),
            Map.entry("a", "x"));
    assertEquals("GET&/&A=y&B=2&a=x,z&b=1", Qsh.canonicalRequest("GET", "/", params));
  }

  @Test
  void percentEncodesAmpersandInThePath() {
    assertEquals("GET&/a%26b&", Qsh.canonicalRequest("GET", "/a&b", List.of()));
  }

  @Test
  void emptyValuesStay() {
    assertEquals("GET&/p&cp=&lic=none", Qsh.canonicalRequest("GET", URI.create("http://h/p?lic=none&cp="), ""));
  }

  @Test
  void decodedAndEncodedFormsOfTheSameRequestHashAlike() {
    String a = Qsh.of("GET", URI.create("http://h/p?x=a%2Cb&y=%7E"), "");
    String b = Qsh.canonicalRequest("GET", "/p", List.of(Map.entry("x", "a,b"), Map.entry("y", "~")));
    assertEquals(Qsh.hash(b), a);
    assertNotEquals(a, Qsh.of("POST", URI.create("http://h/p?x=a%2Cb&y=%7E"), ""));
  }
}
