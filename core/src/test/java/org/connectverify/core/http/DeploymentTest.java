package org.connectverify.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeploymentTest {
  private final Deployment d = Deployment.of("http://127.0.0.1:8080/app/");

  @Test
  void resolvesRelativeUrlsAsPathsBelowTheBaseNeverAsText() throws Exception {
    assertEquals("http://127.0.0.1:8080/app/installed", d.resolve("/installed").toString());
    assertEquals("http://127.0.0.1:8080/app/installed", d.resolve("installed").toString());
    assertEquals("http://127.0.0.1:8080/app/@evil.example:80/x", d.resolve("@evil.example:80/x").toString());
    assertEquals("127.0.0.1", d.resolve("@evil.example:80/x").getHost());
    assertEquals("http://127.0.0.1:8080/app/page?a=1", d.resolve("/page?a=1").toString());
  }

  @Test
  void refusesEverythingThatIsNotTheDeployment() {
    for (String ref :
        new String[] {"//evil.example/x", "//127.0.0.1:8081/x", "http://127.0.0.1:8081/x", "https://127.0.0.1:8080/x",
            "http://user@127.0.0.1:8080/x", "evil.example:80/x", "javascript:alert(1)"}) {
      Deployment.Refused e = assertThrows(Deployment.Refused.class, () -> d.resolve(ref), ref);
      assertTrue(e.getMessage().contains("not the deployment under test"), e.getMessage());
    }
  }

  @Test
  void refusesWhatJavaNetUriRejects() {
    for (String ref : new String[] {"/a|b", "/a b", "/a%zz", "/a?x=${unclosed"}) {
      Deployment.Refused e = assertThrows(Deployment.Refused.class, () -> d.resolve(ref), ref);
      assertTrue(e.getMessage().contains("is not a valid URL"), e.getMessage());
    }
  }

  @Test
  void comparesSchemeHostAndEffectivePort() {
    assertTrue(Deployment.of("http://Example.com").contains("http://example.com:80/x"));
    assertFalse(Deployment.of("http://example.com").contains("https://example.com/x"));
    assertTrue(Deployment.sameOrigin("https://a.example/x", "https://a.example:443/y"));
    assertFalse(Deployment.sameOrigin("https://a.example/x", "https://b.example/y"));
  }
}
