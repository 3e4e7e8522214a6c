package org.connectverify.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetGuardTest {

  @Test
  void acceptsLoopbackWithoutConfirmationAndNormalises() {
    assertEquals("http://127.0.0.1:8080", TargetGuard.check("http://127.0.0.1:8080/", false).toString());
    assertEquals("http://localhost:8080/app", TargetGuard.check("http://localhost:8080/app//", false).toString());
    assertEquals("http://[::1]:9000", TargetGuard.check("http://[::1]:9000", false).toString());
  }

  @Test
  void refusesOtherHostsUnlessStagingIsConfirmed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TargetGuard.check("https://staging.example.com", false));
    assertTrue(e.getMessage().contains("--confirm-staging"), e.getMessage());
    assertEquals("https://staging.example.com", TargetGuard.check("https://staging.example.com", true).toString());
    assertThrows(IllegalArgumentException.class, () -> TargetGuard.check("http://10.0.0.5:8080", false));
    assertThrows(IllegalArgumentException.class, () -> TargetGuard.check("http://127.0.0.1.example.com", false));
  }

  @Test
  void refusesAtlassianHostsEvenWhenConfirmed() {
    for (String url :
        new String[] {
          "https://acme.atlassian.net", "https://connect-install-keys.atlassian.com", "https://x.jira-dev.com",
          "https://ATLASSIAN.NET.", "https://cs-migrations--cdn.us-west-1.staging.public.atl-paas.net"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TargetGuard.check(url, true), url);
      assertTrue(e.getMessage().contains("Atlassian host"), e.getMessage());
    }
    assertEquals("https://notatlassian.net", TargetGuard.check("https://notatlassian.net", true).toString());
  }

  @Test
  void refusesWhatIsNotAPlainHttpBaseUrl() {
    assertThrows(IllegalArgumentException.class, () -> TargetGuard.check("ftp://127.0.0.1", false));
    assertThrows(IllegalArgumentException.class, () -> TargetGuard.check("127.0.0.1:8080", false));
    assertThrows(IllegalArgumentException.class, () -> TargetGuard.check("http://127.0.0.1/?x=1", false));
    assertThrows(IllegalArgumentException.class, () -> TargetGuard.check("http://u:p@127.0.0.1/", false));
    assertThrows(IllegalArgumentException.class, () -> TargetGuard.check("http://exa mple", true));
  }

  @Test
  void loopbackIsDecidedFromTheTextAlone() {
    assertTrue(TargetGuard.isLoopback("127.255.0.1"));
    assertFalse(TargetGuard.isLoopback("127.0.0.256"));
    assertFalse(TargetGuard.isLoopback("128.0.0.1"));
    assertFalse(TargetGuard.isLoopback("0.0.0.0"));
  }
}
