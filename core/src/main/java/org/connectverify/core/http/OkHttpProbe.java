package org.connectverify.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The {@link HttpProbe} of a run, on one OkHttp client built once from {@link ProbeSettings} (its TLS set up on the
 * first https URL): asynchronous calls on a
 * dispatcher bounded overall and per host; connect, read and whole-exchange timeouts; one retry with backoff for
 * connection failures and 502/503/504 (POSTs only when the connection was refused, so nothing was processed); HEAD
 * confirmed by GET (when refused, or answered without a content type); redirects followed by hand up to the limit, noting any https-to-http step; bodies streamed and
 * cut at the cap; no cookies, no credentials (user info is stripped from URLs); a {@code connect-verify/<version>}
 * user agent; standard proxy settings. Each distinct request is sent once per run; later asks share its result.
 * After {@link ProbeSettings#failFastAfter()} consecutive unanswered requests to a host, further requests to it fail
 * at once, so a dead deployment is reported in seconds.
 */
public final class OkHttpProbe implements HttpProbe {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final byte[] EMPTY_OBJECT = {'{', '}'};
  /** Bodies we do not need and that are at most this long are drained so the connection can be reused. */
  private static final long DRAIN_LIMIT = 64 * 1024;

  private final ProbeSettings settings;
  private final ProgressListener progress;
  /** For http URLs; {@link #tls()} derives the one for https from it. */
  private final OkHttpClient client;
  private volatile OkHttpClient tls;
  private final ExecutorService executor;
  private final ScheduledExecutorService timer;
  private final Map<ProbeRequest, CompletableFuture<ProbeResult>> cache = new ConcurrentHashMap<>();
  private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private volatile boolean closed;

  public OkHttpProbe(ProbeSettings settings) {
    this(settings, ProgressListener.NONE);
  }

  public OkHttpProbe(ProbeSettings settings, ProgressListener progress) {
    this.settings = settings;
    this.progress = progress == null ? ProgressListener.NONE : progress;
    this.executor =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("connect-verify-http"));
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("connect-verify-retry"));
    t.setRemoveOnCancelPolicy(true);
    this.timer = t;
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(settings.concurrency());
    dispatcher.setMaxRequestsPerHost(Math.min(settings.concurrencyPerHost(), settings.concurrency()));
    this.client =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(settings.concurrency(), 30, TimeUnit.SECONDS))
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            .callTimeout(settings.requestTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            .cookieJar(CookieJar.NO_COOKIES)
            .proxySelector(settings.proxySelector())
            // plain http only: TLS (trust store, SSLContext) is set up on the first https URL, see tls()
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
            .addInterceptor(this::failFast)
            .build();
  }

  /**
   * The client for https URLs: the same client (dispatcher, connection pool, timeouts, interceptors are shared, so the
   * concurrency bounds hold across both) with TLS added. Made on first use, because loading the trust store and
   * setting up an SSLContext costs a cold JVM about a quarter of a second that an http-only run never needs.
   */
  private OkHttpClient tls() throws GeneralSecurityException {
    OkHttpClient c = tls;
    if (c == null) {
      synchronized (this) {
        c = tls;
        if (c == null) {
          X509TrustManager trust =
              new ClassifyingTrustManager(
                  settings.trustManager() != null ? settings.trustManager() : ClassifyingTrustManager.jvmDefault());
          SSLContext context = SSLContext.getInstance("TLS");
          context.init(null, new TrustManager[] {trust}, null);
          c =
              client.newBuilder()
                  .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
                  .sslSocketFactory(context.getSocketFactory(), trust)
                  .build();
          tls = c;
        }
      }
    }
    return c;
  }

  public ProbeSettings settings() {
    return settings;
  }

  @Override
  public CompletableFuture<ProbeResult> submit(ProbeRequest request) {
    CompletableFuture<ProbeResult> existing = cache.get(request);
    if (existing != null) {
      return existing;
    }
    CompletableFuture<ProbeResult> mine = new CompletableFuture<>();
    existing = cache.putIfAbsent(request, mine);
    if (existing != null) {
      return existing;
    }
    int total = submitted.incrementAndGet();
    tell(done.get(), total);
    mine.whenComplete((r, e) -> tell(done.incrementAndGet(), submitted.get()));
    if (closed) {
      mine.complete(ProbeResult.failed(request, Failure.IO, "the prober is closed"));
      return mine;
    }
    HttpUrl url = HttpUrl.parse(request.url());
    if (url == null) {
      mine.complete(ProbeResult.failed(request, Failure.UNSUPPORTED_URL, "'" + request.url() + "'"));
      return mine;
    }
    new Exchange(request, mine, withoutCredentials(url)).send();
    return mine;
  }

  /** A listener that throws must not stop the run. */
  private void tell(int doneSoFar, int total) {
    try {
      progress.progress(doneSoFar, total);
    } catch (RuntimeException e) {
      // ignored: progress is cosmetic
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    client.dispatcher().cancelAll();
    timer.shutdownNow();
    executor.shutdownNow();
    client.connectionPool().evictAll();
    for (Map.Entry<ProbeRequest, CompletableFuture<ProbeResult>> e : cache.entrySet()) {
      e.getValue().complete(ProbeResult.failed(e.getKey(), Failure.IO, "the prober was closed"));
    }
    try {
      progress.finished();
    } catch (RuntimeException e) {
      // ignored: progress is cosmetic
    }
  }

  /** Thrown (inside OkHttp) instead of sending when the request's host is failing fast. */
  private static final class ShortCircuit extends IOException {
    private static final long serialVersionUID = 1L;

    ShortCircuit() {
      super("not sent: the host keeps failing");
    }
  }

  /** Checked when a call starts running (not when it is queued), so queued requests benefit from earlier failures. */
  private Response failFast(okhttp3.Interceptor.Chain chain) throws IOException {
    HostState host = hosts.get(hostKey(chain.request().url()));
    if (host != null && host.failingFast(settings.failFastAfter())) {
      throw new ShortCircuit();
    }
    return chain.proceed(chain.request());
  }

  private static String hostKey(HttpUrl url) {
    return url.host() + ":" + url.port();
  }

  /** Consecutive failures of one host, shared by all its requests. */
  private static final class HostState {
    private int unanswered;
    private int serverErrors;
    private Failure lastFailure;
    private String lastDetail;

    synchronized void failed(Failure f, String detail) {
      unanswered++;
      lastFailure = f;
      lastDetail = detail;
    }

    synchronized void answered(int status) {
      unanswered = 0;
      if (status >= 500) {
        serverErrors++;
      } else {
        serverErrors = 0;
      }
    }

    synchronized boolean failingFast(int limit) {
      return unanswered >= limit;
    }

    synchronized boolean retryServerErrors(int limit) {
      return serverErrors < limit;
    }

    synchronized Failure lastFailure() {
      return lastFailure;
    }

    synchronized String lastDetail() {
      return lastDetail;
    }
  }

  /** One probe in progress: its current URL and method, attempts and redirects so far. */
  private final class Exchange implements Callback {
    private final ProbeRequest request;
    private final CompletableFuture<ProbeResult> future;
    private final List<String> redirects = new ArrayList<>();
    private HttpUrl url;
    private String verb;
    private int attempt = 1;
    private String downgrade;

    Exchange(ProbeRequest request, CompletableFuture<ProbeResult> future, HttpUrl url) {
      this.request = request;
      this.future = future;
      this.url = url;
      this.verb =
          switch (request.method()) {
            case EXISTS -> "HEAD";
            case GET_BODY -> "GET";
            case POST_EMPTY_JSON -> "POST";
          };
    }

    private HostState host() {
      return hosts.computeIfAbsent(hostKey(url), k -> new HostState());
    }

    /**
     * Every entry point of an exchange (first send, retry timer, OkHttp callbacks) goes through here: whatever is
     * thrown, even an Error such as OutOfMemoryError, the result is completed, so no caller ever waits forever.
     */
    private void guarded(Runnable step) {
      try {
        step.run();
      } catch (Throwable t) {
        finish(Failure.IO, "internal error: " + t, false);
        if (t instanceof Error e) {
          throw e;
        }
      }
    }

    void send() {
      guarded(this::sendNow);
    }

    private void sendNow() {
      if (closed) {
        finish(Failure.IO, "the prober was closed", false);
        return;
      }
      HostState host = host();
      if (host.failingFast(settings.failFastAfter())) {
        finish(host.lastFailure(), host.lastDetail(), true);
        return;
      }
      Request.Builder b =
          new Request.Builder()
              .url(url)
              .header("User-Agent", settings.userAgent())
              .header("Accept", request.method() == ProbeRequest.Method.GET_BODY ? "application/json, */*" : "*/*");
      switch (verb) {
        case "HEAD" -> b.head();
        case "POST" -> b.post(RequestBody.create(EMPTY_OBJECT, JSON));
        default -> b.get();
      }
      OkHttpClient c;
      try {
        c = url.isHttps() ? tls() : client;
      } catch (GeneralSecurityException | IllegalStateException e) {
        finish(Failure.TLS, "cannot set up TLS: " + e.getMessage(), false);
        return;
      }
      try {
        c.newCall(b.build()).enqueue(this);
      } catch (RejectedExecutionException e) {
        finish(Failure.IO, "the prober was closed", false);
      }
    }

    @Override
    public void onFailure(Call call, IOException e) {
      guarded(() -> {
        if (e instanceof ShortCircuit) {
          finish(host().lastFailure(), host().lastDetail(), true);
          return;
        }
        failed(classify(e), describe(e));
      });
    }

    private void failed(Failure kind, String detail) {
      HostState host = host();
      host.failed(kind, detail);
      boolean mayRetry =
          kind.transientConnection()
              && attempt <= settings.retries()
              && !host.failingFast(settings.failFastAfter())
              && (!verb.equals("POST") || kind == Failure.CONNECTION_REFUSED);
      if (mayRetry) {
        retryLater();
      } else {
        finish(kind, detail, false);
      }
    }

    private void retryLater() {
      long delay = settings.retryBackoff().toMillis() << Math.min(attempt - 1, 10);
      attempt++;
      try {
        timer.schedule(this::send, delay, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        finish(Failure.IO, "the prober was closed", false);
      }
    }

    @Override
    public void onResponse(Call call, Response response) {
      guarded(() -> answer(call, response));
    }

    private void answer(Call call, Response response) {
      try (response) {
        int status = response.code();
        host().answered(status);
        boolean untyped = status >= 200 && status < 300 && response.header("Content-Type") == null;
        if (verb.equals("HEAD")
            && (status == 400 || status == 404 || status == 405 || status == 410 || status == 501 || untyped)) {
          verb = "GET";
          attempt = 1;
          send();
          return;
        }
        if (isRedirect(status) && response.header("Location") != null) {
          redirect(response);
          return;
        }
        if ((status == 502 || status == 503 || status == 504)
            && attempt <= settings.retries()
            && !verb.equals("POST")
            && host().retryServerErrors(settings.failFastAfter())) {
          retryLater();
          return;
        }
        byte[] body = null;
        boolean truncated = false;
        ResponseBody rb = response.body();
        if (request.method() == ProbeRequest.Method.GET_BODY && verb.equals("GET") && rb != null) {
          Buffer buffer = new Buffer();
          BufferedSource source = rb.source();
          long cap = settings.maxResponseBytes();
          while (buffer.size() <= cap) {
            if (source.read(buffer, 8192) == -1) {
              break;
            }
          }
          truncated = buffer.size() > cap;
          body = buffer.readByteArray(Math.min(buffer.size(), cap));
          buffer.clear();
          if (truncated) {
            call.cancel();
          }
        } else if (rb != null && (rb.contentLength() < 0 || rb.contentLength() > DRAIN_LIMIT)) {
          call.cancel();
        }
        String type = response.header("Content-Type");
        future.complete(
            new ProbeResult(
                request, url.toString(), verb, status, type, body, truncated, null, null, redirects, downgrade,
                attempt, false));
      } catch (IOException e) {
        failed(classify(e), describe(e));
      }
    }

    private void redirect(Response response) {
      String location = response.header("Location");
      HttpUrl next = url.resolve(location);
      if (next == null) {
        finish(Failure.BAD_REDIRECT, response.code() + " to '" + location + "', not an http or https URL", false);
        return;
      }
      if (redirects.size() >= settings.maxRedirects()) {
        finish(Failure.TOO_MANY_REDIRECTS, "more than " + settings.maxRedirects() + " redirects, last to " + next, false);
        return;
      }
      next = withoutCredentials(next);
      if (request.method() == ProbeRequest.Method.POST_EMPTY_JSON
          && !Deployment.sameOrigin(request.url(), next.toString())) {
        // a POST (and whatever a redirect makes of it) never leaves the scheme, host and port it was addressed to
        finish(Failure.BAD_REDIRECT, response.code() + " to " + next + ": not followed, a POST to the deployment is"
            + " never carried to another host", false);
        return;
      }
      if (url.isHttps() && !next.isHttps() && downgrade == null) {
        downgrade = url + " -> " + next;
      }
      int code = response.code();
      if (code == 303 && !verb.equals("HEAD")) {
        verb = "GET";
      } else if ((code == 301 || code == 302) && verb.equals("POST")) {
        verb = "GET";
      }
      redirects.add(next.toString());
      url = next;
      attempt = 1;
      send();
    }

    private void finish(Failure kind, String detail, boolean shortCircuited) {
      future.complete(
          new ProbeResult(
              request, url.toString(), verb, 0, null, null, false, kind == null ? Failure.IO : kind, detail,
              redirects, downgrade, attempt, shortCircuited));
    }
  }

  /** The URL as sent, first and after each redirect: user info and fragment removed. */
  private static HttpUrl withoutCredentials(HttpUrl url) {
    return url.newBuilder().username("").password("").fragment(null).build();
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Maps an exception from OkHttp to the failure kind, from the most specific cause. */
  static Failure classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClassifyingTrustManager.CertificateProblem p) {
        return p.kind();
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLPeerUnverifiedException) {
        return Failure.CERT_WRONG_HOST;
      }
      if (t instanceof CertificateExpiredException) {
        return Failure.CERT_EXPIRED;
      }
      if (t instanceof CertPathBuilderException) {
        return Failure.CERT_UNTRUSTED;
      }
    }
    if (e instanceof SSLHandshakeException || e instanceof SSLException) {
      return isReset(e) ? Failure.CONNECTION_RESET : Failure.TLS;
    }
    if (e instanceof UnknownHostException) {
      return Failure.UNKNOWN_HOST;
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return Failure.TIMEOUT;
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      return m.contains("timed out") ? Failure.TIMEOUT : Failure.CONNECTION_REFUSED;
    }
    if (isReset(e)) {
      return Failure.CONNECTION_RESET;
    }
    return Failure.IO;
  }

  private static boolean isReset(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (t instanceof EOFException
          || (t instanceof SocketException
              && (m.contains("reset") || m.contains("broken pipe") || m.contains("closed")))
          || m.contains("unexpected end of stream")
          || m.contains("connection reset")) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern PEER = Pattern.compile("Hostname (\\S+) not verified.*?subjectAltNames: (\\[[^]]*])", Pattern.DOTALL);

  /** One line about a failure, from its most telling cause. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClassifyingTrustManager.CertificateProblem p) {
        return p.getMessage();
      }
      if (t instanceof SSLPeerUnverifiedException) {
        Matcher m = PEER.matcher(String.valueOf(t.getMessage()));
        if (m.find()) {
          return "it names " + m.group(2) + ", not " + m.group(1);
        }
        return firstLine(t.getMessage());
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = firstLine(e.getMessage());
    String r = firstLine(root.getMessage());
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    return root != e && r != null && !r.isBlank() && !m.contains(r) ? m + ": " + r : m;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return null;
    }
    int nl = s.indexOf('\n');
    return (nl >= 0 ? s.substring(0, nl) : s).strip();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
