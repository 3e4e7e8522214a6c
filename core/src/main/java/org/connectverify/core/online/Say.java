package org.connectverify.core.online;

import org.connectverify.core.http.ProbeResult;
import org.connectverify.core.text.Strings;

/** Shared wording of online findings, so every message names the request and its outcome the same way. */
final class Say {
  private Say() {}

  /** {@code GET https://app.example.com/home}. */
  static String request(Target t) {
    return t.request().verb() + " " + t.url();
  }

  /** {@code answered HTTP 404}, or {@code failed: connection refused (detail)}, plus where redirects led. */
  static String outcome(ProbeResult r) {
    String s = r.answered() ? "answered " + r.describe() : "failed: " + r.describe();
    if (!r.redirects().isEmpty()) {
      s += " after redirects to " + r.finalUrl();
    }
    return s;
  }

  /**
   * Why served bytes are not the JSON expected, for a message: {@code is not valid JSON (line 1, column 1;
   * Content-Type text/html; starts with "<!doctype html>...")}.
   */
  static String notJson(org.connectverify.core.json.JsonReader.Result parsed, ProbeResult r) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (!parsed.findings().isEmpty() && parsed.findings().get(0).line() > 0) {
      parts.add("line " + parsed.findings().get(0).line() + ", column " + parsed.findings().get(0).column());
    }
    if (r.contentType() != null) {
      parts.add("Content-Type " + r.contentType());
    }
    byte[] body = r.body() == null ? new byte[0] : r.body();
    String head =
        new String(body, 0, Math.min(body.length, 60), java.nio.charset.StandardCharsets.UTF_8)
            .replaceAll("\\s+", " ")
            .strip();
    parts.add(head.isEmpty() ? "empty" : "starts with " + quote(head.length() > 30 ? Strings.cut(head, 30) + "..." : head));
    return "is not valid JSON (" + String.join("; ", parts) + ")";
  }

  /** A value quoted for a message, shortened when long. */
  static String quote(String s) {
    String v = s.length() > 80 ? Strings.cut(s, 77) + "..." : s;
    return "\"" + v + "\"";
  }
}
