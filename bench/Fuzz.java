import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.report.ReportSettings;
import org.connectverify.core.report.Reports;

/**
 * Mutation fuzzing of parse, check and report: takes real descriptors as seeds, mutates them (bytes flipped, cut,
 * inserted; values the parser cannot hold; hostile strings such as terminal escapes, unpaired surrogates, unparseable
 * or foreign URLs; deep nesting; duplicated lines), verifies each mutant in memory and renders it in every report
 * format. A crash is an exception or error escaping that path, an {@code internal/*} finding (a check that crashed),
 * or one input taking longer than {@link #PER_INPUT_SECONDS}. Runs for a bounded time, prints its figures and exits 1
 * on any crash (printing each crashing input's seed and mutations, reproducible with the printed random seed).
 *
 * <p>{@code java -cp cli/target/connect-verify.jar bench/Fuzz.java [SEED_FOLDER] [SECONDS] [RANDOM_SEED]}; without
 * a seed folder (or when it is absent) the project's own rule fixtures are the seeds.
 */
public final class Fuzz {
  static final int PER_INPUT_SECONDS = 20;

  /** Values inserted where a JSON value may stand. */
  static final List<String> VALUES =
      List.of(
          "1e99999999999",
          "-1e-99999999999",
          "9".repeat(1001),
          "9".repeat(999),
          "\"\\ud800\"",
          "\"\\udc00 lone\"",
          "\"\\u001b[2J\\u001b[31mred\\u009b0m\"",
          "\"\\u202eevil\"",
          "\"\ud83d\ude00" + "x".repeat(200) + "\"",
          "\"" + "y".repeat(100_000) + "\"",
          "\"${unclosed\"",
          "\"/a|b c%zz\"",
          "\"//127.0.0.1:1/x\"",
          "\"@127.0.0.1:1/x\"",
          "\"installed\"",
          "\"javascript:alert(1)\"",
          "\"{issue.key}{{}}${}\"",
          "\"\"",
          "null",
          "true",
          "-0",
          "{}",
          "[]",
          "[".repeat(300) + "]".repeat(300),
          "{\"a\":".repeat(200) + "1" + "}".repeat(200));

  public static void main(String[] args) throws Exception {
    Path folder = args.length > 0 ? Path.of(args[0]) : null;
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
    long randomSeed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
    List<Path> seeds = seeds(folder);
    if (seeds.isEmpty()) {
      System.out.println("fuzz: no seed descriptors found; nothing to do");
      return;
    }
    List<byte[]> seedBytes = new ArrayList<>();
    for (Path p : seeds) {
      seedBytes.add(Files.readAllBytes(p));
    }
    Random random = new Random(randomSeed);
    Verifier verifier = Verifier.create(VerifyOptions.builder().build());
    ReportSettings settings = ReportSettings.builder().snippets(true).build();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    });
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    int inputs = 0;
    int unparsed = 0;
    long findings = 0;
    long slowest = 0;
    Map<String, Integer> mutationCounts = new TreeMap<>();
    List<String> crashes = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      int which = random.nextInt(seedBytes.size());
      byte[] input = seedBytes.get(which);
      List<String> applied = new ArrayList<>();
      int n = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
      for (int i = 0; i < n; i++) {
        input = mutate(input, random, applied);
      }
      applied.forEach(m -> mutationCounts.merge(m.replaceAll("\\(.*", ""), 1, Integer::sum));
      byte[] mutant = input;
      inputs++;
      long t0 = System.nanoTime();
      Future<Report> run =
          worker.submit(() -> {
            Report r = verifier.verify("fuzz/atlassian-connect.json", mutant);
            for (String format : Reports.NAMES) {
              StringWriter out = new StringWriter();
              Reports.create(format, settings).write(r, out);
              out.toString().getBytes(StandardCharsets.UTF_8);
            }
            return r;
          });
      String what = seeds.get(which).getFileName() + " with " + applied;
      try {
        Report r = run.get(PER_INPUT_SECONDS, TimeUnit.SECONDS);
        findings += r.findings().size();
        if (r.descriptors().stream().anyMatch(d -> d.product() == null)) {
          unparsed++;
        }
        for (Finding f : r.findings()) {
          if (f.ruleId().startsWith("internal/")) {
            crashes.add(what + ": " + f);
          }
        }
      } catch (TimeoutException e) {
        run.cancel(true);
        crashes.add(what + ": took longer than " + PER_INPUT_SECONDS + " s");
        worker.shutdownNow();
        worker = Executors.newSingleThreadExecutor();
      } catch (java.util.concurrent.ExecutionException e) {
        crashes.add(what + ": " + e.getCause());
      }
      slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
    }
    worker.shutdownNow();
    double took = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "fuzz: %d inputs from %d seeds in %.1f s (%.0f/s), random seed %d; %d did not parse, %d findings in all,"
            + " slowest input %d ms; mutations %s%n",
        inputs, seeds.size(), took, inputs / took, randomSeed, unparsed, findings, slowest, mutationCounts);
    System.out.println("fuzz: " + crashes.size() + " crashes");
    crashes.stream().limit(50).forEach(c -> System.out.println("  CRASH " + c));
    if (!crashes.isEmpty()) {
      System.exit(1);
    }
  }

  /** The corpus when given and present, else the project's fixtures and examples. */
  static List<Path> seeds(Path folder) throws Exception {
    if (folder != null && Files.isDirectory(folder)) {
      try (Stream<Path> s = Files.list(folder)) {
        return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
    }
    if (folder != null) {
      System.out.println("note: " + folder + " is absent: fuzzing the project's own fixtures and examples");
    }
    List<Path> out = new ArrayList<>();
    for (String root : List.of("core/src/test/resources/rules", "examples")) {
      Path r = Path.of(root);
      if (!Files.isDirectory(r)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(r)) {
        s.filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().startsWith("atlassian-connect"))
            .filter(p -> p.toString().endsWith(".json"))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  static byte[] mutate(byte[] in, Random random, List<String> applied) {
    if (in.length == 0) {
      applied.add("insert-value");
      return VALUES.get(random.nextInt(VALUES.size())).getBytes(StandardCharsets.UTF_8);
    }
    int at = random.nextInt(in.length);
    // mostly mutations that keep the JSON readable (so the checks and reports see the hostile values), some that
    // break it (so the parser's error paths are exercised too)
    int[] weights = {1, 1, 1, 4, 3, 2, 2};
    int pick = random.nextInt(java.util.Arrays.stream(weights).sum());
    int kind = 0;
    while (pick >= weights[kind]) {
      pick -= weights[kind++];
    }
    switch (kind) {
      case 0 -> {
        byte[] out = in.clone();
        out[at] = (byte) random.nextInt(256);
        applied.add("flip-byte(" + at + ")");
        return out;
      }
      case 1 -> {
        applied.add("cut(" + at + ")");
        return java.util.Arrays.copyOf(in, at);
      }
      case 2 -> {
        byte[] b = {(byte) "{}[]\",:\\".charAt(random.nextInt(8))};
        applied.add("insert-byte(" + at + ")");
        return splice(in, at, at, b);
      }
      case 3 -> {
        // replace a JSON string value ("...") that follows a colon with a hostile value
        String text = new String(in, StandardCharsets.UTF_8);
        int colon = text.indexOf(": \"", random.nextInt(Math.max(1, text.length())));
        if (colon < 0) {
          colon = text.indexOf(":\"");
        }
        if (colon < 0) {
          applied.add("no-op");
          return in;
        }
        int open = text.indexOf('"', colon);
        int close = text.indexOf('"', open + 1);
        if (close < 0) {
          applied.add("no-op");
          return in;
        }
        String v = VALUES.get(random.nextInt(VALUES.size()));
        applied.add("replace-string(" + colon + ")");
        return (text.substring(0, open) + v + text.substring(close + 1)).getBytes(StandardCharsets.UTF_8);
      }
      case 4 -> {
        // replace a number, true, false or null
        String text = new String(in, StandardCharsets.UTF_8);
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile(":\\s*(-?\\d[\\d.eE+-]*|true|false|null)").matcher(text);
        List<int[]> spots = new ArrayList<>();
        while (m.find()) {
          spots.add(new int[] {m.start(1), m.end(1)});
        }
        if (spots.isEmpty()) {
          applied.add("no-op");
          return in;
        }
        int[] s = spots.get(random.nextInt(spots.size()));
        applied.add("replace-scalar(" + s[0] + ")");
        return (text.substring(0, s[0]) + VALUES.get(random.nextInt(VALUES.size())) + text.substring(s[1]))
            .getBytes(StandardCharsets.UTF_8);
      }
      case 5 -> {
        // duplicate a line (duplicate keys, repeated modules)
        String text = new String(in, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int i = random.nextInt(lines.length);
        List<String> out = new ArrayList<>(List.of(lines));
        out.add(i, lines[i]);
        applied.add("duplicate-line(" + i + ")");
        return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        byte[] v = VALUES.get(random.nextInt(VALUES.size())).getBytes(StandardCharsets.UTF_8);
        applied.add("insert-value(" + at + ")");
        return splice(in, at, at, v);
      }
    }
  }

  static byte[] splice(byte[] in, int from, int to, byte[] with) {
    byte[] out = new byte[in.length - (to - from) + with.length];
    System.arraycopy(in, 0, out, 0, from);
    System.arraycopy(with, 0, out, from, with.length);
    System.arraycopy(in, to, out, from + with.length, in.length - to);
    return out;
  }
}
