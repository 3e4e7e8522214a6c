import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;

/**
 * Corpus run: verifies every file in a folder one by one (as separate runs, so one file's findings never hide
 * another's), prints per file the verdict and finding counts, then totals, rule counts, wall time and peak memory.
 * Exits 1 on any crash (an internal/* finding or an exception). Run with the CLI jar on the class path:
 * {@code java -cp cli/target/connect-verify.jar bench/CorpusRun.java ../shared/corpus/descriptors}.
 */
public final class CorpusRun {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/corpus/descriptors");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    long start = System.nanoTime();
    Verifier verifier = Verifier.create(VerifyOptions.builder().baseDir(dir).build());
    Map<String, Integer> verdicts = new TreeMap<>();
    Map<String, Integer> rules = new TreeMap<>();
    List<String> crashes = new ArrayList<>();
    for (Path f : files) {
      String verdict;
      long e = 0, w = 0, i = 0;
      java.util.Set<String> errorRules = new java.util.TreeSet<>();
      try {
        Report r = verifier.verify(List.of(f));
        e = r.count(Severity.ERROR);
        w = r.count(Severity.WARNING);
        i = r.count(Severity.INFO);
        for (Finding finding : r.findings()) {
          rules.merge(finding.ruleId(), 1, Integer::sum);
          if (finding.severity() == Severity.ERROR) {
            errorRules.add(finding.ruleId());
          }
          if (finding.ruleId().startsWith("internal/")) {
            crashes.add(finding.toString());
          }
        }
        boolean unparsed = r.descriptors().stream().anyMatch(d -> d.product() == null);
        verdict = unparsed ? "unparseable" : e > 0 ? "errors" : w > 0 ? "warnings" : "clean";
      } catch (Exception | Error ex) {
        verdict = "CRASH";
        crashes.add(f.getFileName() + ": " + ex);
      }
      verdicts.merge(verdict, 1, Integer::sum);
      System.out.printf("%-12s %3d errors %3d warnings %3d infos  %s%s%n", verdict, e, w, i, f.getFileName(),
          errorRules.isEmpty() ? "" : "  " + errorRules);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println();
    System.out.println("files: " + files.size() + "  verdicts: " + verdicts);
    System.out.println("findings by rule: " + rules);
    System.out.printf("wall time %.2f s (%.1f ms per file, one JVM); peak RSS %s%n",
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
