package org.connectverify.core.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The probe's own install-key endpoint, standing in for the product's key service: {@code GET /<kid>} answers the
 * PEM public key published under that id, anything else 404. Listens on 127.0.0.1 only. Counts the fetches so the
 * report can say whether the app looked the key up at all.
 */
public final class KeyServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, String> published = new ConcurrentHashMap<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicInteger misses = new AtomicInteger();

  private KeyServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts on 127.0.0.1:{@code port} (0 picks a free port).
   *
   * @throws IOException when the port cannot be bound
   */
  public static KeyServer start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "connect-verify-key-server");
      t.setDaemon(true);
      return t;
    });
    KeyServer keys = new KeyServer(server, executor);
    server.createContext("/", keys::handle);
    server.setExecutor(executor);
    server.start();
    return keys;
  }

  /** Publishes {@code keys}' public half under its kid. */
  public void publish(InstallKeys keys) {
    if (keys.publicKeyPem() == null) {
      throw new IllegalArgumentException("no public key to publish for " + keys.keyId());
    }
    published.put(keys.keyId(), keys.publicKeyPem());
  }

  /** Base URL to configure in the app ({@code atlassian.connect.public-key-base-url}), without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** How many published keys were served. */
  public int fetches() {
    return fetches.get();
  }

  /** How many lookups asked for a key id that is not published. */
  public int misses() {
    return misses.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String kid = path.startsWith("/") ? path.substring(1) : path;
      String pem = "GET".equals(exchange.getRequestMethod()) ? published.get(kid) : null;
      if (pem == null) {
        misses.incrementAndGet();
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      fetches.incrementAndGet();
      byte[] body = pem.getBytes(StandardCharsets.US_ASCII);
      exchange.getResponseHeaders().set("Content-Type", "application/x-pem-file");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
