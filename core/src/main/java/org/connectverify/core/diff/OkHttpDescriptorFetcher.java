package org.connectverify.core.diff;

import org.connectverify.core.InputException;
import org.connectverify.core.http.Failure;
import org.connectverify.core.http.HttpProbe;
import org.connectverify.core.http.OkHttpProbe;
import org.connectverify.core.http.ProbeRequest;
import org.connectverify.core.http.ProbeResult;
import org.connectverify.core.http.ProbeSettings;

/**
 * Fetches descriptors over the project's one HTTP prober ({@link OkHttpProbe}, opened once for the run): the timeouts,
 * retry, redirect limit, proxy settings, user agent and certificate checks of {@code --online}, with a body cap large
 * enough for any descriptor.
 */
public final class OkHttpDescriptorFetcher implements DescriptorFetcher, AutoCloseable {
  /** Larger than any real descriptor (the biggest in our corpus is well under 1 MiB). */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private final HttpProbe probe;

  /** With the default HTTP settings. */
  public OkHttpDescriptorFetcher() {
    this(ProbeSettings.defaults());
  }

  /** With the run's HTTP settings; the body cap is {@link #MAX_BYTES} whatever they say. */
  public OkHttpDescriptorFetcher(ProbeSettings settings) {
    this.probe = new OkHttpProbe(settings.toBuilder().maxResponseBytes(MAX_BYTES).build());
  }

  @Override
  public byte[] fetch(String url) throws InputException {
    ProbeResult r = probe.fetch(ProbeRequest.getBody(url));
    if (r.failure() == Failure.UNSUPPORTED_URL) {
      throw new InputException(url + ": not a valid http or https URL");
    }
    if (r.failure() == Failure.TIMEOUT) {
      throw new InputException(url + ": timed out");
    }
    if (r.failure() != null) {
      throw new InputException(url + ": cannot fetch: " + r.describe());
    }
    if (!r.ok()) {
      throw new InputException(url + ": HTTP " + r.status());
    }
    if (r.truncated()) {
      throw new InputException(url + ": response is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB");
    }
    return r.body() == null ? new byte[0] : r.body();
  }

  @Override
  public void close() {
    probe.close();
  }
}
