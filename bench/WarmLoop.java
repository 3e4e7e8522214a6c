import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;

/**
 * The library warm, in process (bench/vs-node.sh runs it next to node-driver.js --warm): one Verifier, every file
 * verified on its own, round after round; WARMUP seconds of rounds, then descriptors per second over SECONDS. Run with
 * the CLI jar on the class path:
 * {@code java -cp cli/target/connect-verify.jar bench/WarmLoop.java WARMUP SECONDS PATH...} (a PATH that is a folder
 * stands for its files). Over the corpus on two cores the JIT settles after about 25 s (before that, 2-second windows
 * swing between 1,200 and 6,000 descriptors/s while C2 recompiles), so a warm figure needs a warm-up that long.
 */
public final class WarmLoop {
  public static void main(String[] args) throws Exception {
    double warmup = Double.parseDouble(args[0]);
    double seconds = Double.parseDouble(args[1]);
    List<Path> files = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
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
      sink += round(verifier, files);
    }
    long done = 0;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = mx.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      sink += round(verifier, files);
      done += files.size();
    }
    double took = (System.nanoTime() - start) / 1e9;
    double cpuTook = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
    // the second figure is per CPU second of the verifying thread: steadier than wall time on a shared machine
    System.out.printf(
        "java warm: %.1f descriptors/s (%d findings seen; %.1f per thread CPU second)%n", done / took, sink,
        done / cpuTook);
  }

  private static long round(Verifier verifier, List<Path> files) throws Exception {
    long n = 0;
    for (Path f : files) {
      n += verifier.verify(List.of(f)).findings().size();
    }
    return n;
  }
}
