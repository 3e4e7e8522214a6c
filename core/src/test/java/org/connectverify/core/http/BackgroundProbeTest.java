package org.connectverify.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundProbeTest {

  @Test
  void opensOnAnotherThreadAndServesRequestsThroughTheOpenedProbe() {
    AtomicReference<Thread> openedOn = new AtomicReference<>();
    AtomicBoolean closed = new AtomicBoolean();
    HttpProbe probe =
        HttpProbe.openInBackground(
            () -> {
              openedOn.set(Thread.currentThread());
              return new HttpProbe() {
                @Override
                public CompletableFuture<ProbeResult> submit(ProbeRequest r) {
                  return CompletableFuture.completedFuture(ProbeResult.answered(r, 204, null, null));
                }

                @Override
                public void close() {
                  closed.set(true);
                }
              };
            });
    assertEquals(204, probe.fetch(ProbeRequest.exists("http://127.0.0.1:1/")).status());
    assertNotEquals(Thread.currentThread(), openedOn.get());
    probe.close();
    assertEquals(true, closed.get());
  }

  @Test
  void aFailureToOpenSurfacesOnTheFirstRequestAndCloseStillWorks() {
    HttpProbe probe =
        HttpProbe.openInBackground(
            () -> {
              throw new IllegalArgumentException("bad settings");
            });
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> probe.submit(ProbeRequest.exists("http://127.0.0.1:1/")));
    assertEquals("bad settings", e.getMessage());
    probe.close();
  }
}
