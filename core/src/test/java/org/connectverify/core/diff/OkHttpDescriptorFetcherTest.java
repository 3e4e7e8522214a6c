package org.connectverify.core.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.connectverify.core.InputException;
import org.connectverify.core.http.ProbeSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a JDK HTTP server on loopback, through the run's HTTP prober. */
class OkHttpDescriptorFetcherTest {
  private static final byte[] DESCRIPTOR = "{\"key\":\"k\"}".getBytes(StandardCharsets.UTF_8);
  private static final CountDownLatch SLOW_RELEASED = new CountDownLatch(1);
  private static HttpServer server;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/atlassian-connect.json", ex -> send(ex, 200, DESCRIPTOR));
    server.createContext(
        "/moved",
        ex -> {
          ex.getResponseHeaders().add("Location", "/atlassian-connect.json");
          send(ex, 302, new byte[0]);
        });
    server.createContext("/missing", ex -> send(ex, 404, new byte[0]));
    server.createContext("/huge", ex -> send(ex, 200, new byte[OkHttpDescriptorFetcher.MAX_BYTES + 10]));
    server.createContext(
        "/slow",
        ex -> {
          try {
            // answers only once the tests are over, however long the client waits
            SLOW_RELEASED.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, 200, DESCRIPTOR);
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    SLOW_RELEASED.countDown();
    server.stop(0);
  }

  private static void send(com.sun.net.httpserver.HttpExchange ex, int code, byte[] body) throws IOException {
    ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void fetchesTheBodyOfASuccessfulGet() throws Exception {
    try (OkHttpDescriptorFetcher f = new OkHttpDescriptorFetcher()) {
      assertArrayEquals(DESCRIPTOR, f.fetch(base + "/atlassian-connect.json"));
    }
  }

  @Test
  void followsRedirects() throws Exception {
    try (OkHttpDescriptorFetcher f = new OkHttpDescriptorFetcher()) {
      assertArrayEquals(DESCRIPTOR, f.fetch(base + "/moved"));
    }
  }

  @Test
  void anErrorStatusIsAOneLineInputError() {
    try (OkHttpDescriptorFetcher f = new OkHttpDescriptorFetcher()) {
      InputException e = assertThrows(InputException.class, () -> f.fetch(base + "/missing"));
      assertEquals(base + "/missing: HTTP 404", e.getMessage());
    }
  }

  @Test
  void refusesBodiesOverTheCap() {
    try (OkHttpDescriptorFetcher f = new OkHttpDescriptorFetcher()) {
      InputException e = assertThrows(InputException.class, () -> f.fetch(base + "/huge"));
      assertEquals(base + "/huge: response is larger than 5 MiB", e.getMessage());
    }
  }

  @Test
  void givesUpOnSlowServers() {
    ProbeSettings quick =
        ProbeSettings.builder()
            .connectTimeout(Duration.ofMillis(300))
            .readTimeout(Duration.ofMillis(300))
            .requestTimeout(Duration.ofMillis(600))
            .build();
    try (OkHttpDescriptorFetcher f = new OkHttpDescriptorFetcher(quick)) {
      InputException e = assertThrows(InputException.class, () -> f.fetch(base + "/slow"));
      assertEquals(base + "/slow: timed out", e.getMessage());
    }
  }

  @Test
  void rejectsSomethingThatIsNotAUrl() {
    try (OkHttpDescriptorFetcher f = new OkHttpDescriptorFetcher()) {
      InputException e = assertThrows(InputException.class, () -> f.fetch("https://"));
      assertEquals("https://: not a valid http or https URL", e.getMessage());
    }
  }
}
