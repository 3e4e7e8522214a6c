package org.connectverify.probeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry for a key-server port taken between picking it and binding it, and only for that. */
class KeyPortsTest {
  @Test
  void aTakenPortIsTriedAgainOnANewPort() throws Exception {
    List<Integer> ports = new ArrayList<>();
    String result =
        KeyPorts.withFreePort(
            port -> {
              ports.add(port);
              if (ports.size() == 1) {
                throw new IOException("cannot start the key server", new BindException("Address already in use"));
              }
              return "ran on " + port;
            });
    assertEquals(2, ports.size());
    assertNotEquals(0, ports.get(1));
    assertEquals("ran on " + ports.get(1), result);
  }

  @Test
  void anyOtherFailureIsThrownAtOnce() {
    List<Integer> ports = new ArrayList<>();
    IllegalStateException bug = new IllegalStateException("a real failure");
    assertSame(
        bug,
        assertThrows(
            IllegalStateException.class,
            () ->
                KeyPorts.retry(
                    4242,
                    port -> {
                      ports.add(port);
                      throw bug;
                    })));
    assertEquals(List.of(4242), ports);
  }

  @Test
  void aPortThatStaysTakenFailsAfterFiveTries() {
    List<Integer> ports = new ArrayList<>();
    assertThrows(
        BindException.class,
        () ->
            KeyPorts.withFreePort(
                port -> {
                  ports.add(port);
                  throw new BindException("Address already in use");
                }));
    assertEquals(5, ports.size());
  }
}
