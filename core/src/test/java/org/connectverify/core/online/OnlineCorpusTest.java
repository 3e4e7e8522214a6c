package org.connectverify.core.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.TestPaths;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.http.ProbeSettings;
import org.junit.jupiter.api.Test;

/**
 * Every real descriptor of the shared corpus goes through the online checks without a crash or a hang. The deployment
 * is a loopback server ({@code --base-url}), and every other host the descriptors name is routed to the same server
 * as an HTTP proxy, so nothing leaves 127.0.0.1 (not even a DNS lookup). Skipped when the corpus is absent.
 */
class OnlineCorpusTest {

  @Test
  void everyCorpusDescriptorGoesThroughTheOnlineChecksWithoutACrash() throws Exception {
    Path shared = TestPaths.shared();
    assumeTrue(shared != null && Files.isDirectory(shared.resolve("corpus/descriptors")), "no shared corpus");
    List<Path> files;
    try (Stream<Path> s = Files.list(shared.resolve("corpus/descriptors"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    AtomicInteger requests = new AtomicInteger();
    server.setExecutor(pool);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      try (ex) {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(ex.getRequestMethod().equals("POST") ? 401 : 200, -1);
      }
    });
    server.start();
    InetSocketAddress local = server.getAddress();
    ProxySelector everythingHere = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(new Proxy(Proxy.Type.HTTP, local));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    };
    ProbeSettings http =
        ProbeSettings.builder().proxySelector(everythingHere).readTimeout(Duration.ofSeconds(5)).build();
    List<String> crashes = new ArrayList<>();
    try {
      assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
        for (Path f : files) {
          Report r =
              Verifier.create(VerifyOptions.builder().baseDir(f.getParent()).online(true)
                      .baseUrl("http://127.0.0.1:" + local.getPort() + "/app").http(http).build())
                  .verify(List.of(f));
          r.findings().stream().filter(x -> x.ruleId().startsWith("internal/")).map(Finding::toString)
              .forEach(crashes::add);
        }
      });
    } finally {
      server.stop(0);
      pool.shutdownNow();
    }
    assertEquals(List.of(), crashes);
    assumeTrue(requests.get() > files.size(), "the server was asked");
  }
}
