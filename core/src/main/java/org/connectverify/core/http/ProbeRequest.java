package org.connectverify.core.http;

import java.util.Objects;

/**
 * One thing to ask a server. Equal requests share one cached result for the whole run.
 *
 * @param method how to ask
 * @param url an absolute http or https URL
 */
public record ProbeRequest(Method method, String url) {

  /** How a URL is probed. */
  public enum Method {
    /**
     * Does the URL answer? {@code HEAD}, confirmed with {@code GET} when the server says 400, 404, 405, 410 or 501
     * to the HEAD (many frameworks route only GET) or answers it without a content type. The body is never read.
     */
    EXISTS,
    /** {@code GET} and read the body, up to the configured cap. */
    GET_BODY,
    /** {@code POST} of the JSON body {@code {}} without any credentials; the body of the answer is not read. */
    POST_EMPTY_JSON
  }

  public ProbeRequest {
    Objects.requireNonNull(method);
    Objects.requireNonNull(url);
  }

  public static ProbeRequest exists(String url) {
    return new ProbeRequest(Method.EXISTS, url);
  }

  public static ProbeRequest getBody(String url) {
    return new ProbeRequest(Method.GET_BODY, url);
  }

  public static ProbeRequest postEmptyJson(String url) {
    return new ProbeRequest(Method.POST_EMPTY_JSON, url);
  }

  /** The HTTP verb shown in messages: {@code GET} for EXISTS and GET_BODY, {@code POST} for POST_EMPTY_JSON. */
  public String verb() {
    return method == Method.POST_EMPTY_JSON ? "POST" : "GET";
  }

  @Override
  public String toString() {
    return method + " " + url;
  }
}
