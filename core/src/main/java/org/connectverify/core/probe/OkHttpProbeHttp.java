package org.connectverify.core.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.CookieJar;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.connectverify.core.Version;

/**
 * {@link ProbeHttp} over one OkHttp client configured once per run: connect and read timeouts, no redirects, no
 * cookies, no silent retries, user agent {@code connect-verify/<version>}, bodies read up to a cap.
 */
public final class OkHttpProbeHttp implements ProbeHttp {
  private static final long MAX_BODY = 1 << 20;

  private final OkHttpClient client;

  /** @param readTimeout how long to wait for an answer (the install timeout; pages get the same) */
  public OkHttpProbeHttp(Duration connectTimeout, Duration readTimeout, int maxConcurrency) {
    String agent = Version.NAME + "/" + Version.get();
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(Math.max(8, maxConcurrency * 2));
    dispatcher.setMaxRequestsPerHost(Math.max(8, maxConcurrency * 2));
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(readTimeout)
            .callTimeout(readTimeout.plus(connectTimeout))
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .cookieJar(CookieJar.NO_COOKIES)
            .dispatcher(dispatcher)
            .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", agent).build()))
            .build();
  }

  @Override
  public ProbeHttp.Response send(ProbeHttp.Request request) throws IOException {
    okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(request.uri().toString());
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    RequestBody body =
        request.body() == null
            ? (requiresBody(request.method()) ? RequestBody.create(new byte[0], null) : null)
            : RequestBody.create(
                request.body(), request.contentType() == null ? null : MediaType.parse(request.contentType()));
    b.method(request.method(), body);
    long start = System.nanoTime();
    try (okhttp3.Response r = client.newCall(b.build()).execute()) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      ResponseBody rb = r.body();
      byte[] bytes = rb == null ? new byte[0] : r.peekBody(MAX_BODY).bytes();
      return new ProbeHttp.Response(r.code(), millis, bytes);
    }
  }

  private static boolean requiresBody(String method) {
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
