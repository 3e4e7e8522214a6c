import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;

/**
 * The library warm, in process (bench/vs-node.sh runs it next to node-driver.js --warm): one Verifier, every file
 * verified on its own, round after round; a warm-up of a third of the time, then descriptors per second. Run with
 * the CLI jar on the class path: {@code java -cp cli/target/connect-verify.jar bench/WarmLoop.java SECONDS PATH...}
 * (a PATH that is a folder stands for its files).
 */
public final class WarmLoop {
  public static void main(String[] args) throws Exception {
    double seconds = Double.parseDouble(args[0]);
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
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
    long end = System.nanoTime() + (long) (seconds * 1e9 / 3);
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
