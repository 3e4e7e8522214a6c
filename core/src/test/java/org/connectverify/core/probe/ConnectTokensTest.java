package org.connectverify.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectTokensTest {
  private final Instant now = Instant.now();
  private final ConnectTokens.Claims claims =
      new ConnectTokens.Claims("client-key", "user-1", "https://app.example.com", "abc", now, now.plusSeconds(180));

  private static RSAPublicKey fromPem(String pem) throws Exception {
    String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
        .replaceAll("\\s", "");
    return (RSAPublicKey) KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
  }

  @Test
  void hs256TokensVerifyWithTheSharedSecretOnly() throws Exception {
    String secret = Probe.newSecret();
    assertEquals(64, secret.length());
    SignedJWT jwt = SignedJWT.parse(ConnectTokens.hs256(secret, claims));
    assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
    assertTrue(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8))));
    assertFalse(jwt.verify(new MACVerifier(Probe.newSecret().getBytes(StandardCharsets.UTF_8))));
    assertEquals("client-key", jwt.getJWTClaimsSet().getIssuer());
    assertEquals("user-1", jwt.getJWTClaimsSet().getSubject());
    assertEquals("abc", jwt.getJWTClaimsSet().getClaim("qsh"));
    assertEquals(now.getEpochSecond() + 180, jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond());
  }

  @Test
  void rs256TokensCarryTheKidAndVerifyWithThePublishedPem() throws Exception {
    InstallKeys keys = InstallKeys.generate("kid-1");
    SignedJWT jwt = SignedJWT.parse(ConnectTokens.rs256(keys, claims));
    assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
    assertEquals("kid-1", jwt.getHeader().getKeyID());
    assertEquals(List.of("https://app.example.com"), jwt.getJWTClaimsSet().getAudience());
    assertTrue(jwt.verify(new RSASSAVerifier(fromPem(keys.publicKeyPem()))));
    assertFalse(jwt.verify(new RSASSAVerifier(fromPem(InstallKeys.generate("other").publicKeyPem()))));
  }

  @Test
  void unsignedTokensSayAlgNoneAndHaveNoSignature() throws Exception {
    String token = ConnectTokens.unsigned(claims);
    assertTrue(token.endsWith("."), token);
    assertTrue(JWTParser.parse(token) instanceof PlainJWT);
  }

  @Test
  void readsAPkcs8SigningKeyAndDerivesItsPublicHalf(@TempDir Path dir) throws Exception {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    java.security.KeyPair pair = g.generateKeyPair();
    Path pem = dir.resolve("staging-key.pem");
    Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    InstallKeys keys = InstallKeys.fromPemFile(pem, "staging-key");
    SignedJWT jwt = SignedJWT.parse(ConnectTokens.rs256(keys, claims));
    assertTrue(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic())));
    assertTrue(jwt.verify(new RSASSAVerifier(fromPem(keys.publicKeyPem()))));

    Path pkcs1 = dir.resolve("old.pem");
    Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InstallKeys.fromPemFile(pkcs1, "old"));
    assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
  }

  @Test
  void keyServerServesPublishedKeysOnLoopbackAndCountsLookups() throws Exception {
    InstallKeys keys = InstallKeys.generate("kid-served");
    try (KeyServer server = KeyServer.start(0)) {
      server.publish(keys);
      assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"));
      String pem;
      try (InputStream in = new URL(server.baseUrl() + "/kid-served").openStream()) {
        pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      }
      assertEquals(keys.publicKeyPem(), pem);
      java.net.HttpURLConnection missing =
          (java.net.HttpURLConnection) URI.create(server.baseUrl() + "/kid-unknown").toURL().openConnection();
      assertEquals(404, missing.getResponseCode());
      assertEquals(1, server.fetches());
      assertEquals(1, server.misses());
    }
  }
}
