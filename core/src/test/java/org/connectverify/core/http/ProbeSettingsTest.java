package org.connectverify.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeSettingsTest {

  @Test
  void defaultsSuitAReleaseGate() {
    ProbeSettings s = ProbeSettings.defaults();
    assertEquals(Duration.ofSeconds(5), s.connectTimeout());
    assertEquals(Duration.ofSeconds(10), s.readTimeout());
    assertEquals(Duration.ofSeconds(20), s.requestTimeout());
    assertEquals(16, s.concurrency());
    assertEquals(8, s.concurrencyPerHost());
    assertEquals(5, s.maxRedirects());
    assertEquals(2L * 1024 * 1024, s.maxResponseBytes());
    assertEquals(1, s.retries());
    assertTrue(s.userAgent().startsWith("connect-verify/"), s.userAgent());
  }

  @Test
  void setsEveryKnobByItsOptionName() {
    ProbeSettings.Builder b = ProbeSettings.builder();
    assertTrue(b.set("connect-timeout", "500ms"));
    assertTrue(b.set("read-timeout", "3"));
    assertTrue(b.set("request-timeout", "1m"));
    assertTrue(b.set("concurrency", "4"));
    assertTrue(b.set("concurrency-per-host", "2"));
    assertTrue(b.set("max-redirects", "0"));
    assertTrue(b.set("max-response-size", "512KB"));
    assertFalse(b.set("online", "true"), "not an HTTP setting");
    ProbeSettings s = b.build();
    assertEquals(Duration.ofMillis(500), s.connectTimeout());
    assertEquals(Duration.ofSeconds(3), s.readTimeout());
    assertEquals(Duration.ofMinutes(1), s.requestTimeout());
    assertEquals(4, s.concurrency());
    assertEquals(2, s.concurrencyPerHost());
    assertEquals(0, s.maxRedirects());
    assertEquals(512 * 1024, s.maxResponseBytes());
  }

  @Test
  void badValuesGiveOneLineErrorsNamingTheOption() {
    ProbeSettings.Builder b = ProbeSettings.builder();
    assertEquals(
        "connect-timeout: 'soon' is not a duration (expected e.g. 500ms, 5s or 1m)",
        assertThrows(IllegalArgumentException.class, () -> b.set("connect-timeout", "soon")).getMessage());
    assertEquals(
        "concurrency must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> b.set("concurrency", "0")).getMessage());
    assertEquals(
        "max-response-size: '2 GB' is not a size (expected e.g. 512KB or 4MB)",
        assertThrows(IllegalArgumentException.class, () -> b.set("max-response-size", "2 GB")).getMessage());
    assertEquals(
        "read-timeout must be positive",
        assertThrows(IllegalArgumentException.class, () -> b.set("read-timeout", "0s")).getMessage());
  }
}
