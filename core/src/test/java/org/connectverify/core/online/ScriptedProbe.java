package org.connectverify.core.online;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.connectverify.core.http.Failure;
import org.connectverify.core.http.HttpProbe;
import org.connectverify.core.http.ProbeRequest;
import org.connectverify.core.http.ProbeResult;

/**
 * An {@link HttpProbe} that answers from a script instead of the network, for golden fixtures of the online rules.
 * One line per URL, {@code #} starts a comment:
 *
 * <pre>
 * METHOD URL STATUS [type=CONTENT-TYPE] [body=FILE] [downgrade=FROM->TO] [redirect=URL]
 * METHOD URL fail=KIND [detail=TEXT TO THE END OF THE LINE]
 * </pre>
 *
 * METHOD is {@code GET} (which also answers existence probes) or {@code POST}; {@code METHOD *} and {@code * *} set
 * defaults; the first line for a request wins. FILE is relative to the script. Unscripted requests fail the test through {@link #unscripted()}.
 */
final class ScriptedProbe implements HttpProbe {
  private record Line(int status, String type, byte[] body, Failure failure, String detail, String downgrade, String redirect) {}

  private final Map<String, Line> lines = new LinkedHashMap<>();
  private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
  private final List<String> unscripted = Collections.synchronizedList(new ArrayList<>());

  ScriptedProbe(Path script) throws IOException {
    Path dir = script.getParent();
    for (String raw : Files.readAllLines(script, StandardCharsets.UTF_8)) {
      String l = raw.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+");
      String key = parts[0] + " " + parts[1];
      int status = 0;
      String type = null;
      byte[] body = null;
      Failure failure = null;
      String detail = null;
      String downgrade = null;
      String redirect = null;
      for (int i = 2; i < parts.length; i++) {
        String p = parts[i];
        if (p.matches("\\d{3}")) {
          status = Integer.parseInt(p);
        } else if (p.startsWith("type=")) {
          type = p.substring(5);
        } else if (p.startsWith("body=")) {
          body = Files.readAllBytes(dir.resolve(p.substring(5)));
        } else if (p.startsWith("fail=")) {
          failure = Failure.valueOf(p.substring(5));
        } else if (p.startsWith("downgrade=")) {
          downgrade = p.substring(10).replace("->", " -> ");
        } else if (p.startsWith("redirect=")) {
          redirect = p.substring(9);
        } else if (p.startsWith("detail=")) {
          detail = l.substring(l.indexOf("detail=") + 7);
          break;
        } else {
          throw new IllegalArgumentException(script + ": cannot read '" + p + "' in: " + l);
        }
      }
      lines.putIfAbsent(key, new Line(status, type, body, failure, detail, downgrade, redirect));
    }
  }

  @Override
  public CompletableFuture<ProbeResult> submit(ProbeRequest request) {
    String verb = request.verb();
    asked.add(verb + " " + request.url());
    Line line = lines.get(verb + " " + request.url());
    if (line == null) {
      line = lines.get(verb + " *");
    }
    if (line == null) {
      line = lines.get("* *");
    }
    if (line == null) {
      unscripted.add(verb + " " + request.url());
      return CompletableFuture.completedFuture(ProbeResult.failed(request, Failure.IO, "unscripted"));
    }
    List<String> redirects = line.redirect == null ? List.of() : List.of(line.redirect);
    String finalUrl = line.redirect == null ? request.url() : line.redirect;
    byte[] body = request.method() == ProbeRequest.Method.GET_BODY ? line.body : null;
    ProbeResult r =
        line.failure != null
            ? new ProbeResult(request, finalUrl, verb, 0, null, null, false, line.failure, line.detail, redirects,
                line.downgrade, 1, false)
            : new ProbeResult(request, finalUrl, verb, line.status, line.type, body, false, null, null, redirects,
                line.downgrade, 1, false);
    return CompletableFuture.completedFuture(r);
  }

  /** Every request asked, as {@code VERB URL}, in order (repeats included). */
  List<String> asked() {
    return List.copyOf(asked);
  }

  /** Requests no line of the script answered. */
  List<String> unscripted() {
    return List.copyOf(unscripted);
  }

  @Override
  public void close() {}
}
