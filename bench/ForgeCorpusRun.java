import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;

/**
 * Corpus run over the Connect-on-Forge corpus ({@code ../shared/corpus/forge}): every {@code manifest.y*ml} in it,
 * every file its {@code INDEX.tsv} lists as a manifest, and the Connect descriptors it lists, each verified on its own
 * with its repository snapshot ({@code <owner>__<repo>/<commit>/}) as the base folder, as a user would verify that
 * checkout. Prints per file the verdict, the finding counts and the rules of its errors, then totals, rule counts,
 * wall time and peak memory. Exits 1 on any crash (an internal/* finding or an exception). Run with the CLI jar on the
 * class path: {@code java -cp cli/target/connect-verify.jar bench/ForgeCorpusRun.java ../shared/corpus/forge}.
 */
public final class ForgeCorpusRun {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/forge").toAbsolutePath().normalize();
    TreeSet<Path> files = new TreeSet<>();
    try (Stream<Path> s = Files.walk(corpus)) {
      s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("manifest\\.ya?ml"))
          .forEach(files::add);
    }
    Path index = corpus.resolve("INDEX.tsv");
    if (Files.exists(index)) {
      for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        String[] cols = line.split("\t", -1);
        if (cols.length > 4 && (cols[4].equals("manifest") || cols[4].equals("descriptor"))) {
          Path f = corpus.resolve(cols[0]);
          if (Files.isRegularFile(f)) {
            files.add(f);
          }
        }
      }
    }
    long start = System.nanoTime();
    Map<String, Integer> verdicts = new TreeMap<>();
    Map<String, Integer> rules = new TreeMap<>();
    List<String> crashes = new ArrayList<>();
    int manifests = 0;
    for (Path f : files) {
      Path rel = corpus.relativize(f);
      Path snapshot = rel.getNameCount() > 2 ? corpus.resolve(rel.subpath(0, 2)) : f.getParent();
      boolean manifest = f.getFileName().toString().matches(".*\\.ya?ml");
      manifests += manifest ? 1 : 0;
      String verdict;
      long e = 0, w = 0, i = 0;
      TreeSet<String> errorRules = new TreeSet<>();
      try {
        Report r = Verifier.create(VerifyOptions.builder().baseDir(snapshot).build()).verify(List.of(f));
        e = r.count(Severity.ERROR);
        w = r.count(Severity.WARNING);
        i = r.count(Severity.INFO);
        for (Finding finding : r.findings()) {
          rules.merge(finding.ruleId(), 1, Integer::sum);
          if (finding.severity() == Severity.ERROR) {
            errorRules.add(finding.ruleId());
          }
          if (finding.ruleId().startsWith("internal/")) {
            crashes.add(rel + ": " + finding);
          }
        }
        boolean plain = r.notes().stream().anyMatch(n -> n.contains("no Connect modules to verify"));
        verdict = e > 0 ? "errors" : w > 0 ? "warnings" : plain ? "forge-only" : "clean";
      } catch (Exception | Error ex) {
        verdict = "CRASH";
        crashes.add(rel + ": " + ex);
      }
      verdicts.merge(verdict, 1, Integer::sum);
      System.out.printf(
          "%-10s %3d errors %3d warnings %3d infos  %s%s%n",
          verdict, e, w, i, rel.toString().replace('\\', '/'), errorRules.isEmpty() ? "" : "  " + errorRules);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println();
    System.out.println(
        "files: " + files.size() + " (" + manifests + " manifests, " + (files.size() - manifests) + " descriptors)"
            + "  verdicts: " + verdicts);
    System.out.println("findings by rule: " + rules);
    System.out.printf(
        "wall time %.2f s (%.1f ms per file, one JVM); peak RSS %s%n",
        seconds, seconds * 1000 / Math.max(1, files.size()), peakRss());
    System.out.println("crashes: " + crashes.size());
    crashes.forEach(c -> System.out.println("  " + c));
    System.exit(crashes.isEmpty() ? 0 : 1);
  }

  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return line.substring(6).trim();
        }
      }
    } catch (Exception e) {
      // not on Linux
    }
    return "n/a";
  }
}
