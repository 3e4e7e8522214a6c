package org.connectverify.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Test keystores (PKCS12, password {@value #PASSWORD}), made once per test JVM with the JDK's own {@code keytool}
 * (no extra library, nothing committed that could expire): a self-signed certificate for 127.0.0.1, an expired one,
 * one for another host, and one issued by a test CA that no trust store knows, served without its issuer (the
 * "missing intermediate" case).
 */
final class TestCertificates {
  static final String PASSWORD = "changeit";

  private static TestCertificates instance;

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  static synchronized TestCertificates get() throws Exception {
    if (instance == null) {
      Path dir = Files.createTempDirectory("connect-verify-certs");
      dir.toFile().deleteOnExit();
      TestCertificates c = new TestCertificates(dir);
      c.generate();
      instance = c;
    }
    return instance;
  }

  Path selfSigned() {
    return dir.resolve("self.p12");
  }

  Path expired() {
    return dir.resolve("expired.p12");
  }

  Path wrongHost() {
    return dir.resolve("wrong-host.p12");
  }

  Path untrustedChain() {
    return dir.resolve("chain.p12");
  }

  private void generate() throws Exception {
    List<Process> independent = new ArrayList<>();
    independent.add(keyPair("self.p12", "CN=127.0.0.1", "san=ip:127.0.0.1,dns:localhost", null, "3650", "server"));
    independent.add(keyPair("expired.p12", "CN=127.0.0.1", "san=ip:127.0.0.1,dns:localhost", "-30d", "10", "server"));
    independent.add(keyPair("wrong-host.p12", "CN=wrong.example", "san=dns:wrong.example", null, "3650", "server"));
    independent.add(keyPair("ca.p12", "CN=connect-verify test CA", "bc:c", null, "3650", "ca"));
    independent.add(keyPair("chain.p12", "CN=127.0.0.1", "san=ip:127.0.0.1", null, "3650", "server"));
    for (Process p : independent) {
      await(p);
    }
    await(keytool("-certreq", "-alias", "server", "-keystore", "chain.p12", "-file", "server.csr"));
    await(keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr", "-outfile", "server.cer",
        "-ext", "san=ip:127.0.0.1", "-validity", "3650"));
    // The server then presents only its leaf, issued by a CA nobody trusts: the "missing intermediate" case.
    KeyStore chain = load(dir.resolve("chain.p12"));
    java.security.Key key = chain.getKey("server", PASSWORD.toCharArray());
    Certificate leaf;
    try (InputStream in = Files.newInputStream(dir.resolve("server.cer"))) {
      leaf = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    chain.setKeyEntry("server", key, PASSWORD.toCharArray(), new Certificate[] {leaf});
    try (java.io.OutputStream out = Files.newOutputStream(dir.resolve("chain.p12"))) {
      chain.store(out, PASSWORD.toCharArray());
    }
  }

  private Process keyPair(String file, String dname, String ext, String start, String days, String alias)
      throws IOException {
    List<String> args =
        new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
            dname, "-ext", ext, "-validity", days, "-keystore", file));
    if (start != null) {
      args.add("-startdate");
      args.add(start);
    }
    return keytool(args.toArray(String[]::new));
  }

  private Process keytool(String... args) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> cmd = new ArrayList<>();
    cmd.add(keytool.toString());
    Collections.addAll(cmd, "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto");
    Collections.addAll(cmd, args);
    Collections.addAll(cmd, "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
  }

  private static void await(Process p) throws IOException, InterruptedException {
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out);
    }
  }

  private static KeyStore load(Path p) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  /** A trust manager that trusts exactly the certificates in these keystores. */
  static X509TrustManager trusting(Path... keystores) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    int n = 0;
    for (Path p : keystores) {
      KeyStore ks = load(p);
      for (String alias : Collections.list(ks.aliases())) {
        Certificate c = ks.getCertificate(alias);
        trust.setCertificateEntry("c" + n++, c);
      }
    }
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(trust);
    for (TrustManager tm : f.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("no X509 trust manager");
  }
}
