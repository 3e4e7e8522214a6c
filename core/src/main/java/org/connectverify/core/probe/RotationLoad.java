package org.connectverify.core.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * Secret rotation under concurrent load (the seed 003 race): {@code workers} threads keep calling the app signed with
 * the current secret while a reinstall rotates it; the moment the reinstall returns, they switch to the new secret
 * and send {@code perWorkerAfter} requests each. Every one of those must succeed. Bounded in count (at most
 * {@link #MAX_BEFORE} requests per worker before the switch) and time ({@link #DEADLINE_NANOS}).
 */
final class RotationLoad {
  static final int MAX_BEFORE = 200;
  static final long DEADLINE_NANOS = 60_000_000_000L;

  /** One request: whether it carried the new secret, when it started and ended (nanoTime), its status (-1: none). */
  private record Sample(boolean fresh, long start, long end, int status) {
    boolean ok() {
      return status >= 200 && status < 400;
    }
  }

  /** What happened, for the report. */
  record Result(
      boolean installOk,
      int workers,
      int sentBefore,
      int acceptedBefore,
      int sentAfter,
      int failedAfter,
      int unansweredAfter,
      Map<String, Integer> failuresByStatus,
      long firstFailureMs,
      long lastFailureMs,
      long afterSpanMs,
      long medianMs,
      long maxMs) {

    String summary() {
      if (!installOk) {
        return workers + " workers; the reinstall did not succeed, so nothing was measured after it ("
            + sentBefore + " requests were sent with the old secret meanwhile)";
      }
      return workers + " workers; " + sentBefore + " requests signed with the old secret went out around the"
          + " reinstall (" + acceptedBefore + " accepted, " + (sentBefore - acceptedBefore) + " not); afterwards "
          + (sentAfter - failedAfter - unansweredAfter) + " of " + sentAfter
          + " requests signed with the new secret succeeded"
          + (unansweredAfter > 0 ? " (" + unansweredAfter + " got no answer)" : "") + " within " + afterSpanMs + " ms (median " + medianMs + " ms, max " + maxMs + " ms)";
    }

    String failureDetail() {
      return "answers " + failuresByStatus + ", first at +" + firstFailureMs + " ms and last at +" + lastFailureMs
          + " ms after the reinstall returned";
    }
  }

  private final int workers;
  private final int perWorkerAfter;
  private final String oldSecret;
  private final ToIntFunction<String> send;

  /** @param send sends one request signed with the given secret and returns its status, or -1 for no answer */
  RotationLoad(int workers, int perWorkerAfter, String oldSecret, ToIntFunction<String> send) {
    this.workers = workers;
    this.perWorkerAfter = perWorkerAfter;
    this.oldSecret = oldSecret;
    this.send = send;
  }

  /** Runs the load, calls {@code reinstall} (which rotates to {@code newSecret}) once every worker is busy. */
  Result run(BooleanSupplier reinstall, String newSecret) {
    AtomicReference<String> secret = new AtomicReference<>(oldSecret);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch busy = new CountDownLatch(workers);
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    ExecutorService pool =
        Executors.newFixedThreadPool(workers, r -> {
          Thread t = new Thread(r, "connect-verify-rotation-load");
          t.setDaemon(true);
          return t;
        });
    long returned;
    boolean ok;
    try {
      for (int w = 0; w < workers; w++) {
        pool.execute(() -> {
          int before = 0;
          int after = 0;
          boolean signalled = false;
          while (after < perWorkerAfter && !stop.get() && System.nanoTime() < deadline) {
            String s = secret.get();
            boolean fresh = s.equals(newSecret);
            if (!fresh && before >= MAX_BEFORE) {
              Probe.sleep(5);
              continue;
            }
            long start = System.nanoTime();
            int status = send.applyAsInt(s);
            samples.add(new Sample(fresh, start, System.nanoTime(), status));
            if (fresh) {
              after++;
            } else {
              before++;
            }
            if (!signalled) {
              busy.countDown();
              signalled = true;
            }
          }
          if (!signalled) {
            busy.countDown();
          }
        });
      }
      try {
        busy.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ok = reinstall.getAsBoolean();
      returned = System.nanoTime();
      if (ok) {
        secret.set(newSecret);
      } else {
        stop.set(true);
      }
    } finally {
      pool.shutdown();
    }
    try {
      if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
        stop.set(true);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    return summarise(ok, returned, new ArrayList<>(samples));
  }

  private Result summarise(boolean ok, long returned, List<Sample> samples) {
    int sentBefore = 0;
    int acceptedBefore = 0;
    int sentAfter = 0;
    int failedAfter = 0;
    int unansweredAfter = 0;
    Map<String, Integer> byStatus = new TreeMap<>();
    long firstFail = Long.MAX_VALUE;
    long lastFail = Long.MIN_VALUE;
    long lastEnd = returned;
    List<Long> latencies = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.fresh()) {
        sentBefore++;
        acceptedBefore += s.ok() ? 1 : 0;
        continue;
      }
      sentAfter++;
      latencies.add((s.end() - s.start()) / 1_000_000);
      lastEnd = Math.max(lastEnd, s.end());
      if (s.status() < 0) {
        unansweredAfter++;
      } else if (!s.ok()) {
        failedAfter++;
        byStatus.merge(String.valueOf(s.status()), 1, Integer::sum);
        firstFail = Math.min(firstFail, s.start() - returned);
        lastFail = Math.max(lastFail, s.start() - returned);
      }
    }
    latencies.sort(null);
    long median = latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2);
    long max = latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1);
    return new Result(
        ok,
        workers,
        sentBefore,
        acceptedBefore,
        sentAfter,
        failedAfter,
        unansweredAfter,
        byStatus,
        failedAfter == 0 ? 0 : firstFail / 1_000_000,
        failedAfter == 0 ? 0 : lastFail / 1_000_000,
        (lastEnd - returned) / 1_000_000,
        median,
        max);
  }
}
