package org.connectverify.core.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.connectverify.core.Descriptor;
import org.connectverify.core.DescriptorLoader;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.Position;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.Version;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.http.Deployment;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.text.Strings;

/**
 * Acts as the host product against a running app: installs a synthetic tenant with a signed install, calls every page
 * and webhook signed as the product signs them, tries forged tokens and forged installs, rotates the shared secret
 * (alone and under concurrent load) and finally uninstalls. Every deviation becomes a {@code probe/*} finding in an
 * ordinary {@link Report}; timings and context go into the report's notes. Never puts a secret or token into the
 * report.
 *
 * <p>Made once per run with {@link #create(ProbeOptions)}; {@link #run()} may be called once.
 */
public final class Probe {
  private final ProbeOptions options;
  private final Function<ProbeOptions, ProbeHttp> httpFactory;
  /** The run in progress, for the shutdown hook. */
  private volatile Run running;

  /** How long an interrupted probe waits for its uninstall before it gives up and says so. */
  static final long ABORT_BOUND_MILLIS = 10_000;

  private Probe(ProbeOptions options, Function<ProbeOptions, ProbeHttp> httpFactory) {
    this.options = Objects.requireNonNull(options);
    this.httpFactory = Objects.requireNonNull(httpFactory);
  }

  /** A probe that talks HTTP through one OkHttp client made for the run. */
  public static Probe create(ProbeOptions options) {
    return new Probe(
        options,
        o -> new OkHttpProbeHttp(Duration.ofSeconds(5), o.installTimeout(), o.concurrency(),
            Deployment.of(TargetGuard.check(o.baseUrl(), o.confirmStaging()).toString())));
  }

  /** A probe that talks HTTP through {@code httpFactory}'s client (called once per run, closed at its end). */
  public static Probe create(ProbeOptions options, Function<ProbeOptions, ProbeHttp> httpFactory) {
    return new Probe(options, httpFactory);
  }

  /**
   * Probes the app.
   *
   * @throws InputException when the target is refused (not loopback without {@code --confirm-staging}, an Atlassian
   *     host), the descriptor cannot be read or fetched, or it declares nothing the probe can exercise
   */
  public Report run() throws InputException {
    URI base;
    try {
      base = TargetGuard.check(options.baseUrl(), options.confirmStaging());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
    try (ProbeHttp http = httpFactory.apply(options)) {
      Loaded loaded = load(http, base);
      List<Finding> readProblems = new java.util.ArrayList<>(loaded.read.parsed().findings());
      readProblems.addAll(loaded.read.findings());
      Descriptor read = loaded.read.descriptor();
      if (read == null || !read.root().isObject()) {
        return report(loaded.display, null, null, readProblems, List.of("the descriptor could not be read; nothing was probed"));
      }
      if (!read.origin().connect()) {
        return report(
            loaded.display, null, null, readProblems,
            List.of(read.productReason() + ": there are no Connect modules, so nothing was probed"));
      }
      Descriptor descriptor =
          new Descriptor(loaded.display, loaded.path, read.root(), read.sourceMap(),
              options.common().product(), "probe", read.origin());
      ProbeTarget target = ProbeTarget.of(descriptor);
      if (target.authenticationType().equals("none")) {
        throw new InputException(
            loaded.display + ": authentication.type is none: the product signs nothing for this app, so there is"
                + " nothing to probe");
      }
      if (target.installedPath() == null) {
        throw new InputException(
            loaded.display + ": no lifecycle.installed callback: the product could not hand this app a shared"
                + " secret, so there is nothing to probe");
      }
      InstallKeys keys = signingKeys();
      KeyServer server = null;
      try {
        if (options.signingKey() == null || options.keyServerPort() != 0) {
          server = startKeyServer(keys);
        }
        Run run = new Run(http, base, target, keys, server);
        running = run;
        Thread hook = new Thread(this::interrupt, "connect-verify-probe-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          run.execute();
        } finally {
          running = null;
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting (SIGINT, SIGTERM): the hook runs and uninstalls if the run did not get to it
          }
        }
        List<Finding> findings = new ArrayList<>(readProblems);
        findings.addAll(run.findings);
        return report(loaded.display, target, base, findings, run.notes);
      } finally {
        if (server != null) {
          server.close();
        }
      }
    }
  }

  /**
   * What the JVM shutdown hook does on SIGINT or SIGTERM during a run: sends the signed uninstall of the synthetic
   * tenant unless the run already did (waiting at most {@link #ABORT_BOUND_MILLIS}), and tells
   * {@link ProbeOptions#onInterrupt()} the outcome in one line; a failed or unfinished uninstall is a
   * {@code probe/uninstall-failed} finding line naming the tenant.
   */
  void interrupt() {
    Run run = running;
    if (run != null) {
      run.abort(options.onInterrupt());
    }
  }

  private InstallKeys signingKeys() throws InputException {
    if (options.signingKey() == null) {
      return InstallKeys.generate("connect-verify-probe-" + hex(8));
    }
    Path file = options.signingKey();
    String kid = options.keyId();
    if (kid == null) {
      String name = file.getFileName().toString();
      kid = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }
    try {
      return InstallKeys.fromPemFile(file, kid);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the signing key: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  private KeyServer startKeyServer(InstallKeys keys) throws InputException {
    try {
      KeyServer server = KeyServer.start(options.keyServerPort());
      if (keys.publicKeyPem() != null) {
        server.publish(keys);
      }
      return server;
    } catch (IOException e) {
      throw new InputException(
          "cannot start the install-key server on 127.0.0.1:" + options.keyServerPort() + ": " + e.getMessage(), e);
    }
  }

  /** The descriptor as read (from a descriptor or a manifest, templated as verify reads it). */
  private record Loaded(String display, Path path, DescriptorLoader.Loaded read) {}

  private Loaded load(ProbeHttp http, URI base) throws InputException {
    DescriptorLoader loader = DescriptorLoader.create(options.common());
    Path file = options.descriptor();
    if (file != null) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new InputException(file + ": cannot read: " + e.getMessage(), e);
      }
      String display = displayPath(file);
      return new Loaded(display, file, loader.load(file, display, bytes));
    }
    URI url = URI.create(base + "/atlassian-connect.json");
    ProbeHttp.Response r;
    try {
      r = http.send(ProbeHttp.Request.get(url, Map.of("Accept", "application/json")));
    } catch (IOException e) {
      throw new InputException("cannot fetch the descriptor from " + url + ": " + describe(e)
          + " (is the app running? or pass the descriptor file)", e);
    }
    if (r.status() != 200) {
      throw new InputException(
          "cannot fetch the descriptor from " + url + ": HTTP " + r.status() + " (pass the descriptor file instead)");
    }
    return new Loaded(url.toString(), null, loader.load(null, url.toString(), r.body()));
  }

  private String displayPath(Path file) {
    return Strings.displayPath(file, options.common().baseDir());
  }

  private Report report(
      String display, ProbeTarget target, URI base, List<Finding> findings, List<String> notes) {
    VerifyOptions common = options.common();
    List<Finding> out = common.effective(findings);
    List<Report.Checked> checked =
        List.of(
            new Report.Checked(
                display,
                target == null ? null : target.product(),
                target == null ? null : "probed the app at " + base + " as a " + target.product().label() + " tenant",
                target == null ? null : target.appKey()));
    return new Report(Version.get(), checked, out, common.failOn(), notes);
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long a reinstalled secret may take to work before it counts as not stored (seed 001). */
  static final long SETTLE_NANOS = 3_000_000_000L;

  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A fresh shared secret: 48 random bytes, base64url (64 characters), like the product's. */
  static String newSecret() {
    byte[] b = new byte[48];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof ProbeHttp.NoAnswer n) {
      return (n.delivered() ? "sent, but no answer: " : "not sent, the connection failed first: ") + m;
    }
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  /** The forged requests every endpoint must refuse. */
  enum Forgery {
    MISSING_TOKEN(ProbeRules.ACCEPTS_MISSING_TOKEN, "no token at all",
        "require a JWT on every route the descriptor declares"),
    WRONG_SECRET(ProbeRules.ACCEPTS_WRONG_SECRET, "a token signed with a secret that is not the tenant's",
        "verify the HS256 signature with the shared secret stored for the token's iss"),
    ALG_NONE(ProbeRules.ACCEPTS_ALG_NONE, "an unsigned token (alg: none)",
        "accept only HS256 from the product and reject every other alg before reading claims"),
    EXPIRED(ProbeRules.ACCEPTS_EXPIRED_TOKEN, "a token that expired ten minutes ago",
        "check exp (allow seconds of clock skew, not minutes)"),
    WRONG_QSH(ProbeRules.ACCEPTS_WRONG_QSH, "a token whose qsh hashes a different request",
        "compare the qsh claim with the hash of the incoming method, path and query"),
    UNKNOWN_ISSUER(ProbeRules.ACCEPTS_UNKNOWN_ISSUER, "a token from a clientKey that was never installed",
        "refuse tokens whose iss has no installed tenant");

    final Rule rule;
    final String what;
    final String hint;

    Forgery(Rule rule, String what, String hint) {
      this.rule = rule;
      this.what = what;
      this.hint = hint;
    }
  }

  /** One probe run's state: the synthetic tenant, its current secret, the findings and notes. */
  private final class Run {
    private final ProbeHttp http;
    private final URI base;
    private final ProbeTarget target;
    private final InstallKeys keys;
    private final KeyServer keyServer;
    private final String clientKey = "connect-verify-probe-" + hex(6);
    private final String hostBaseUrl;
    private final Deployment deployment;
    /** The target's endpoints that can be requested on the deployment (the others are findings). */
    private final List<ProbeTarget.Endpoint> endpoints = new ArrayList<>();
    private boolean uninstallUsable;
    private final ObjectMapper json = new ObjectMapper();
    final List<Finding> findings = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> oddRefusals = new TreeMap<>();
    /** Endpoints that accepted a correctly signed request: the ones later steps use. */
    private final List<ProbeTarget.Endpoint> working = new ArrayList<>();
    /** The secret the app is believed to hold for the tenant (null before a successful install). */
    private String current;
    private boolean everInstalled;
    /** The install was sent (the app may hold the tenant even if the answer never came). */
    private volatile boolean installSent;
    /** Whoever sends the uninstall first (the run's end or an interrupt) claims it; it is sent once. */
    private final java.util.concurrent.atomic.AtomicBoolean uninstallClaimed =
        new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CountDownLatch uninstallDone = new java.util.concurrent.CountDownLatch(1);
    private volatile String uninstallNote;
    private volatile boolean uninstalled;

    Run(ProbeHttp http, URI base, ProbeTarget target, InstallKeys keys, KeyServer keyServer) {
      this.http = http;
      this.base = base;
      this.target = target;
      this.keys = keys;
      this.keyServer = keyServer;
      this.deployment = Deployment.of(base.toString());
      this.hostBaseUrl =
          "https://" + clientKey + ".invalid" + (target.product() == Product.CONFLUENCE ? "/wiki" : "");
    }

    void execute() {
      notes.add("synthetic tenant " + clientKey + " (" + target.product().label() + "); install key id "
          + keys.keyId() + (keyServer == null ? " (published by you)" : " served at " + keyServer.baseUrl()));
      String declared = target.descriptor().root().path("baseUrl").asText("").replaceAll("/+$", "");
      if (!declared.isEmpty() && !declared.equals(base.toString())) {
        notes.add("the descriptor's baseUrl is " + declared + ", not " + base + "; the probe sends requests and aud to "
            + base + ", while apps compare aud with their own baseUrl");
      }
      if (!target.signedInstall()) {
        notes.add("the descriptor does not set apiMigrations.signed-install: true; the product signs installs with"
            + " RS256 regardless, and so does the probe");
      }
      for (String s : target.skipped()) {
        notes.add("not probed: " + s);
      }
      boolean installUsable = usable(target.installedPath(), "/lifecycle/installed");
      uninstallUsable = target.uninstalledPath() != null && usable(target.uninstalledPath(), "/lifecycle/uninstalled");
      for (ProbeTarget.Endpoint e : target.endpoints()) {
        if (usable(e.pathAndQuery(), e.pointer())) {
          endpoints.add(e);
        }
      }
      if (!installUsable) {
        notes.add("nothing was sent: the installed callback cannot be requested on " + base);
        return;
      }
      if (target.endpoints().isEmpty()) {
        notes.add("the descriptor declares no page module or webhook with a relative url; only the lifecycle was"
            + " probed");
      }
      try {
        String secret = newSecret();
        if (!install(secret, "install")) {
          return;
        }
        current = secret;
        everInstalled = true;
        signedRequests();
        forgedRequests();
        forgedInstalls();
        if (rotate()) {
          rotateUnderLoad();
        }
      } finally {
        uninstall();
        if (!oddRefusals.isEmpty()) {
          List<String> odd = new ArrayList<>();
          oddRefusals.forEach((k, v) -> odd.add(k + (v > 1 ? " (x" + v + ")" : "")));
          notes.add("refused, but not with 401/403 (401 or 403 is the clearer answer): " + String.join("; ", odd));
        }
        if (keyServer != null) {
          notes.add("the app fetched the published install key " + keyServer.fetches() + " time(s) and asked for"
              + " unpublished keys " + keyServer.misses() + " time(s)");
        }
      }
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    private Position installedAt() {
      return target.descriptor().position("/lifecycle/installed");
    }

    private byte[] lifecyclePayload(String eventType, String secret) {
      ObjectNode p = json.createObjectNode();
      p.put("key", target.appKey());
      p.put("clientKey", clientKey);
      p.put("publicKey", "");
      if (secret != null) {
        p.put("sharedSecret", secret);
      }
      p.put("serverVersion", "100000");
      p.put("pluginsVersion", "1001.0.0-connect-verify-probe");
      p.put("baseUrl", hostBaseUrl);
      p.put("displayUrl", hostBaseUrl);
      p.put("productType", target.product().label());
      p.put("description", "connect-verify probe tenant (synthetic, removed at the end of the run)");
      p.put("eventType", eventType);
      try {
        return json.writeValueAsBytes(p);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * The request URI for a descriptor URL, resolved by {@link Deployment} (never by pasting text onto the base).
     * Only called for URLs that {@link #usable} accepted.
     */
    private URI uri(String pathAndQuery) {
      try {
        return deployment.resolve(pathAndQuery);
      } catch (Deployment.Refused e) {
        throw new IllegalStateException("checked before: " + e.getMessage(), e);
      }
    }

    /** True when {@code ref} can be requested on the deployment; otherwise a finding at {@code pointer}. */
    private boolean usable(String ref, String pointer) {
      try {
        deployment.resolve(ref);
        return true;
      } catch (Deployment.Refused e) {
        report(ProbeRules.URL_NOT_PROBED, target.descriptor().position(pointer),
            e.getMessage() + ": nothing was sent to it, and the checks that need it did not run",
            "write a path below the baseUrl that starts with '/', e.g. \"/installed\"; the probe never sends a request"
                + " (or a secret) anywhere but the deployment under test");
        return false;
      }
    }

    private String qsh(String method, URI uri) {
      return Qsh.of(method, uri, base.getRawPath());
    }

    /** Sends the {@code installed} callback signed with {@code signer} (null: unsigned). */
    private ProbeHttp.Response lifecycle(String path, String eventType, String secret, InstallKeys signer)
        throws IOException {
      URI uri = uri(path);
      Map<String, String> headers = new LinkedHashMap<>();
      if (signer != null) {
        Instant now = Instant.now();
        String token =
            ConnectTokens.rs256(
                signer,
                new ConnectTokens.Claims(clientKey, null, base.toString(), qsh("POST", uri), now, now.plusSeconds(180)));
        headers.put("Authorization", "JWT " + token);
      }
      return http.send(ProbeHttp.Request.postJson(uri, headers, lifecyclePayload(eventType, secret)));
    }

    /** A signed install with {@code secret}; true when the app answered 200 or 204 in time. */
    private boolean install(String secret, String what) {
      String path = target.installedPath();
      installSent = true;
      ProbeHttp.Response r;
      try {
        r = lifecycle(path, "installed", secret, keys);
      } catch (IOException e) {
        if (e instanceof ProbeHttp.NoAnswer n && !n.delivered() && !everInstalled) {
          installSent = false; // not a byte was written: the app cannot hold the tenant
        }
        report(ProbeRules.INSTALL_FAILED, installedAt(),
            "signed " + what + " (POST " + path + ") got no answer (" + describe(e) + "; install timeout "
                + options.installTimeout().toSeconds() + " s); the product gives up and the install fails",
            "answer the installed callback quickly (store the tenant, do the rest asynchronously)");
        return false;
      }
      notes.add(what + ": POST " + path + " answered " + r.status() + " in " + r.millis() + " ms");
      if (r.status() != 200 && r.status() != 204) {
        String why =
            r.refusedAsUnauthorized()
                ? "the app refused the product's signed install: check that it fetches install keys from the"
                    + " configured public-key base URL and compares aud with its baseUrl (" + base + ")"
                : "the product accepts only 200 or 204";
        report(ProbeRules.INSTALL_FAILED, installedAt(),
            "signed " + what + " (POST " + path + ") answered " + r.status() + " after " + r.millis() + " ms; " + why,
            null);
        return false;
      }
      if (keyServer != null && keyServer.fetches() == 0 && what.equals("install")) {
        notes.add("the app accepted the install without fetching the install key " + keys.keyId()
            + ": it cannot have checked the signature");
      }
      return true;
    }

    private void uninstall() {
      String path = target.uninstalledPath();
      if (path != null && !uninstallUsable) {
        return;
      }
      if (path == null) {
        notes.add("the descriptor has no lifecycle.uninstalled callback: the probe tenant " + clientKey
            + " stays installed in the app");
        return;
      }
      if (!uninstallClaimed.compareAndSet(false, true)) {
        return; // an interrupt is uninstalling; the JVM is exiting
      }
      Finding failed;
      try {
        failed = sendUninstall();
      } finally {
        uninstallDone.countDown();
      }
      if (uninstallNote != null) {
        notes.add(uninstallNote);
      }
      if (failed != null) {
        findings.add(failed);
      }
      if (!uninstalled) {
        return;
      }
      if (current != null && !working.isEmpty()) {
        ProbeTarget.Endpoint e = working.get(0);
        Outcome o = call(e, q -> hs256(current, q));
        if (o.status < 0) {
          unanswered(at(e), e.method() + " " + e.pathAndQuery() + " (" + e.label() + ") with a token of the"
              + " uninstalled tenant " + clientKey + " got no answer (" + o.error + ")");
        } else if (o.accepted()) {
          report(ProbeRules.TOKEN_ACCEPTED_AFTER_UNINSTALL, at(e),
              e.method() + " " + e.pathAndQuery() + " (" + e.label() + ") answered " + o.status
                  + " to a token of tenant " + clientKey + " after that tenant was uninstalled",
              "refuse requests for tenants whose app is uninstalled (e.g. check AtlassianHost.isAddonInstalled())");
        }
      }
    }

    /** Sends the signed uninstall; the {@code probe/uninstall-failed} finding when it failed, else null. */
    private Finding sendUninstall() {
      String path = target.uninstalledPath();
      ProbeHttp.Response r;
      try {
        r = lifecycle(path, "uninstalled", null, keys);
      } catch (IOException e) {
        return installSent || everInstalled
            ? uninstallFailed("signed uninstall (POST " + path + ") got no answer (" + describe(e) + ")")
            : null;
      }
      uninstallNote = "uninstall: POST " + path + " answered " + r.status() + " in " + r.millis() + " ms";
      if (!r.ok()) {
        return installSent || everInstalled
            ? uninstallFailed("signed uninstall (POST " + path + ") answered " + r.status())
            : null;
      }
      uninstalled = true;
      return null;
    }

    private Finding uninstallFailed(String what) {
      Rule rule = ProbeRules.UNINSTALL_FAILED;
      return new Finding(rule.id(), rule.defaultSeverity(), target.descriptor().position("/lifecycle/uninstalled"),
          what + "; the probe tenant " + clientKey + " may be left behind", null, List.of());
    }

    /** On SIGINT/SIGTERM (the shutdown hook): uninstall once, bounded, and tell {@code sink} how it went. */
    void abort(java.util.function.Consumer<String> sink) {
      if (!installSent) {
        return;
      }
      String tenant = "the probe tenant " + clientKey;
      if (target.uninstalledPath() == null || !uninstallUsable) {
        sink.accept("connect-verify: interrupted; " + tenant + " stays installed: the descriptor has no usable"
            + " lifecycle.uninstalled callback");
        return;
      }
      if (!uninstallClaimed.compareAndSet(false, true)) {
        try {
          if (!uninstallDone.await(ABORT_BOUND_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            sink.accept("connect-verify: interrupted; " + uninstallFailed("the signed uninstall under way did not finish"
                + " within " + ABORT_BOUND_MILLIS / 1000 + " s"));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      Finding[] result = new Finding[1];
      Thread t = new Thread(() -> {
        try {
          result[0] = sendUninstall();
        } finally {
          uninstallDone.countDown();
        }
      }, "connect-verify-probe-uninstall");
      t.setDaemon(true);
      t.start();
      try {
        t.join(ABORT_BOUND_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        sink.accept("connect-verify: interrupted; " + uninstallFailed("the signed uninstall (POST "
            + target.uninstalledPath() + ") did not finish within " + ABORT_BOUND_MILLIS / 1000 + " s"));
      } else if (result[0] != null) {
        sink.accept("connect-verify: interrupted; " + result[0]);
      } else {
        sink.accept("connect-verify: interrupted; " + tenant + " was uninstalled (" + uninstallNote + ")");
      }
    }

    // ---- requests to modules --------------------------------------------------------------------------------------

    private Position at(ProbeTarget.Endpoint e) {
      return target.descriptor().position(e.pointer());
    }

    /** The outcome of one request: the status, or -1 with the error when there was no answer. */
    private record Outcome(int status, long millis, String error) {
      boolean accepted() {
        return status >= 200 && status < 400;
      }

      boolean unauthorized() {
        return status == 401 || status == 403;
      }

      String describe() {
        return status < 0 ? "no answer (" + error + ")" : String.valueOf(status);
      }
    }

    private String hs256(String secret, String qsh) {
      return hs256(secret, clientKey, qsh, Instant.now(), Instant.now().plusSeconds(180));
    }

    private String hs256(String secret, String issuer, String qsh, Instant iat, Instant exp) {
      return ConnectTokens.hs256(
          secret, new ConnectTokens.Claims(issuer, "connect-verify-probe-user", null, qsh, iat, exp));
    }

    /** The URI the product would load for a page: its url plus the standard iframe parameters. */
    private URI requestUri(ProbeTarget.Endpoint e) {
      if (e.kind() == ProbeTarget.Kind.WEBHOOK) {
        return uri(e.pathAndQuery());
      }
      String sep = e.pathAndQuery().contains("?") ? "&" : "?";
      return uri(e.pathAndQuery() + sep
          + "xdm_e=" + Qsh.percentEncode(hostBaseUrl)
          + "&xdm_c=" + Qsh.percentEncode("channel-" + target.appKey())
          + "&cp=&xdm_deprecated_addon_key_do_not_use=" + Qsh.percentEncode(target.appKey())
          + "&lic=none&cv=1001.0.0-connect-verify-probe");
    }

    /** Calls {@code e} with the token {@code tokenForQsh} makes from the request's qsh (null: no token). */
    private Outcome call(ProbeTarget.Endpoint e, Function<String, String> tokenForQsh) {
      URI uri = requestUri(e);
      String token = tokenForQsh.apply(qsh(e.method(), uri));
      try {
        ProbeHttp.Response r;
        if (e.kind() == ProbeTarget.Kind.WEBHOOK) {
          Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "JWT " + token);
          r = http.send(ProbeHttp.Request.postJson(uri, headers, webhookBody(e)));
        } else {
          URI withToken =
              token == null ? uri : URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + "jwt=" + token);
          r = http.send(ProbeHttp.Request.get(withToken, Map.of("Accept", "text/html,application/json")));
        }
        return new Outcome(r.status(), r.millis(), null);
      } catch (IOException ex) {
        return new Outcome(-1, 0, describe(ex));
      }
    }

    private byte[] webhookBody(ProbeTarget.Endpoint e) {
      ObjectNode body = json.createObjectNode();
      body.put("timestamp", System.currentTimeMillis());
      body.put("webhookEvent", e.label().replaceFirst("^webhooks '?", "").replaceFirst("'$", ""));
      body.putObject("issue").put("id", "10001").put("key", "PROBE-1");
      try {
        return json.writeValueAsBytes(body);
      } catch (IOException ex) {
        throw new IllegalStateException(ex);
      }
    }

    private void signedRequests() {
      for (ProbeTarget.Endpoint e : endpoints) {
        Outcome o = call(e, q -> hs256(current, q));
        String how =
            e.kind() == ProbeTarget.Kind.WEBHOOK
                ? "with Authorization: JWT (HS256, the tenant's shared secret, correct qsh)"
                : "with ?jwt= (HS256, the tenant's shared secret, correct qsh and sub)";
        if (o.accepted()) {
          working.add(e);
        } else if (o.unauthorized()) {
          report(ProbeRules.SIGNED_REQUEST_REJECTED, at(e),
              e.method() + " " + e.pathAndQuery() + " (" + e.label() + ") was refused with " + o.status
                  + " although it was signed exactly as the product signs it " + how
                  + ": every user would get an error, the 'all requests unauthorized' outage (seed 000)",
              "check the app's JWT verification: secret lookup by iss, HS256, qsh over method, path and sorted query"
                  + " without jwt");
        } else {
          report(ProbeRules.SIGNED_REQUEST_FAILED, at(e),
              e.method() + " " + e.pathAndQuery() + " (" + e.label() + ") signed " + how + " answered "
                  + o.describe() + ", not 2xx",
              "the token was not refused as unauthorised; the handler failed or the url does not exist");
        }
      }
      notes.add("signed requests: " + working.size() + " of " + endpoints.size()
          + " endpoints accepted a correctly signed request");
    }

    private Function<String, String> forge(Forgery f) {
      return switch (f) {
        case MISSING_TOKEN -> q -> null;
        case WRONG_SECRET -> q -> hs256(newSecret(), q);
        case ALG_NONE -> q -> ConnectTokens.unsigned(
            new ConnectTokens.Claims(clientKey, "connect-verify-probe-user", null, q, Instant.now(),
                Instant.now().plusSeconds(180)));
        case EXPIRED -> q -> hs256(current, clientKey, q, Instant.now().minusSeconds(1200),
            Instant.now().minusSeconds(600));
        case WRONG_QSH -> q -> hs256(current, Qsh.hash("GET&/connect-verify-probe/another-request&"));
        case UNKNOWN_ISSUER -> q -> hs256(newSecret(), "connect-verify-probe-unknown-" + hex(6), q,
            Instant.now(), Instant.now().plusSeconds(180));
      };
    }

    private void forgedRequests() {
      int sent = 0;
      for (ProbeTarget.Endpoint e : endpoints) {
        List<String> unanswered = new ArrayList<>();
        for (Forgery f : Forgery.values()) {
          if (options.common().skips(f.rule.id())) {
            continue;
          }
          Outcome o = call(e, forge(f));
          sent++;
          if (o.status < 0) {
            unanswered.add(f.what + ": " + o.error);
          } else if (o.status >= 200 && o.status < 300) {
            report(f.rule, at(e),
                e.method() + " " + e.pathAndQuery() + " (" + e.label() + ") answered " + o.status + " to "
                    + f.what + "; it must answer 401 or 403",
                f.hint);
          } else if (!o.unauthorized()) {
            oddRefusals.merge(
                f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " on " + e.label() + ": "
                    + o.describe(), 1, Integer::sum);
          }
        }
        if (!unanswered.isEmpty()) {
          unanswered(at(e), e.method() + " " + e.pathAndQuery() + " (" + e.label() + ") got no answer to "
              + unanswered.size() + " forged request(s) (" + String.join("; ", unanswered) + ")");
        }
      }
      notes.add("forged requests: " + sent + " sent to " + endpoints.size() + " endpoints");
    }

    /** Unsigned and wrongly signed installs for the existing tenant must not replace its secret. */
    private void forgedInstalls() {
      forgedInstall(ProbeRules.ACCEPTS_UNSIGNED_INSTALL, null, "an unsigned install (no Authorization header)",
          "unsigned install");
      InstallKeys unpublished = InstallKeys.generate("connect-verify-unpublished-" + hex(8));
      forgedInstall(ProbeRules.ACCEPTS_INSTALL_FROM_UNKNOWN_KEY, unpublished,
          "an install signed with RS256 by key id " + unpublished.keyId() + ", which the product never published",
          "install signed by an unpublished key");
    }

    private void forgedInstall(Rule rule, InstallKeys signer, String what, String shortName) {
      if (options.common().skips(rule.id())) {
        return;
      }
      String forgedSecret = newSecret();
      String path = target.installedPath();
      ProbeHttp.Response r;
      try {
        r = lifecycle(path, "installed", forgedSecret, signer);
      } catch (IOException e) {
        unanswered(installedAt(), "POST " + path + " with " + what + " got no answer (" + describe(e) + ")");
        return;
      }
      if (!r.ok()) {
        if (!r.refusedAsUnauthorized()) {
          oddRefusals.merge(shortName + ": " + r.status(), 1, Integer::sum);
        }
        return;
      }
      String effect = "";
      if (!working.isEmpty()) {
        ProbeTarget.Endpoint e = working.get(0);
        if (call(e, q -> hs256(forgedSecret, q)).accepted()) {
          effect = ", and the forged shared secret now opens " + e.label();
          current = forgedSecret;
        }
      }
      report(rule, installedAt(),
          "POST " + path + " answered " + r.status() + " to " + what + " for the existing tenant " + clientKey
              + effect + "; anyone could overwrite a tenant's shared secret this way",
          "verify every installed callback: RS256, key fetched by kid from the product's key service, aud = baseUrl,"
              + " iss = clientKey, qsh, exp");
    }

    // ---- secret rotation ------------------------------------------------------------------------------------------

    /** Reinstall with a new secret: the new one must work, the old one must not (seed 001). True if the new works. */
    private boolean rotate() {
      boolean needed = !options.common().skips(ProbeRules.ROTATED_SECRET_NOT_STORED.id())
          || !options.common().skips(ProbeRules.OLD_SECRET_STILL_ACCEPTED.id())
          || !options.common().skips(ProbeRules.ROTATION_NOT_ATOMIC.id());
      if (!needed) {
        return false;
      }
      if (working.isEmpty()) {
        notes.add("secret rotation not probed: no endpoint accepted a correctly signed request");
        return false;
      }
      ProbeTarget.Endpoint e = working.get(0);
      String old = current;
      String fresh = newSecret();
      if (!install(fresh, "reinstall with a rotated secret")) {
        return false;
      }
      long start = System.nanoTime();
      Outcome o = call(e, q -> hs256(fresh, q));
      int attempts = 1;
      while (!o.accepted() && System.nanoTime() - start < SETTLE_NANOS) {
        sleep(100);
        o = call(e, q -> hs256(fresh, q));
        attempts++;
      }
      long waited = (System.nanoTime() - start) / 1_000_000;
      if (o.status < 0) {
        unanswered(installedAt(), "after a reinstall with a new shared secret, " + e.method() + " " + e.pathAndQuery()
            + " (" + e.label() + ") signed with the new secret got no answer (" + o.error + "), so whether the app"
            + " stored the rotated secret is unknown");
      } else if (!o.accepted()) {
        report(ProbeRules.ROTATED_SECRET_NOT_STORED, installedAt(),
            "after a reinstall with a new shared secret answered OK, " + e.method() + " " + e.pathAndQuery() + " ("
                + e.label() + ") signed with the new secret still answered " + o.describe() + " after " + attempts
                + " attempts over " + waited + " ms: the app did not store the rotated secret, the seed 001 outage",
            "on every installed callback, store the sharedSecret from the payload, also for a clientKey you know");
      } else if (attempts > 1) {
        notes.add("the rotated secret was accepted only after " + waited + " ms (" + attempts + " attempts)");
      }
      Outcome stale = call(e, q -> hs256(old, q));
      if (stale.status < 0) {
        unanswered(installedAt(), "after a reinstall with a new shared secret, " + e.method() + " " + e.pathAndQuery()
            + " (" + e.label() + ") signed with the replaced secret got no answer (" + stale.error + ")");
      } else if (stale.accepted()) {
        report(ProbeRules.OLD_SECRET_STILL_ACCEPTED, installedAt(),
            "after a reinstall with a new shared secret, " + e.method() + " " + e.pathAndQuery() + " (" + e.label()
                + ") still answered " + stale.status + " to a token signed with the replaced secret",
            "replace the stored secret on reinstall; do not keep accepting the old one");
      }
      if (o.accepted()) {
        current = fresh;
        return true;
      }
      return false;
    }

    /** N workers call the app while a reinstall rotates the secret; after it returns the new secret must work. */
    private void rotateUnderLoad() {
      if (options.common().skips(ProbeRules.ROTATION_NOT_ATOMIC.id())) {
        return;
      }
      ProbeTarget.Endpoint target0 = working.get(0);
      RotationLoad load = new RotationLoad(options.concurrency(), options.requestsAfterRotation(), current,
          secret -> callWith(target0, secret).status);
      String fresh = newSecret();
      RotationLoad.Result result = load.run(() -> install(fresh, "reinstall under load"), fresh);
      notes.add("rotation under load: " + result.summary());
      if (!result.installOk()) {
        return;
      }
      current = fresh;
      if (result.unansweredAfter() > 0) {
        ProbeTarget.Endpoint e = working.get(0);
        unanswered(installedAt(), result.unansweredAfter() + " of " + result.sentAfter() + " requests to "
            + e.method() + " " + e.pathAndQuery() + " signed with the new secret after the reinstall got no answer;"
            + " they are counted neither as failed nor as succeeded");
      }
      if (result.failedAfter() > 0) {
        ProbeTarget.Endpoint e = working.get(0);
        report(ProbeRules.ROTATION_NOT_ATOMIC, installedAt(),
            result.failedAfter() + " of " + result.sentAfter() + " requests to " + e.method() + " " + e.pathAndQuery()
                + " signed with the new secret failed after the reinstall had returned (" + result.failureDetail()
                + ") with " + options.concurrency() + " concurrent workers: the secret is not replaced atomically,"
                + " the race behind seed 003",
            "store the new secret in one transaction before answering the installed callback, and drop cached"
                + " secrets in the same step");
      }
    }

    private Outcome callWith(ProbeTarget.Endpoint e, String secret) {
      return call(e, q -> hs256(secret, q));
    }

    /** A request whose answer decides a verdict got none: the verdict is unknown, and says so. */
    private void unanswered(Position at, String message) {
      report(ProbeRules.REQUEST_UNANSWERED, at, message + ": the probe cannot tell how the app treats it",
          "make sure the app answers every request (also on connections the probe opens fresh for each request), then"
              + " run the probe again");
    }

    private void report(Rule rule, Position at, String message, String hint) {
      findings.add(new Finding(rule.id(), rule.defaultSeverity(), at, message, hint, List.of()));
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
