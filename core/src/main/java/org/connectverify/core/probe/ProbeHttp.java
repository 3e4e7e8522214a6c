package org.connectverify.core.probe;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The only way the probe talks HTTP, so a run can swap in the project's shared prober later or a fake in tests.
 * Implementations are made once per run, follow no redirects, keep no cookies, and are safe for concurrent use.
 */
public interface ProbeHttp extends AutoCloseable {

  /** One request. {@code body} is null for none; {@code headers} never carry secrets into logs. */
  record Request(String method, URI uri, Map<String, String> headers, byte[] body, String contentType) {
    public static Request get(URI uri, Map<String, String> headers) {
      return new Request("GET", uri, headers, null, null);
    }

    public static Request postJson(URI uri, Map<String, String> headers, byte[] json) {
      return new Request("POST", uri, headers, json, "application/json");
    }
  }

  /** The answer: status, time to the response headers in milliseconds, and the body (capped). */
  record Response(int status, long millis, byte[] body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public boolean refusedAsUnauthorized() {
      return status == 401 || status == 403;
    }
  }

  /**
   * No HTTP answer to a request. {@link #delivered()} says whether any byte of the request may have reached the app:
   * false only when the connection failed before the request was written (nothing was processed); true means the app
   * may have received and acted on it, so it must not be taken as refused, accepted or not delivered.
   */
  final class NoAnswer extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean delivered;

    public NoAnswer(String message, boolean delivered, Throwable cause) {
      super(message, cause);
      this.delivered = delivered;
    }

    public boolean delivered() {
      return delivered;
    }
  }

  /**
   * Sends {@code request} and waits for the answer.
   *
   * @throws IOException when there is no HTTP answer (refused connection, timeout, reset); implementations throw
   *     {@link NoAnswer} to say whether the request may have reached the app
   */
  Response send(Request request) throws IOException;

  @Override
  void close();
}
