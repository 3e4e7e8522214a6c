package org.connectverify.core.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A prober being opened on a background thread: opening the real one (class loading, thread pools, client set-up)
 * costs a cold JVM a tenth of a second or more, which this lets overlap with whatever the run does meanwhile. The
 * first request waits until it is open; a failure to open surfaces there, as it would have when opening.
 */
final class BackgroundProbe implements HttpProbe {
  private final CompletableFuture<HttpProbe> opening = new CompletableFuture<>();

  BackgroundProbe(Supplier<HttpProbe> open) {
    Thread t =
        new Thread(
            () -> {
              try {
                opening.complete(open.get());
              } catch (Throwable e) {
                opening.completeExceptionally(e);
              }
            },
            "connect-verify-http-open");
    t.setDaemon(true);
    t.start();
  }

  private HttpProbe probe() {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public CompletableFuture<ProbeResult> submit(ProbeRequest request) {
    return probe().submit(request);
  }

  @Override
  public void close() {
    HttpProbe p;
    try {
      p = opening.join();
    } catch (CompletionException e) {
      return; // never opened: nothing to release
    }
    p.close();
  }
}
