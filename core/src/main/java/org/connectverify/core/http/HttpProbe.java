package org.connectverify.core.http;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one way checks reach the network. One instance serves a whole run: it bounds concurrency, retries, follows
 * redirects, caps what it reads, and caches each request's result, so asking twice costs one request. Results
 * always arrive: every failure (timeouts included) is a {@link ProbeResult}, never an exception or a hang.
 */
public interface HttpProbe extends AutoCloseable {

  /** Starts the request (or returns the cached or in-flight result). */
  CompletableFuture<ProbeResult> submit(ProbeRequest request);

  /** The result of one request, waiting for it. */
  default ProbeResult fetch(ProbeRequest request) {
    return submit(request).join();
  }

  /** Starts every request at once, then waits for all; the map keeps the given order. */
  default Map<ProbeRequest, ProbeResult> fetchAll(Collection<ProbeRequest> requests) {
    Map<ProbeRequest, CompletableFuture<ProbeResult>> started = new LinkedHashMap<>();
    for (ProbeRequest r : requests) {
      started.computeIfAbsent(r, this::submit);
    }
    Map<ProbeRequest, ProbeResult> out = new LinkedHashMap<>();
    started.forEach((r, f) -> out.put(r, f.join()));
    return out;
  }

  /** Releases threads and connections. Results already returned stay valid. */
  @Override
  void close();

  /** A probe for runs without {@code --online}: any use is a bug, so it throws. */
  static HttpProbe offline() {
    return new HttpProbe() {
      @Override
      public CompletableFuture<ProbeResult> submit(ProbeRequest request) {
        throw new IllegalStateException("network access without --online: " + request);
      }

      @Override
      public void close() {}
    };
  }

  /**
   * A probe opened by {@code open} on a background thread, so that its set-up overlaps with the caller's work; the first
   * request waits for it.
   */
  static HttpProbe openInBackground(java.util.function.Supplier<HttpProbe> open) {
    return new BackgroundProbe(open);
  }

  /** Opens the probe of a run. */
  @FunctionalInterface
  interface Factory {
    HttpProbe open(ProbeSettings settings, ProgressListener progress);
  }

  /** Convenience for a fixed list. */
  default Map<ProbeRequest, ProbeResult> fetchAll(ProbeRequest... requests) {
    return fetchAll(List.of(requests));
  }
}
