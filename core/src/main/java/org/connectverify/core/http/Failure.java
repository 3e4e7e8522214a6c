package org.connectverify.core.http;

/** Why a probe got no usable HTTP answer. */
public enum Failure {
  /** Connect, read or overall timeout. */
  TIMEOUT("timed out", false),
  CONNECTION_REFUSED("connection refused", false),
  /** The server closed or reset the connection before a complete answer. */
  CONNECTION_RESET("connection reset", false),
  UNKNOWN_HOST("unknown host", false),
  /** The certificate is its own issuer and the JVM does not trust it. */
  CERT_SELF_SIGNED("self-signed certificate", true),
  /** The certificate is outside its validity period (expired or not yet valid). */
  CERT_EXPIRED("certificate expired or not yet valid", true),
  /** The certificate does not name the host. */
  CERT_WRONG_HOST("certificate for another host", true),
  /** The chain does not lead to a root the JVM trusts (unknown CA, missing intermediate). */
  CERT_UNTRUSTED("untrusted certificate", true),
  /** Any other TLS handshake failure (protocol or cipher mismatch, ...). */
  TLS("TLS handshake failed", false),
  TOO_MANY_REDIRECTS("too many redirects", false),
  /** A redirect without a usable Location, or to a scheme other than http and https. */
  BAD_REDIRECT("bad redirect", false),
  /** The URL is not an absolute http or https URL; nothing was sent. */
  UNSUPPORTED_URL("not an http or https URL", false),
  /** Any other I/O failure. */
  IO("I/O error", false);

  private final String label;
  private final boolean certificate;

  Failure(String label, boolean certificate) {
    this.label = label;
    this.certificate = certificate;
  }

  /** A few words for messages, e.g. {@code connection refused}. */
  public String label() {
    return label;
  }

  /** True for certificate problems (reported once per host by the certificate rules). */
  public boolean certificate() {
    return certificate;
  }

  /** True when the failure is about reaching the server at all (worth one retry). */
  public boolean transientConnection() {
    return this == TIMEOUT || this == CONNECTION_REFUSED || this == CONNECTION_RESET || this == IO;
  }
}
