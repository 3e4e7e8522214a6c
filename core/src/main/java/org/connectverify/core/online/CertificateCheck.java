package org.connectverify.core.online;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.http.Failure;
import org.connectverify.core.http.ProbeResult;

/**
 * The deployment answers over https with a certificate the JVM trusts, as the product requires. Self-signed, expired
 * (or not yet valid), wrong-host and otherwise untrusted certificates are distinct findings, one per host and
 * problem, at {@code /baseUrl} for the probed host or at the first URL naming another host.
 */
public final class CertificateCheck implements OnlineCheck {
  public static final Rule SELF_SIGNED =
      Rule.online(
          "online/certificate-self-signed",
          Severity.ERROR,
          "The deployment's TLS certificate is self-signed; the product refuses to talk to it.");
  public static final Rule EXPIRED =
      Rule.online(
          "online/certificate-expired",
          Severity.ERROR,
          "The deployment's TLS certificate has expired or is not valid yet; the product refuses to talk to it.");
  public static final Rule WRONG_HOST =
      Rule.online(
          "online/certificate-wrong-host",
          Severity.ERROR,
          "The deployment's TLS certificate is for another host name; the product refuses to talk to it.");
  public static final Rule UNTRUSTED =
      Rule.online(
          "online/certificate-untrusted",
          Severity.ERROR,
          "The deployment's TLS certificate does not chain to a trusted root (unknown CA, missing intermediate).");

  @Override
  public List<Rule> rules() {
    return List.of(SELF_SIGNED, EXPIRED, WRONG_HOST, UNTRUSTED);
  }

  @Override
  public void check(CheckContext ctx) {
    OnlineRun run = OnlineRun.of(ctx);
    if (run == null) {
      return;
    }
    String baseHost = Plan.hostKey(run.plan().base());
    Map<String, Target> first = new LinkedHashMap<>();
    Map<String, ProbeResult> result = new LinkedHashMap<>();
    for (Target t : run.plan().targets()) {
      ProbeResult r = run.result(t);
      if (r.failure() == null || !r.failure().certificate()) {
        continue;
      }
      String key = Plan.hostKey(r.finalUrl()) + " " + r.failure();
      first.putIfAbsent(key, t);
      result.putIfAbsent(key, r);
    }
    for (Map.Entry<String, Target> e : first.entrySet()) {
      ProbeResult r = result.get(e.getKey());
      String host = Plan.hostKey(r.finalUrl());
      Position at = host.equals(baseHost) ? ctx.at("/baseUrl") : ctx.at(e.getValue().pointer());
      String origin = originOf(r.finalUrl());
      ctx.report(rule(r.failure()), at, origin + " " + problem(r) + "; the product refuses to connect to it", hint(r.failure()));
    }
  }

  private static Rule rule(Failure f) {
    return switch (f) {
      case CERT_SELF_SIGNED -> SELF_SIGNED;
      case CERT_EXPIRED -> EXPIRED;
      case CERT_WRONG_HOST -> WRONG_HOST;
      default -> UNTRUSTED;
    };
  }

  private static String problem(ProbeResult r) {
    String detail = r.detail() == null ? "" : r.detail();
    return switch (r.failure()) {
      case CERT_SELF_SIGNED -> "presents a self-signed certificate" + (detail.isEmpty() ? "" : " (" + detail + ")");
      case CERT_EXPIRED -> "presents a certificate outside its validity period" + (detail.isEmpty() ? "" : " (" + detail + ")");
      case CERT_WRONG_HOST -> "presents a certificate for another host" + (detail.isEmpty() ? "" : " (" + detail + ")");
      default -> "presents a certificate that does not chain to a trusted root" + (detail.isEmpty() ? "" : " (" + detail + ")");
    };
  }

  private static String hint(Failure f) {
    return switch (f) {
      case CERT_SELF_SIGNED -> "serve a certificate from a public CA (e.g. Let's Encrypt); self-signed ones are for local tests only";
      case CERT_EXPIRED -> "renew the certificate and make sure renewal is automatic";
      case CERT_WRONG_HOST -> "serve a certificate whose subject alternative names include this host";
      default -> "serve the full chain (leaf and intermediates) from a CA in the standard trust stores";
    };
  }

  /** {@code https://host:port} of a URL. */
  static String originOf(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int slash = url.indexOf('/', scheme + 3);
    int query = url.indexOf('?', scheme + 3);
    int end = slash < 0 ? query : (query < 0 ? slash : Math.min(slash, query));
    return end < 0 ? url : url.substring(0, end);
  }
}
