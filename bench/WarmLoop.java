import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;

/**
 * The library warm, in process (bench/vs-node.sh runs it next to node-driver.js --warm): one Verifier, every file
 * verified on its own, round after round; WARMUP seconds of rounds, then descriptors per second over SECONDS. With
 * {@code --batch}, each round verifies all the files in one call, as a build over many descriptors does: on as many
 * threads as the verifier uses (the cores, up to 4), with the cross-app checks over the whole set. Run with the CLI
 * jar on the class path:
 * {@code java -cp cli/target/connect-verify.jar bench/WarmLoop.java [--batch] WARMUP SECONDS PATH...} (a PATH that is
 * a folder stands for its files). Over the corpus on two cores the JIT settles after about 25 s (before that, 2-second
 * windows swing between 1,200 and 6,000 descriptors/s while C2 recompiles), so a warm figure needs a warm-up that long.
 */
public final class WarmLoop {
  public static void main(String[] args) throws Exception {
    boolean batch = args.length > 0 && args[0].equals("--batch");
    int a = batch ? 1 : 0;
    double warmup = Double.parseDouble(args[a]);
    double seconds = Double.parseDouble(args[a + 1]);
    List<Path> files = new ArrayList<>();
    for (int i = a + 2; i < args.length; i++) {
      Path p = Path.of(args[i]);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    Verifier verifier = Verifier.create(VerifyOptions.builder().baseDir(files.get(0).getParent()).build());
    long sink = 0;
    long end = System.nanoTime() + (long) (warmup * 1e9);
    while (System.nanoTime() < end) {
      sink += round(verifier, files, batch);
    }
    long done = 0;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = mx.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      sink += round(verifier, files, batch);
      done += files.size();
    }
    double took = (System.nanoTime() - start) / 1e9;
    double cpuTook = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
    // the second figure is per CPU second of the calling thread: steadier than wall time on a shared machine (with
    // --batch, the other threads' CPU is not in it)
    System.out.printf(
        "java warm: %.1f descriptors/s (%d findings seen; %.1f per thread CPU second)%n", done / took, sink,
        done / cpuTook);
  }

  private static long round(Verifier verifier, List<Path> files, boolean batch) throws Exception {
    if (batch) {
      return verifier.verify(files).findings().size();
    }
    long n = 0;
    for (Path f : files) {
      n += verifier.verify(List.of(f)).findings().size();
    }
    return n;
  }
}
