package org.connectverify.probeit.mini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.connectverify.core.probe.Qsh;

/**
 * A small Connect app on the JDK HTTP server, correct by default (signed installs checked against the key server,
 * HS256 tokens with qsh, exp and tenant checks), with one deliberate flaw switched on to show that the probe catches
 * it. Loopback only; for tests.
 */
public final class MiniConnectApp implements AutoCloseable {
  /** The deliberate flaw, or NONE for a correct app. */
  public enum Flaw {
    NONE,
    /** Keeps the first shared secret of a tenant forever (seed 001). */
    STORES_SECRET_ONLY_ON_FIRST_INSTALL,
    /** A refactored qsh check that no longer upper-cases the method, so every real token fails (seed 000). */
    REJECTS_EVERY_TOKEN,
    /** Answers the reinstall first and swaps the secret in a second later, like a write-behind cache (seed 003). */
    NON_ATOMIC_ROTATION,
    /** Takes an installed callback without any token as genuine. */
    ACCEPTS_UNSIGNED_INSTALL,
    /** Takes tokens with alg: none without checking a signature. */
    ACCEPTS_ALG_NONE
  }

  /** How the app speaks HTTP; the probe's verdicts must not depend on it. */
  public enum Transport {
    /** The JDK HTTP server: HTTP/1.1 with keep-alive. */
    HTTP_1_1,
    /**
     * An HTTP/1.0 server without keep-alive, like Python's {@code http.server}: it answers with {@code HTTP/1.0}, sends
     * no {@code Connection} header and closes the connection after each answer.
     */
    HTTP_1_0,
    /** HTTP/1.1 with keep-alive, but a connection idle for 30 ms is closed without a word (like many proxies). */
    HTTP_1_1_CLOSING_IDLE
  }

  /** One request as the app sees it, whatever the transport. */
  private record Req(String method, URI uri, String authorization, byte[] body) {}

  private static final class Tenant {
    volatile String secret;
    volatile boolean installed;

    Tenant(String secret) {
      this.secret = secret;
      this.installed = true;
    }
  }

  private final Flaw flaw;
  private final String keyBaseUrl;
  private final HttpServer server;
  private final ServerSocket raw;
  private final Transport transport;
  private final ExecutorService executor = Executors.newFixedThreadPool(24);
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final HttpClient keys = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  /** Every secret and token the app was sent, so tests can check none of them leaks into a report. */
  private final Set<String> seenSecrets = ConcurrentHashMap.newKeySet();

  private MiniConnectApp(Flaw flaw, String keyBaseUrl, Transport transport) throws IOException {
    this.flaw = flaw;
    this.keyBaseUrl = keyBaseUrl;
    this.transport = transport;
    if (transport == Transport.HTTP_1_1) {
      this.raw = null;
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.createContext("/", this::handle);
      server.setExecutor(executor);
      server.start();
    } else {
      this.server = null;
      this.raw = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::acceptLoop, "mini-app-raw-" + transport);
      acceptor.setDaemon(true);
      acceptor.start();
    }
  }

  /** Starts the app on a free loopback port; it fetches install keys from {@code keyBaseUrl}/kid. */
  public static MiniConnectApp start(Flaw flaw, String keyBaseUrl) throws IOException {
    return new MiniConnectApp(flaw, keyBaseUrl, Transport.HTTP_1_1);
  }

  /** Like {@link #start(Flaw, String)}, speaking HTTP as {@code transport} says. */
  public static MiniConnectApp start(Flaw flaw, String keyBaseUrl, Transport transport) throws IOException {
    return new MiniConnectApp(flaw, keyBaseUrl, transport);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + (server != null ? server.getAddress().getPort() : raw.getLocalPort());
  }

  /** Connections accepted by the raw transports (0 for the JDK server, which does not say). */
  public int connections() {
    return connections.get();
  }

  private final AtomicInteger connections = new AtomicInteger();

  private void acceptLoop() {
    while (!raw.isClosed()) {
      Socket s;
      try {
        s = raw.accept();
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      try {
        executor.execute(() -> serve(s));
      } catch (RuntimeException e) {
        closeQuietly(s);
      }
    }
  }

  /** Answers requests on one raw connection: one for HTTP/1.0, until the connection idles for HTTP/1.1. */
  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      for (int served = 0; ; served++) {
        // a kept-alive connection idle for 30 ms after an answer is closed without a word (a fresh connection gets
        // its first request in the usual time, as from an idle-timeout proxy)
        if (transport == Transport.HTTP_1_1_CLOSING_IDLE && served > 0) {
          s.setSoTimeout(30);
          in.mark(1);
          try {
            if (in.read() < 0) {
              return;
            }
          } catch (SocketTimeoutException idle) {
            return; // closed without a word, as an idle-timeout proxy does
          }
          in.reset();
        }
        s.setSoTimeout(5000);
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        String[] parts = requestLine.split(" ");
        String authorization = null;
        int length = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          int colon = h.indexOf(':');
          String name = h.substring(0, colon).trim();
          String value = h.substring(colon + 1).trim();
          if (name.equalsIgnoreCase("Authorization")) {
            authorization = value;
          } else if (name.equalsIgnoreCase("Content-Length")) {
            length = Integer.parseInt(value);
          }
        }
        byte[] body = in.readNBytes(length);
        String[] answer = respond(new Req(parts[0], URI.create(parts[1]), authorization, body));
        int status = Integer.parseInt(answer[0]);
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        String version = transport == Transport.HTTP_1_0 ? "HTTP/1.0" : "HTTP/1.1";
        String head = version + " " + status + " X\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
            + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        if (transport == Transport.HTTP_1_0) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the connection is gone; the client sees no answer
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return c < 0 && b.length() == 0 ? null : b.toString();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  public Set<String> seenSecrets() {
    return seenSecrets;
  }

  private String descriptor() {
    return """
        {
          "key": "mini-connect-app",
          "name": "Mini Connect app",
          "baseUrl": "%s",
          "authentication": {"type": "jwt"},
          "lifecycle": {"installed": "/installed", "uninstalled": "/uninstalled"},
          "apiMigrations": {"signed-install": true, "context-qsh": true, "gdpr": true},
          "scopes": ["READ"],
          "modules": {
            "generalPages": [
              {"key": "mini-page", "name": {"value": "Mini"}, "url": "/page?issueKey={issue.key}"}
            ],
            "webhooks": [{"event": "jira:issue_created", "url": "/webhook"}]
          }
        }
        """
        .formatted(baseUrl());
  }

  /** The app's logic: status and body for one request, whatever the transport. */
  private String[] respond(Req ex) {
    try {
      String path = ex.uri().getPath();
      String method = ex.method();
      int status;
      String body = "";
      if (method.equals("GET") && path.equals("/atlassian-connect.json")) {
        status = 200;
        body = descriptor();
      } else if (method.equals("POST") && path.equals("/installed")) {
        status = installed(ex);
      } else if (method.equals("POST") && path.equals("/uninstalled")) {
        status = uninstalled(ex);
      } else if ((method.equals("GET") && path.equals("/page")) || (method.equals("POST") && path.equals("/webhook"))) {
        status = authenticate(ex) ? (method.equals("GET") ? 200 : 204) : 401;
        body = status == 200 ? "<p>mini page</p>" : "";
      } else {
        status = 404;
      }
      return new String[] {String.valueOf(status), body};
    } catch (IOException | RuntimeException e) {
      return new String[] {"500", ""};
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String[] answer =
          respond(new Req(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders().getFirst("Authorization"),
              ex.getRequestBody().readAllBytes()));
      int status = Integer.parseInt(answer[0]);
      String body = answer[1];
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0 && status != 204) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (RuntimeException e) {
      ex.sendResponseHeaders(500, -1);
    }
  }

  private static String token(Req ex) {
    String auth = ex.authorization();
    if (auth != null && auth.startsWith("JWT ")) {
      return auth.substring(4);
    }
    for (Map.Entry<String, String> p : Qsh.parseQuery(ex.uri().getRawQuery())) {
      if (p.getKey().equals("jwt")) {
        return p.getValue();
      }
    }
    return null;
  }

  /** Claims of an RS256 install token that verifies against the published key, or null. */
  private JWTClaimsSet verifyInstallToken(Req ex, String token) {
    try {
      JWSObject jws = JWSObject.parse(token);
      if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm()) || jws.getHeader().getKeyID() == null) {
        return null;
      }
      HttpResponse<String> key =
          keys.send(
              HttpRequest.newBuilder(URI.create(keyBaseUrl + "/" + jws.getHeader().getKeyID())).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (key.statusCode() != 200) {
        return null;
      }
      String b64 = key.body().replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
          .replaceAll("\\s", "");
      RSAPublicKey pub =
          (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
      if (!jws.verify(new RSASSAVerifier(pub))) {
        return null;
      }
      JWTClaimsSet claims = JWTClaimsSet.parse(jws.getPayload().toJSONObject());
      boolean fresh = claims.getExpirationTime() != null && claims.getExpirationTime().after(new Date());
      boolean audience = claims.getAudience() != null && claims.getAudience().equals(List.of(baseUrl()));
      boolean qsh = Qsh.of(ex.method(), ex.uri(), "").equals(claims.getClaim("qsh"));
      return fresh && audience && qsh ? claims : null;
    } catch (Exception e) {
      return null;
    }
  }

  private int installed(Req ex) throws IOException {
    JsonNode payload = json.readTree(ex.body());
    String clientKey = payload.path("clientKey").asText();
    String secret = payload.path("sharedSecret").asText();
    seenSecrets.add(secret);
    String token = token(ex);
    if (token == null) {
      if (flaw != Flaw.ACCEPTS_UNSIGNED_INSTALL) {
        return 401;
      }
    } else {
      seenSecrets.add(token);
      JWTClaimsSet claims = verifyInstallToken(ex, token);
      if (claims == null || !clientKey.equals(claims.getIssuer())) {
        return 401;
      }
    }
    Tenant existing = tenants.get(clientKey);
    if (existing == null) {
      tenants.put(clientKey, new Tenant(secret));
    } else if (flaw == Flaw.STORES_SECRET_ONLY_ON_FIRST_INSTALL) {
      existing.installed = true;
    } else if (flaw == Flaw.NON_ATOMIC_ROTATION) {
      existing.installed = true;
      later.schedule(() -> {
        existing.secret = secret;
      }, 1000, TimeUnit.MILLISECONDS);
    } else {
      existing.secret = secret;
      existing.installed = true;
    }
    return 204;
  }

  private int uninstalled(Req ex) throws IOException {
    JsonNode payload = json.readTree(ex.body());
    String token = token(ex);
    JWTClaimsSet claims = token == null ? null : verifyInstallToken(ex, token);
    if (claims == null || !payload.path("clientKey").asText().equals(claims.getIssuer())) {
      return 401;
    }
    Tenant t = tenants.get(claims.getIssuer());
    if (t != null) {
      t.installed = false;
    }
    return 204;
  }

  /** HS256 with the tenant's secret, exp, qsh over the request without jwt; the flaws bend exactly one of these. */
  private boolean authenticate(Req ex) {
    String token = token(ex);
    if (token == null) {
      return false;
    }
    seenSecrets.add(token);
    try {
      JWTClaimsSet claims;
      if (token.split("\\.", -1).length == 3 && token.endsWith(".") && flaw == Flaw.ACCEPTS_ALG_NONE) {
        claims = PlainJWT.parse(token).getJWTClaimsSet();
      } else {
        JWSObject jws = JWSObject.parse(token);
        if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm())) {
          return false;
        }
        claims = JWTClaimsSet.parse(jws.getPayload().toJSONObject());
        Tenant t = tenants.get(claims.getIssuer());
        if (t == null || !jws.verify(new MACVerifier(t.secret.getBytes(StandardCharsets.UTF_8)))) {
          return false;
        }
      }
      Tenant t = tenants.get(claims.getIssuer());
      if (t == null || !t.installed) {
        return false;
      }
      if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
        return false;
      }
      String canonical = Qsh.canonicalRequest(ex.method(), ex.uri(), "");
      if (flaw == Flaw.REJECTS_EVERY_TOKEN) {
        // the "harmless" refactor: the method is no longer upper-cased before hashing
        canonical = ex.method().toLowerCase(java.util.Locale.ROOT)
            + canonical.substring(ex.method().length());
      }
      String expected = Qsh.hash(canonical);
      return expected.equals(claims.getClaim("qsh"));
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    } else {
      try {
        raw.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    executor.shutdownNow();
    later.shutdownNow();
  }
}
