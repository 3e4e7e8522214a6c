package org.connectverify.core.http;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.X509TrustManager;
import org.connectverify.core.Version;

/**
 * How the run's one HTTP client behaves. Immutable; the defaults suit a check before a release (answers in seconds,
 * polite to one staging host). The option names of {@link Builder#set} are those of the CLI and config files.
 */
public final class ProbeSettings {
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration requestTimeout;
  private final int concurrency;
  private final int concurrencyPerHost;
  private final int maxRedirects;
  private final long maxResponseBytes;
  private final int retries;
  private final Duration retryBackoff;
  private final int failFastAfter;
  private final String userAgent;
  private final ProxySelector proxySelector;
  private final X509TrustManager trustManager;

  private ProbeSettings(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.requestTimeout = b.requestTimeout;
    this.concurrency = b.concurrency;
    this.concurrencyPerHost = b.concurrencyPerHost;
    this.maxRedirects = b.maxRedirects;
    this.maxResponseBytes = b.maxResponseBytes;
    this.retries = b.retries;
    this.retryBackoff = b.retryBackoff;
    this.failFastAfter = b.failFastAfter;
    this.userAgent = b.userAgent;
    this.proxySelector = b.proxySelector;
    this.trustManager = b.trustManager;
  }

  public static ProbeSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Time allowed to open a connection (TCP and TLS). Default 5 s. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Longest silence allowed while waiting for or reading an answer. Default 10 s. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Time allowed for one whole exchange, body included. Default 20 s. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Requests in flight at once, over all hosts. Default 16. */
  public int concurrency() {
    return concurrency;
  }

  /** Requests in flight at once to one host. Default 8. */
  public int concurrencyPerHost() {
    return concurrencyPerHost;
  }

  /** Redirects followed before giving up. Default 5. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** Most bytes read from one body; reading stops there. Default 2 MiB. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** Extra attempts after a connection failure or a 502/503/504. Default 1. */
  public int retries() {
    return retries;
  }

  /** Wait before a retry (doubling for each further one). Default 250 ms. */
  public Duration retryBackoff() {
    return retryBackoff;
  }

  /**
   * After this many consecutive requests to one host failed without any answer, further requests to it fail at once
   * with the same failure (and 5xx answers are no longer retried), so a dead deployment fails in seconds. Default 5.
   */
  public int failFastAfter() {
    return failFastAfter;
  }

  /** {@code connect-verify/<version>}. */
  public String userAgent() {
    return userAgent;
  }

  /** Where proxies come from: Java's {@code https.proxyHost} etc., else {@code HTTPS_PROXY} etc. */
  public ProxySelector proxySelector() {
    return proxySelector != null ? proxySelector : EnvProxySelector.system();
  }

  /** The trust store to check certificates against, or null for the JVM's (the product's view of the web). */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.requestTimeout = requestTimeout;
    b.concurrency = concurrency;
    b.concurrencyPerHost = concurrencyPerHost;
    b.maxRedirects = maxRedirects;
    b.maxResponseBytes = maxResponseBytes;
    b.retries = retries;
    b.retryBackoff = retryBackoff;
    b.failFastAfter = failFastAfter;
    b.userAgent = userAgent;
    b.proxySelector = proxySelector;
    b.trustManager = trustManager;
    return b;
  }

  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(20);
    private int concurrency = 16;
    private int concurrencyPerHost = 8;
    private int maxRedirects = 5;
    private long maxResponseBytes = 2L * 1024 * 1024;
    private int retries = 1;
    private Duration retryBackoff = Duration.ofMillis(250);
    private int failFastAfter = 5;
    private String userAgent = Version.NAME + "/" + Version.get();
    private ProxySelector proxySelector;
    private X509TrustManager trustManager;

    private Builder() {}

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive(d, "connect-timeout");
      return this;
    }

    public Builder readTimeout(Duration d) {
      this.readTimeout = positive(d, "read-timeout");
      return this;
    }

    public Builder requestTimeout(Duration d) {
      this.requestTimeout = positive(d, "request-timeout");
      return this;
    }

    public Builder concurrency(int n) {
      this.concurrency = atLeast(n, 1, "concurrency");
      return this;
    }

    public Builder concurrencyPerHost(int n) {
      this.concurrencyPerHost = atLeast(n, 1, "concurrency-per-host");
      return this;
    }

    public Builder maxRedirects(int n) {
      this.maxRedirects = atLeast(n, 0, "max-redirects");
      return this;
    }

    public Builder maxResponseBytes(long n) {
      if (n < 1024) {
        throw new IllegalArgumentException("max-response-size must be at least 1KB, got " + n + " bytes");
      }
      this.maxResponseBytes = n;
      return this;
    }

    public Builder retries(int n) {
      this.retries = atLeast(n, 0, "retries");
      return this;
    }

    public Builder retryBackoff(Duration d) {
      this.retryBackoff = Objects.requireNonNull(d);
      return this;
    }

    public Builder failFastAfter(int n) {
      this.failFastAfter = atLeast(n, 1, "fail-fast-after");
      return this;
    }

    public Builder userAgent(String ua) {
      this.userAgent = Objects.requireNonNull(ua);
      return this;
    }

    /** Null means the standard settings (see {@link ProbeSettings#proxySelector()}). */
    public Builder proxySelector(ProxySelector selector) {
      this.proxySelector = selector;
      return this;
    }

    /** Null means the JVM's trust store. For tests and embedders; users set {@code javax.net.ssl.trustStore}. */
    public Builder trustManager(X509TrustManager tm) {
      this.trustManager = tm;
      return this;
    }

    /**
     * Sets a setting by its option name; false when the name is not one of {@code connect-timeout},
     * {@code read-timeout}, {@code request-timeout} (durations such as {@code 500ms}, {@code 5s}, {@code 1m}; a bare
     * number is seconds), {@code concurrency}, {@code concurrency-per-host}, {@code max-redirects},
     * {@code max-response-size} (bytes, or with a {@code KB}/{@code MB} suffix).
     *
     * @throws IllegalArgumentException for a bad value, with a one-line message
     */
    public boolean set(String name, String value) {
      switch (name) {
        case "connect-timeout" -> connectTimeout(parseDuration(name, value));
        case "read-timeout" -> readTimeout(parseDuration(name, value));
        case "request-timeout" -> requestTimeout(parseDuration(name, value));
        case "concurrency" -> concurrency(parseInt(name, value));
        case "concurrency-per-host" -> concurrencyPerHost(parseInt(name, value));
        case "max-redirects" -> maxRedirects(parseInt(name, value));
        case "max-response-size" -> maxResponseBytes(parseSize(name, value));
        default -> {
          return false;
        }
      }
      return true;
    }

    public ProbeSettings build() {
      return new ProbeSettings(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }

    private static int atLeast(int n, int min, String name) {
      if (n < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", got " + n);
      }
      return n;
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|kib|mb|m|mib)?");

  /** {@code 500ms}, {@code 5s}, {@code 2m}; a bare number is seconds. */
  static Duration parseDuration(String name, String value) {
    Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          name + ": '" + value + "' is not a duration (expected e.g. 500ms, 5s or 1m)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** Bytes, or {@code 512KB}, {@code 4MB} (binary units). */
  public static long parseSize(String name, String value) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not a size (expected e.g. 512KB or 4MB)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    return switch (unit) {
      case "k", "kb", "kib" -> n * 1024;
      case "m", "mb", "mib" -> n * 1024 * 1024;
      default -> n;
    };
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
    }
  }
}
