package org.connectverify.core.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.connectverify.core.VerifyOptions;

/**
 * Everything a probe run can be told, shared by every host (CLI, Maven plugin). Immutable; made with
 * {@link #builder()}. The run-wide settings (failure threshold, skipped rules, severity overrides, product, base folder)
 * come from the same {@link VerifyOptions} as {@code verify}.
 */
public final class ProbeOptions {
  /** Default number of concurrent requests while the secret rotates. */
  public static final int DEFAULT_CONCURRENCY = 8;
  /**
   * Default install timeout. Atlassian does not publish the product's figure; atlassian-connect-spring-boot answers
   * within 3 s by default and asks apps to stay below the host's timeout, so 10 s is a generous stand-in.
   */
  public static final Duration DEFAULT_INSTALL_TIMEOUT = Duration.ofSeconds(10);

  private final String baseUrl;
  private final Path descriptor;
  private final boolean confirmStaging;
  private final int keyServerPort;
  private final Path signingKey;
  private final String keyId;
  private final int concurrency;
  private final int requestsAfterRotation;
  private final Duration installTimeout;
  private final VerifyOptions common;
  private final java.util.function.Consumer<String> onInterrupt;

  private ProbeOptions(Builder b) {
    this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
    this.descriptor = b.descriptor;
    this.confirmStaging = b.confirmStaging;
    this.keyServerPort = b.keyServerPort;
    this.signingKey = b.signingKey;
    this.keyId = b.keyId;
    this.concurrency = b.concurrency;
    this.requestsAfterRotation = b.requestsAfterRotation;
    this.installTimeout = b.installTimeout;
    this.common = b.common;
    this.onInterrupt = b.onInterrupt;
  }

  /** Where an interrupted run says, in one line, whether it uninstalled its tenant. */
  public java.util.function.Consumer<String> onInterrupt() {
    return onInterrupt;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The app's base URL as given (checked by {@link TargetGuard} when the run starts). */
  public String baseUrl() {
    return baseUrl;
  }

  /** The descriptor file, or null to fetch {@code <baseUrl>/atlassian-connect.json}. */
  public Path descriptor() {
    return descriptor;
  }

  public boolean confirmStaging() {
    return confirmStaging;
  }

  /** Port of the probe's install-key server on 127.0.0.1; 0 for any free port. */
  public int keyServerPort() {
    return keyServerPort;
  }

  /** A PKCS#8 PEM private key whose public half the app can already fetch, or null to make a key pair per run. */
  public Path signingKey() {
    return signingKey;
  }

  /** The key id of {@link #signingKey()}; null means the file name without its extension. */
  public String keyId() {
    return keyId;
  }

  public int concurrency() {
    return concurrency;
  }

  /** Requests each concurrent worker sends with the new secret after the rotating reinstall returned. */
  public int requestsAfterRotation() {
    return requestsAfterRotation;
  }

  public Duration installTimeout() {
    return installTimeout;
  }

  /** Failure threshold, skipped rules, severity overrides, product and base folder. */
  public VerifyOptions common() {
    return common;
  }

  public static final class Builder {
    private String baseUrl;
    private Path descriptor;
    private boolean confirmStaging;
    private int keyServerPort;
    private Path signingKey;
    private String keyId;
    private int concurrency = DEFAULT_CONCURRENCY;
    private int requestsAfterRotation = 20;
    private Duration installTimeout = DEFAULT_INSTALL_TIMEOUT;
    private VerifyOptions common = VerifyOptions.builder().build();
    private java.util.function.Consumer<String> onInterrupt = line -> {};

    private Builder() {}

    /**
     * Where an interrupted run (SIGINT, SIGTERM) tells, in one line, whether it could uninstall its tenant: a host
     * prints it (the report of an interrupted run is never written). Default: nowhere.
     */
    public Builder onInterrupt(java.util.function.Consumer<String> sink) {
      this.onInterrupt = Objects.requireNonNull(sink);
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl);
      return this;
    }

    public Builder descriptor(Path descriptor) {
      this.descriptor = descriptor;
      return this;
    }

    public Builder confirmStaging(boolean confirmStaging) {
      this.confirmStaging = confirmStaging;
      return this;
    }

    public Builder keyServerPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--key-server-port " + port + " is not a port (0 to 65535)");
      }
      this.keyServerPort = port;
      return this;
    }

    public Builder signingKey(Path signingKey) {
      this.signingKey = signingKey;
      return this;
    }

    public Builder keyId(String keyId) {
      if (keyId != null && !keyId.matches("[A-Za-z0-9._~-]{1,200}")) {
        throw new IllegalArgumentException(
            "--key-id '" + keyId + "' must be 1 to 200 letters, digits or -._~ (it becomes a URL path segment)");
      }
      this.keyId = keyId;
      return this;
    }

    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 64) {
        throw new IllegalArgumentException("--concurrency " + concurrency + " must be between 1 and 64");
      }
      this.concurrency = concurrency;
      return this;
    }

    public Builder requestsAfterRotation(int n) {
      if (n < 1 || n > 1000) {
        throw new IllegalArgumentException("requests after rotation " + n + " must be between 1 and 1000");
      }
      this.requestsAfterRotation = n;
      return this;
    }

    public Builder installTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(2)) > 0) {
        throw new IllegalArgumentException("--install-timeout must be between 1 and 120 seconds");
      }
      this.installTimeout = timeout;
      return this;
    }

    public Builder common(VerifyOptions common) {
      this.common = Objects.requireNonNull(common);
      return this;
    }

    public ProbeOptions build() {
      return new ProbeOptions(this);
    }
  }
}
