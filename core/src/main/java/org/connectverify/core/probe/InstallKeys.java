package org.connectverify.core.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * An RSA install key as the product uses for signed installs: the private half signs, the public half is published
 * as PEM under its key id ({@code kid}), where the app fetches it ({@code <public-key-base-url>/<kid>}).
 */
public final class InstallKeys {
  private final String keyId;
  private final RSAPrivateKey privateKey;
  private final String publicKeyPem;

  private InstallKeys(String keyId, RSAPrivateKey privateKey, String publicKeyPem) {
    this.keyId = Objects.requireNonNull(keyId);
    this.privateKey = Objects.requireNonNull(privateKey);
    this.publicKeyPem = publicKeyPem;
  }

  /** A fresh 2048-bit key pair under {@code keyId}. */
  public static InstallKeys generate(String keyId) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      KeyPair pair = g.generateKeyPair();
      return new InstallKeys(keyId, (RSAPrivateKey) pair.getPrivate(), pem(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an RSA key pair: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an unencrypted PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}) whose public half is published
   * elsewhere under {@code keyId}.
   *
   * @throws IllegalArgumentException with a one-line reason when the file is not such a key
   */
  public static InstallKeys fromPemFile(Path file, String keyId) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("ENCRYPTED")) {
      throw new IllegalArgumentException(
          file + ": not an unencrypted PKCS#8 key; convert it with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem'");
    }
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(file + ": no '-----BEGIN PRIVATE KEY-----' block (PKCS#8 PEM expected)");
    }
    String body = text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateKey key = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      String publicPem = null;
      if (key instanceof RSAPrivateCrtKey crt) {
        publicPem =
            pem(rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())).getEncoded());
      }
      return new InstallKeys(keyId, key, publicPem);
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(file + ": not a readable RSA private key (" + e.getMessage() + ")");
    }
  }

  public String keyId() {
    return keyId;
  }

  RSAPrivateKey privateKey() {
    return privateKey;
  }

  /** The public half as an X.509 PEM block, as the product's key service serves it; null when unknown. */
  public String publicKeyPem() {
    return publicKeyPem;
  }

  private static String pem(byte[] der) {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }

  @Override
  public String toString() {
    return "InstallKeys[" + keyId + "]";
  }
}
