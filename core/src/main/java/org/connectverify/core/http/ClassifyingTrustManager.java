package org.connectverify.core.http;

import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.KeyStoreException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly what the underlying trust manager trusts, and also refuses a leaf certificate outside its validity
 * period (the JDK skips that check when the leaf itself is a trust anchor). When it refuses, it says why in a
 * {@link CertificateProblem}, so the prober can tell a self-signed certificate from an expired one or an unknown
 * issuer instead of parsing exception messages.
 */
final class ClassifyingTrustManager implements X509TrustManager {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final X509TrustManager delegate;

  ClassifyingTrustManager(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  /** The JVM's default trust manager (honours {@code javax.net.ssl.trustStore}). */
  static X509TrustManager jvmDefault() {
    try {
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init((KeyStore) null);
      for (TrustManager tm : f.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("the JVM has no X509 trust manager");
    } catch (NoSuchAlgorithmException | KeyStoreException e) {
      throw new IllegalStateException("cannot load the JVM trust store: " + e.getMessage(), e);
    }
  }

  /** Why a certificate chain was refused. */
  static final class CertificateProblem extends CertificateException {
    private static final long serialVersionUID = 1L;
    private final Failure kind;

    CertificateProblem(Failure kind, String detail, Throwable cause) {
      super(detail, cause);
      this.kind = kind;
    }

    Failure kind() {
      return kind;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw classify(chain, e);
    }
    CertificateProblem validity = validity(chain, null);
    if (validity != null) {
      throw validity;
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  static CertificateProblem classify(X509Certificate[] chain, CertificateException e) {
    if (chain == null || chain.length == 0) {
      return new CertificateProblem(Failure.CERT_UNTRUSTED, "the server sent no certificate", e);
    }
    CertificateProblem validity = validity(chain, e);
    if (validity != null) {
      return validity;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
        return new CertificateProblem(
            Failure.CERT_EXPIRED, "a certificate in the chain is outside its validity period", e);
      }
    }
    X509Certificate leaf = chain[0];
    String subject = leaf.getSubjectX500Principal().getName();
    if (chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
      return new CertificateProblem(Failure.CERT_SELF_SIGNED, subject, e);
    }
    X509Certificate top = chain[chain.length - 1];
    boolean rootSent = top.getSubjectX500Principal().equals(top.getIssuerX500Principal());
    String issuer = top.getIssuerX500Principal().getName();
    return new CertificateProblem(
        Failure.CERT_UNTRUSTED,
        rootSent
            ? subject + ", chained to root " + issuer
            : subject + ", issued by " + issuer + "; an intermediate certificate may be missing from the chain",
        e);
  }

  private static CertificateProblem validity(X509Certificate[] chain, Throwable cause) {
    X509Certificate leaf = chain[0];
    try {
      leaf.checkValidity();
      return null;
    } catch (CertificateExpiredException x) {
      return new CertificateProblem(
          Failure.CERT_EXPIRED, "expired on " + DAY.format(leaf.getNotAfter().toInstant()), cause);
    } catch (CertificateNotYetValidException x) {
      return new CertificateProblem(
          Failure.CERT_EXPIRED,
          "not valid before " + DAY.format(leaf.getNotBefore().toInstant()),
          cause);
    }
  }
}
