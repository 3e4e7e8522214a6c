import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.Severity;
import org.connectverify.core.run.Runner;

/**
 * Repository run: the corpus as users meet it. Rebuilds every repository of {@code corpus/INDEX.tsv} under a
 * temporary folder (each descriptor back at its original path; for the apps the corpus keeps whole under
 * {@code corpus/apps/}, that layout with its translation files), then runs connect-verify once per repository folder,
 * as {@code connect-verify verify <repo>} would, and prints per repository the verdict and the rules of its errors,
 * then how many fail, on which rules, and how many fail on one rule alone. Exits 1 on any crash. Run with the CLI jar
 * on the class path: {@code java -cp cli/target/connect-verify.jar bench/RepoRun.java ../shared/corpus}.
 */
public final class RepoRun {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus").toAbsolutePath().normalize();
    Map<String, List<String[]>> repos = new TreeMap<>(); // repo -> {file, path}
    List<String> lines = Files.readAllLines(corpus.resolve("INDEX.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      repos.computeIfAbsent(c[1], r -> new ArrayList<>()).add(new String[] {c[0], c[2]});
    }
    Path tmp = Files.createTempDirectory("connect-verify-repos");
    try {
      run(corpus, repos, tmp);
    } finally {
      deleteTree(tmp);
    }
  }

  private static void run(Path corpus, Map<String, List<String[]>> repos, Path tmp) throws IOException {
    long start = System.nanoTime();
    int failed = 0;
    int usage = 0;
    Map<String, Integer> byRule = new TreeMap<>();
    Map<String, Integer> soleRule = new TreeMap<>();
    List<String> crashes = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> e : repos.entrySet()) {
      String name = e.getKey().replace('/', '_').replace("__", "_");
      Path repo = tmp.resolve(e.getKey().replace("/", "__"));
      Path app = corpus.resolve("apps").resolve(e.getKey().replace("/", "__"));
      if (Files.isDirectory(app)) {
        copyTree(app, repo); // the layout with its translation files, as in the repository
      }
      for (String[] d : e.getValue()) {
        Path target = repo.resolve(d[1]);
        if (!Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.copy(corpus.resolve("descriptors").resolve(d[0]), target);
        }
      }
      String verdict;
      Set<String> errorRules = new TreeSet<>();
      long errors = 0;
      try {
        Runner.Result r =
            Runner.run(
                List.of(repo),
                b -> {
                  b.verify().baseDir(repo);
                  b.noConfig(true);
                },
                new StringWriter());
        for (Finding f : r.report().findings()) {
          if (f.severity() == Severity.ERROR) {
            errors++;
            errorRules.add(f.ruleId());
          }
          if (f.ruleId().startsWith("internal/")) {
            crashes.add(e.getKey() + ": " + f);
          }
        }
        verdict = r.report().failed() ? "FAIL" : "pass";
      } catch (InputException ex) {
        verdict = "USAGE";
        errorRules.add("usage: " + ex.getMessage().replace(repo.toString(), "."));
      } catch (Exception | Error ex) {
        verdict = "CRASH";
        crashes.add(e.getKey() + ": " + ex);
      }
      if (!verdict.equals("pass")) {
        failed++;
        if (verdict.equals("USAGE")) {
          usage++;
        }
        errorRules.forEach(id -> byRule.merge(id, 1, Integer::sum));
        if (errorRules.size() == 1) {
          soleRule.merge(errorRules.iterator().next(), 1, Integer::sum);
        }
      }
      System.out.printf(
          "%-5s %3d errors  %-60s%s%n",
          verdict, errors, e.getKey(), errorRules.isEmpty() ? "" : "  " + errorRules);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println();
    System.out.println(
        "repositories: " + repos.size() + "  failing: " + failed + " (of which " + usage + " usage errors)");
    System.out.println("failing repositories by error rule:");
    print(byRule);
    System.out.println("failing repositories whose errors are all of one rule:");
    print(soleRule);
    System.out.printf("wall time %.2f s%n", seconds);
    System.out.println("crashes: " + crashes.size());
    crashes.forEach(c -> System.out.println("  " + c));
    System.exit(crashes.isEmpty() ? 0 : 1);
  }

  private static void print(Map<String, Integer> counts) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(x -> sorted.put(x.getKey(), x.getValue()));
    sorted.forEach((k, v) -> System.out.printf("  %4d  %s%n", v, k));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
