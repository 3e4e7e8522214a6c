package org.connectverify.core.http;

import java.util.List;
import java.util.Locale;

/**
 * What a probe found. Either an HTTP answer ({@link #status()} > 0, {@link #failure()} null) or a failure with a
 * one-line detail. Immutable.
 *
 * @param request what was asked
 * @param finalUrl the URL that gave the answer, after redirects
 * @param verb the HTTP method of the final exchange ({@code HEAD}, {@code GET} or {@code POST})
 * @param status the HTTP status, or 0 when there was no answer
 * @param contentType the {@code Content-Type} of the answer without parameters, lower case, or null
 * @param body the body (only for {@link ProbeRequest.Method#GET_BODY}), at most the configured cap, or null
 * @param truncated true when the body was longer than the cap and reading stopped there
 * @param failure why there was no answer, or null
 * @param detail one line about the failure, or null
 * @param redirects the URLs redirected to, in order (empty when none)
 * @param downgrade a redirect from https to http on the way, as {@code https://... -> http://...}, or null
 * @param attempts how many times the last exchange was tried (2 after a retry)
 * @param shortCircuited true when nothing was sent because earlier requests to the host all failed
 */
public record ProbeResult(
    ProbeRequest request,
    String finalUrl,
    String verb,
    int status,
    String contentType,
    byte[] body,
    boolean truncated,
    Failure failure,
    String detail,
    List<String> redirects,
    String downgrade,
    int attempts,
    boolean shortCircuited) {

  public ProbeResult {
    redirects = redirects == null ? List.of() : List.copyOf(redirects);
    contentType = contentType == null ? null : normalizeType(contentType);
  }

  /** A failure before or without any HTTP answer. */
  public static ProbeResult failed(ProbeRequest request, Failure failure, String detail) {
    return new ProbeResult(
        request, request.url(), request.verb(), 0, null, null, false, failure, detail, List.of(), null, 1, false);
  }

  /** A plain answer, for tests and scripted probes. */
  public static ProbeResult answered(ProbeRequest request, int status, String contentType, byte[] body) {
    return new ProbeResult(
        request, request.url(), request.verb(), status, contentType, body, false, null, null, List.of(), null, 1, false);
  }

  private static String normalizeType(String type) {
    int semi = type.indexOf(';');
    String t = (semi >= 0 ? type.substring(0, semi) : type).strip().toLowerCase(Locale.ROOT);
    return t.isEmpty() ? null : t;
  }

  /** True when the server answered (any status). */
  public boolean answered() {
    return failure == null && status > 0;
  }

  /** True for a 2xx answer. */
  public boolean ok() {
    return answered() && status >= 200 && status < 300;
  }

  /** A short description for messages: {@code HTTP 404} or the failure's label and detail. */
  public String describe() {
    if (answered()) {
      return "HTTP " + status;
    }
    return failure == null ? "no answer" : failure.label() + (detail == null ? "" : " (" + detail + ")");
  }

  /**
   * How this result failed, as a key that groups identical failures (a whole deployment down): the failure kind,
   * {@code HTTP 5xx} for any server error, {@code HTTP 404}, {@code HTTP 407} (a proxy wants credentials); null when the URL answered acceptably.
   */
  public String failureSignature() {
    if (failure != null) {
      return failure.name();
    }
    if (status >= 500) {
      return "HTTP 5xx";
    }
    if (status == 404 || status == 407) {
      return "HTTP " + status;
    }
    return null;
  }
}
