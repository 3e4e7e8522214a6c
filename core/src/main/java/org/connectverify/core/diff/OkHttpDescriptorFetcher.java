package org.connectverify.core.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.connectverify.core.InputException;
import org.connectverify.core.Version;

/**
 * Fetches descriptors with one small OkHttp client: bounded timeouts, redirects followed, bodies capped. Meant to be
 * replaced by the run's shared HTTP prober once there is one.
 */
public final class OkHttpDescriptorFetcher implements DescriptorFetcher, AutoCloseable {
  /** Larger than any real descriptor (the biggest in our corpus is well under 1 MiB). */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private final OkHttpClient client;

  public OkHttpDescriptorFetcher() {
    this(Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  OkHttpDescriptorFetcher(Duration connectAndRead, Duration total) {
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(connectAndRead)
            .readTimeout(connectAndRead)
            .callTimeout(total)
            .followRedirects(true)
            .followSslRedirects(true)
            .build();
  }

  @Override
  public byte[] fetch(String url) throws InputException {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new InputException(url + ": not a valid http or https URL");
    }
    Request request =
        new Request.Builder()
            .url(parsed)
            .header("Accept", "application/json")
            .header("User-Agent", Version.NAME + "/" + Version.get())
            .build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        String reason = response.message().isBlank() ? "" : " " + response.message();
        throw new InputException(url + ": HTTP " + response.code() + reason);
      }
      ResponseBody body = response.body();
      if (body == null) {
        throw new InputException(url + ": empty response");
      }
      if (body.contentLength() > MAX_BYTES) {
        throw tooLarge(url);
      }
      try (InputStream in = body.byteStream()) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw tooLarge(url);
        }
        return bytes;
      }
    } catch (InterruptedIOException e) {
      throw new InputException(url + ": timed out", e);
    } catch (IOException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new InputException(url + ": cannot fetch: " + m, e);
    }
  }

  private static InputException tooLarge(String url) {
    return new InputException(url + ": response is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB");
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
