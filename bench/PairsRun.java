import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.diff.DescriptorDiff;
import org.connectverify.core.diff.DiffSide;

/**
 * Migration-pair run: for every row of PAIRS.tsv (descriptor → manifest of the same app, real repositories), runs
 * {@code connect-verify diff DESCRIPTOR MANIFEST} as the CLI does (offline, default options: an unfilled
 * {@code ${CONNECT_KEY}} stays a note), and prints per pair the Marketplace class, the finding counts and the error
 * rules, then the verdict table and rule counts. Exits 1 on any crash (an exception or an internal/* finding). Run with
 * the CLI jar on the class path:
 * {@code java -cp cli/target/connect-verify.jar bench/PairsRun.java ../shared/corpus/forge/PAIRS.tsv}.
 * With {@code --show N} it also prints the findings and notes of pair N (1-based row of the table).
 */
public final class PairsRun {
  public static void main(String[] args) throws Exception {
    Path tsv = Path.of(args.length > 0 ? args[0] : "../shared/corpus/forge/PAIRS.tsv");
    Set<Integer> show = new TreeSet<>();
    for (int a = 1; a < args.length - 1; a++) {
      if (args[a].equals("--show")) {
        show.add(Integer.parseInt(args[a + 1]));
      }
    }
    Path dir = tsv.toAbsolutePath().getParent();
    List<String> rows = Files.readAllLines(tsv);
    long start = System.nanoTime();
    Map<String, Integer> verdicts = new TreeMap<>();
    Map<String, Integer> rules = new TreeMap<>();
    Map<String, Integer> errorRules = new TreeMap<>();
    List<String> crashes = new ArrayList<>();
    int n = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] cols = row.split("\t");
      if (cols.length < 2) {
        continue;
      }
      n++;
      Path manifest = dir.resolve(cols[0]);
      Path descriptor = dir.resolve(cols[1]);
      String verdict;
      String marketplace = "";
      long e = 0, w = 0, i = 0;
      Set<String> errors = new TreeSet<>();
      try {
        DescriptorDiff diff = DescriptorDiff.create(VerifyOptions.builder().baseDir(dir).build());
        Report r =
            diff.diff(
                new DiffSide(cols[1], Files.readAllBytes(descriptor), descriptor),
                new DiffSide(cols[0], Files.readAllBytes(manifest), manifest));
        e = r.count(Severity.ERROR);
        w = r.count(Severity.WARNING);
        i = r.count(Severity.INFO);
        for (Finding f : r.findings()) {
          rules.merge(f.ruleId(), 1, Integer::sum);
          if (f.severity() == Severity.ERROR) {
            // an error that quotes an unfilled placeholder compares a value "as written" (see the run's notes)
            String id = f.ruleId() + (f.message().contains("{{") || f.message().contains("${") ? " (placeholder)" : "");
            errors.add(id);
            errorRules.merge(id, 1, Integer::sum);
          }
          if (f.ruleId().startsWith("internal/")) {
            crashes.add(cols[0] + ": " + f);
          }
        }
        for (String note : r.notes()) {
          if (note.startsWith("Marketplace update: ")) {
            String kind = note.substring("Marketplace update: ".length());
            marketplace = kind.startsWith("major") ? "major" : kind.startsWith("minor") ? "minor"
                : kind.startsWith("none") ? "none" : kind.split(" ")[0];
          }
        }
        verdict = marketplace.isEmpty() ? "not-compared" : e > 0 ? "errors" : w > 0 ? "warnings" : "clean";
        if (show.contains(n)) {
          System.out.println("---- pair " + n + ": " + cols[1] + " -> " + cols[0]);
          r.findings().forEach(f -> System.out.println(f + (f.hint() == null ? "" : "\n    hint: " + f.hint())));
          r.notes().forEach(note -> System.out.println("note: " + note));
          System.out.println("----");
        }
      } catch (Exception | Error ex) {
        verdict = "CRASH";
        crashes.add(cols[0] + ": " + ex);
      }
      verdicts.merge(verdict + (marketplace.isEmpty() ? "" : " / " + marketplace), 1, Integer::sum);
      System.out.printf("%3d %-9s %-6s %3d errors %3d warnings %3d infos  %s%s%n", n, verdict, marketplace, e, w, i,
          cols[0], errors.isEmpty() ? "" : "  " + errors);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println();
    System.out.println("verdict / Marketplace class: pairs");
    verdicts.forEach((k, v) -> System.out.printf("  %-22s %4d%n", k, v));
    System.out.println("findings by rule:");
    rules.forEach((k, v) -> System.out.printf("  %-40s %4d%n", k, v));
    System.out.println("error findings by rule (placeholder: the message quotes a value left unfilled, compared as written):");
    errorRules.forEach((k, v) -> System.out.printf("  %-40s %4d%n", k, v));
    System.out.printf("%d pairs in %.1f s%n", n, seconds);
    if (!crashes.isEmpty()) {
      System.out.println("CRASHES:");
      crashes.forEach(c -> System.out.println("  " + c));
      System.exit(1);
    }
  }
}
