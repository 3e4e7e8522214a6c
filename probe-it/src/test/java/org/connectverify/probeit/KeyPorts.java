package org.connectverify.probeit;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports for the probe's install-key server. The app under test must know the key server's URL before the probe starts
 * that server, so a test picks a free port, closes it, and the probe binds it again later; in between, another socket
 * can take it (seen in CI: "cannot start the install-key server ...: Address already in use"). Such a run is tried
 * again: {@link #withFreePort} with a new port, {@link #retry} on the same one after a pause (for an app started once
 * with its port). Any other failure is thrown at once.
 */
final class KeyPorts {
  private static final int ATTEMPTS = 5;

  private KeyPorts() {}

  /** One try of a test step with the key server on {@code port}. */
  interface Attempt<T> {
    T run(int port) throws Exception;
  }

  /** A port that was free on the loopback address a moment ago. */
  static int free() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Runs {@code attempt} on a free port, and on a new one when the key server found its port taken. */
  static <T> T withFreePort(Attempt<T> attempt) throws Exception {
    return attempts(KeyPorts::free, 0, attempt);
  }

  /** Runs {@code attempt} on {@code port}, again after a pause when the key server found the port taken. */
  static <T> T retry(int port, Attempt<T> attempt) throws Exception {
    return attempts(() -> port, 200, attempt);
  }

  /** Where the next try's port comes from. */
  private interface Ports {
    int next() throws IOException;
  }

  private static <T> T attempts(Ports ports, long pauseMillis, Attempt<T> attempt) throws Exception {
    for (int i = 1; ; i++) {
      try {
        return attempt.run(ports.next());
      } catch (Exception | AssertionError e) {
        if (i == ATTEMPTS || !taken(e)) {
          throw e;
        }
        Thread.sleep(pauseMillis * i);
      }
    }
  }

  /** True when the failure comes from a port in use. */
  static boolean taken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }
}
