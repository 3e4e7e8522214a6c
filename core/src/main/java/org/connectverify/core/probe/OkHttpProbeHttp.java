package org.connectverify.core.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.connectverify.core.Version;
import org.connectverify.core.http.Deployment;

/**
 * {@link ProbeHttp} over one OkHttp client configured once per run: connect and read timeouts, no redirects, no
 * cookies, user agent {@code connect-verify/<version>}, bodies read up to a cap.
 *
 * <p>Transport that cannot lie: every request goes out on a <em>fresh connection</em> (the pool keeps no idle
 * connection), because a pooled connection the server has already closed (an HTTP/1.0 server without keep-alive, or a
 * proxy that drops idle connections) fails the next request before it reaches the app. OkHttp's own silent retry is
 * off; instead a request is retried once, and only when that is safe: when the connection failed before any byte of
 * the request was written (nothing can have reached the app, whatever the method), or for a GET (the probe's GETs
 * change nothing). A POST (an install carrying a shared secret, a webhook) that was written and got no answer is never
 * sent again: it surfaces as {@link ProbeHttp.NoAnswer} with {@code delivered() == true}.
 */
public final class OkHttpProbeHttp implements ProbeHttp {
  private static final long MAX_BODY = 1 << 20;
  /** Pause before the one retry. */
  private static final long RETRY_PAUSE_MILLIS = 100;

  private final OkHttpClient client;
  private final Deployment deployment;

  /**
   * @param readTimeout how long to wait for an answer (the install timeout; pages get the same)
   * @param deployment the only place requests may go; any other target is refused before a byte is sent
   */
  public OkHttpProbeHttp(Duration connectTimeout, Duration readTimeout, int maxConcurrency, Deployment deployment) {
    this.deployment = java.util.Objects.requireNonNull(deployment);
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
            // no idle connections: each request on its own connection, so none can fail on a stale one
            .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
            .cookieJar(CookieJar.NO_COOKIES)
            .dispatcher(dispatcher)
            .eventListenerFactory(OkHttpProbeHttp::listenerFor)
            .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", agent).build()))
            .build();
  }

  /** Notices when the request starts to be written: from then on the app may have received it. */
  private static final class Written extends EventListener {
    final AtomicBoolean started = new AtomicBoolean();

    @Override
    public void requestHeadersStart(Call call) {
      started.set(true);
    }
  }

  private static EventListener listenerFor(Call call) {
    Written w = call.request().tag(Written.class);
    return w == null ? EventListener.NONE : w;
  }

  @Override
  public ProbeHttp.Response send(ProbeHttp.Request request) throws IOException {
    if (!deployment.contains(request.uri())) {
      throw new IOException("not sent: " + request.uri().getScheme() + "://" + request.uri().getRawAuthority()
          + " is not the deployment under test (" + deployment.base() + ")");
    }
    try {
      return attempt(request);
    } catch (NoAnswer first) {
      if (first.delivered() && !"GET".equals(request.method())) {
        throw first;
      }
      try {
        Thread.sleep(RETRY_PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw first;
      }
      try {
        return attempt(request);
      } catch (NoAnswer second) {
        throw new NoAnswer(second.getMessage() + " (also on a second attempt)", first.delivered() || second.delivered(),
            second);
      }
    }
  }

  private ProbeHttp.Response attempt(ProbeHttp.Request request) throws IOException {
    Written written = new Written();
    okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(request.uri().toString()).tag(Written.class, written);
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
      byte[] bytes;
      try {
        bytes = rb == null ? new byte[0] : r.peekBody(MAX_BODY).bytes();
      } catch (IOException bodyFailed) {
        // the status line arrived, so the app did answer; a slow, endless or broken body does not change the verdict
        bytes = new byte[0];
      }
      return new ProbeHttp.Response(r.code(), millis, bytes);
    } catch (NoAnswer e) {
      throw e;
    } catch (IOException e) {
      String m = e.getMessage();
      throw new NoAnswer(e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m),
          written.started.get(), e);
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
