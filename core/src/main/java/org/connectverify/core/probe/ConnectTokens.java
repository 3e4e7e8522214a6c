package org.connectverify.core.probe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Makes the JWTs a Connect host product sends, with nimbus-jose-jwt: HS256 with the tenant's shared secret for
 * requests to the app, RS256 with an install key (and its {@code kid}) for the signed {@code installed} and
 * {@code uninstalled} callbacks, and the unsigned {@code alg: none} form the probe uses as a forgery. Stateless.
 */
public final class ConnectTokens {
  private ConnectTokens() {}

  /** The claims of one token: issuer (clientKey), optional subject and audience, qsh, issued-at and expiry. */
  public record Claims(String issuer, String subject, String audience, String qsh, Instant issuedAt, Instant expires) {
    JWTClaimsSet toSet() {
      JWTClaimsSet.Builder b =
          new JWTClaimsSet.Builder()
              .issuer(issuer)
              .issueTime(Date.from(issuedAt))
              .expirationTime(Date.from(expires))
              .claim("qsh", qsh);
      if (subject != null) {
        b.subject(subject);
      }
      if (audience != null) {
        b.audience(audience);
      }
      return b.build();
    }
  }

  /** An HS256 token signed with {@code sharedSecret} (at least 32 bytes of UTF-8, as nimbus requires). */
  public static String hs256(String sharedSecret, Claims claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims.toSet());
      jwt.sign(new MACSigner(sharedSecret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign HS256 token: " + e.getMessage(), e);
    }
  }

  /** An RS256 token signed with the install key, with its {@code kid} in the header. */
  public static String rs256(InstallKeys keys, Claims claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keys.keyId()).build(),
              claims.toSet());
      jwt.sign(new RSASSASigner(keys.privateKey()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign RS256 token: " + e.getMessage(), e);
    }
  }

  /** An unsecured token ({@code {"alg":"none"}}, empty signature): must never be accepted. */
  public static String unsigned(Claims claims) {
    return new PlainJWT(claims.toSet()).serialize();
  }
}
