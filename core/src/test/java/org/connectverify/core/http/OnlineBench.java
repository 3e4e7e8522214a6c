package org.connectverify.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.connectverify.core.Report;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;

/**
 * Benchmark of the online prober (not a test: run it with {@code bench/online-bench.sh}). A loopback server answers
 * every request after a fixed delay; the prober, with its default settings, probes N distinct URLs. Prints the wall
 * time, the ideal time at the configured concurrency ({@code ceil(N / min(concurrency, per host)) x delay}, since all
 * URLs are on one host) and their ratio; then the same through {@link Verifier} for a descriptor with N module pages,
 * first in fresh JVMs as a user's run is (offline and online, to show how much of the offline work the network hides),
 * then warm;
 * then the peak heap while the server sends 1 KB and 10 MB bodies, to show memory does not grow with response size.
 * The server runs in a child JVM so that only the prober's memory is measured; each URL says how the server must
 * answer: {@code /bench/<delay-ms>/<body-bytes>/<status-for-HEAD>/<id>}.
 *
 * <p>Arguments: {@code [urls=200] [delay-ms=100] [big-body-mb=10]}.
 */
public final class OnlineBench {
  private static final byte[] CHUNK = new byte[64 * 1024];

  static {
    Arrays.fill(CHUNK, (byte) ' ');
  }

  private static long delayMillis;

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--serve")) {
      serve();
      return;
    }
    if (args.length == 4 && args[0].equals("--verify-once")) {
      verifyOnce(args[1], args[2], Integer.parseInt(args[3]));
      return;
    }
    int urls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    delayMillis = args.length > 1 ? Long.parseLong(args[1]) : 100;
    long bigBody = (args.length > 2 ? Long.parseLong(args[2]) : 10) * 1024 * 1024;
    ProbeSettings defaults = ProbeSettings.defaults();
    int effective = Math.min(defaults.concurrency(), defaults.concurrencyPerHost());

    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                OnlineBench.class.getName(),
                "--serve")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String port = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream())).readLine();
    String base = "http://127.0.0.1:" + port;
    try {
      System.out.printf(Locale.ROOT, "connect-verify online benchmark, default settings: concurrency %d, per host %d,"
              + " connect/read/request timeouts %s/%s/%s, body cap %d KB%n", defaults.concurrency(),
          defaults.concurrencyPerHost(), defaults.connectTimeout(), defaults.readTimeout(), defaults.requestTimeout(),
          defaults.maxResponseBytes() / 1024);
      System.out.printf(Locale.ROOT, "JVM: %s, %d CPUs, max heap %d MB%n", System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));

      String timed = base + "/bench/" + delayMillis + "/0/200/";
      latency("prober, cold JVM", timed + "cold/", urls, effective);
      latency("prober, warm", timed + "warm/", urls, effective);
      verifierColdJvm(base + "/bench/" + delayMillis + "/0/200", urls, effective);
      verifier(base + "/bench/" + delayMillis + "/0/200", urls, effective);

      memory(base, urls, bigBody);
    } finally {
      server.destroy();
    }
  }

  /** The loopback server (in its own JVM): prints its port, then answers as each URL says. */
  private static void serve() throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(256);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    server.setExecutor(pool);
    server.createContext("/", OnlineBench::handle);
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
  }

  private static void handle(HttpExchange ex) throws IOException {
    String[] p = ex.getRequestURI().getPath().split("/");
    long delay = p.length > 2 ? Long.parseLong(p[2]) : 0;
    long bodyBytes = p.length > 3 ? Long.parseLong(p[3]) : 0;
    int headStatus = p.length > 4 ? Integer.parseInt(p[4]) : 200;
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (ex) {
      String method = ex.getRequestMethod();
      if (method.equals("HEAD") && headStatus != 200) {
        ex.sendResponseHeaders(headStatus, -1);
        return;
      }
      if (method.equals("HEAD") || method.equals("POST") || bodyBytes == 0) {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(method.equals("POST") ? 401 : 200, -1);
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bodyBytes);
      OutputStream out = ex.getResponseBody();
      for (long sent = 0; sent < bodyBytes; sent += CHUNK.length) {
        out.write(CHUNK, 0, (int) Math.min(CHUNK.length, bodyBytes - sent));
      }
    } catch (IOException e) {
      // the client stopped reading (body cap, or an existence probe): expected
    }
  }

  private static void latency(String label, String prefix, int urls, int effective) {
    List<ProbeRequest> requests = new ArrayList<>();
    for (int i = 0; i < urls; i++) {
      requests.add(ProbeRequest.exists(prefix + i));
    }
    long start = System.nanoTime();
    Map<ProbeRequest, ProbeResult> results;
    try (OkHttpProbe probe = new OkHttpProbe(ProbeSettings.defaults())) {
      results = probe.fetchAll(requests);
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    long ok = results.values().stream().filter(ProbeResult::ok).count();
    printRatio(label + ": " + urls + " URLs (" + ok + " answered 200)", urls, effective, wall);
  }

  /**
   * {@link Verifier#verify} of a descriptor with {@code pages} module pages, each in a fresh JVM as a user's
   * {@code connect-verify --online} runs: offline, then online against the bench server, each the JVM's first work.
   */
  private static void verifierColdJvm(String base, int pages, int effective) throws Exception {
    long offline = Long.parseLong(child("--verify-once", "offline", base, String.valueOf(pages)));
    String[] online = child("--verify-once", "online", base, String.valueOf(pages)).split(" ", 2);
    printRatio("Verifier.verify --online, cold JVM: " + pages + " module pages + baseUrl, descriptor, installed"
        + " (findings: " + online[1] + ")", pages + 3, effective, Long.parseLong(online[0]));
    System.out.printf(Locale.ROOT, "  (the same run without --online in a cold JVM takes %d ms: parsing, schema and"
        + " offline checks)%n", offline);
  }

  /** Runs this class in a child JVM with {@code args} and returns the last line it prints. */
  private static String child(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m", "-cp", System.getProperty("java.class.path"),
        OnlineBench.class.getName()));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String last = null;
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        last = line;
      }
    }
    if (p.waitFor() != 0 || last == null) {
      throw new IllegalStateException("child JVM failed: " + command);
    }
    return last;
  }

  /** In a fresh JVM: one verify, online or offline; prints the wall time in ms (and, online, the rules found). */
  private static void verifyOnce(String mode, String base, int pages) throws Exception {
    Path dir = Files.createTempDirectory("connect-verify-bench");
    Path file = writeDescriptor(dir, pages);
    boolean online = mode.equals("online");
    long start = System.nanoTime();
    Report report =
        Verifier.create(VerifyOptions.builder().baseDir(dir).online(online).baseUrl(base + "/app").build())
            .verify(List.of(file));
    long wall = (System.nanoTime() - start) / 1_000_000;
    java.util.Set<String> rules = new java.util.TreeSet<>();
    report.findings().forEach(f -> rules.add(f.ruleId()));
    System.out.println(wall + (online ? " " + rules : ""));
    Files.delete(file);
    Files.delete(dir);
  }

  private static Path writeDescriptor(Path dir, int pages) throws IOException {
    StringBuilder modules = new StringBuilder();
    for (int i = 0; i < pages; i++) {
      modules.append(i == 0 ? "" : ",\n")
          .append("      {\"key\": \"page-").append(i).append("\", \"name\": {\"value\": \"Page ").append(i)
          .append("\"}, \"url\": \"/pages/").append(i).append("?issue={issue.key}\", \"location\": \"system.top.navigation.bar\"}");
    }
    String descriptor = "{\n  \"key\": \"com.example.bench\",\n  \"name\": \"Bench\",\n  \"baseUrl\": \"https://bench.example.com\",\n"
        + "  \"authentication\": {\"type\": \"jwt\"},\n  \"lifecycle\": {\"installed\": \"/installed\"},\n"
        + "  \"modules\": {\n    \"generalPages\": [\n" + modules + "\n    ]\n  }\n}\n";
    Path file = dir.resolve("atlassian-connect.json");
    Files.writeString(file, descriptor, StandardCharsets.UTF_8);
    return file;
  }

  private static void verifier(String base, int pages, int effective) throws Exception {
    Path dir = Files.createTempDirectory("connect-verify-bench");
    Path file = writeDescriptor(dir, pages);
    int total = pages + 3; // + baseUrl, descriptor, installed
    long offlineStart = System.nanoTime();
    Verifier.create(VerifyOptions.builder().baseDir(dir).build()).verify(List.of(file));
    long offline = (System.nanoTime() - offlineStart) / 1_000_000;
    long start = System.nanoTime();
    Report report =
        Verifier.create(VerifyOptions.builder().baseDir(dir).online(true).baseUrl(base + "/app").build())
            .verify(List.of(file));
    long wall = (System.nanoTime() - start) / 1_000_000;
    java.util.Set<String> rules = new java.util.TreeSet<>();
    report.findings().forEach(f -> rules.add(f.ruleId()));
    printRatio("Verifier.verify --online, warm: " + pages + " module pages + baseUrl, descriptor, installed (findings: "
        + rules + "; the bench server serves no descriptor)", total, effective, wall);
    System.out.printf(Locale.ROOT, "  (the same run without --online takes %d ms: parsing, schema and offline checks)%n",
        offline);
    Files.delete(file);
    Files.delete(dir);
  }

  private static void printRatio(String label, int urls, int effective, long wall) {
    long ideal = (long) Math.ceil(urls / (double) effective) * delayMillis;
    System.out.printf(Locale.ROOT, "%n%s%n  wall time   %6d ms%n  ideal time  %6d ms  (ceil(%d/%d) x %d ms)%n"
        + "  ratio       %6.2f     (target <= 1.30)%n", label, wall, ideal, urls, effective, delayMillis,
        wall / (double) ideal);
  }

  private static void memory(String base, int urls, long bigBody) throws Exception {
    System.out.printf(Locale.ROOT, "%nmemory: peak heap used while probing (sampled every 2 ms), and retained after GC%n");
    String mb = bigBody / (1024 * 1024) + " MB";
    heap("existence probes, HEAD refused -> GET, 1 KB bodies", base + "/bench/0/1024/405/m1/", urls,
        ProbeRequest.Method.EXISTS);
    heap("existence probes, HEAD refused -> GET, " + mb + " bodies", base + "/bench/0/" + bigBody + "/405/m2/", urls,
        ProbeRequest.Method.EXISTS);
    heap("body reads (descriptor/translations), 1 KB bodies", base + "/bench/0/1024/200/m3/", 20,
        ProbeRequest.Method.GET_BODY);
    heap("body reads (descriptor/translations), " + mb + " bodies, cut at the cap", base + "/bench/0/" + bigBody
        + "/200/m4/", 20, ProbeRequest.Method.GET_BODY);
  }

  private static void heap(String label, String prefix, int urls, ProbeRequest.Method method) throws Exception {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    System.gc();
    Thread.sleep(100);
    long before = mem.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    List<ProbeRequest> requests = new ArrayList<>();
    for (int i = 0; i < urls; i++) {
      requests.add(new ProbeRequest(method, prefix + i));
    }
    long start = System.nanoTime();
    long bytesKept;
    long truncated;
    try (OkHttpProbe probe = new OkHttpProbe(ProbeSettings.defaults())) {
      Map<ProbeRequest, ProbeResult> results = probe.fetchAll(requests);
      bytesKept = results.values().stream().mapToLong(r -> r.body() == null ? 0 : r.body().length).sum();
      truncated = results.values().stream().filter(ProbeResult::truncated).count();
      System.gc();
      Thread.sleep(100);
      long retained = mem.getHeapMemoryUsage().getUsed() - before;
      sampler.interrupt();
      sampler.join();
      long wall = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(Locale.ROOT, "  %-78s %4d URLs  peak %4d MB  retained %4d MB  (bodies kept %d MB, %d cut)  %d ms%n",
          label, urls, (peak.get() - before) / (1024 * 1024), Math.max(0, retained) / (1024 * 1024),
          bytesKept / (1024 * 1024), truncated, wall);
      results.clear();
    }
  }
}
