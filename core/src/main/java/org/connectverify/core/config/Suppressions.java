package org.connectverify.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.VerifyOptions;

/**
 * Applies a configuration's suppressions to a run's findings. A suppression that matched nothing is reported as
 * {@code config/unused-suppression} at its place in the configuration file, but only when it could have matched in
 * this run: its rule ran and its files glob names a file that was checked (verifying one app of two must not flag
 * the other app's suppressions).
 */
public final class Suppressions {
  private Suppressions() {}

  /** What is left after suppressions: the findings to report, how many were hidden, and unused-suppression findings. */
  public record Outcome(List<Finding> kept, int suppressed, List<Finding> unused) {}

  /**
   * @param baseDir the folder display paths are relative to
   * @param checkedFiles display paths of every file the run looked at (descriptors and files with findings)
   */
  public static Outcome apply(
      Config config, List<Finding> findings, Path baseDir, Collection<String> checkedFiles, VerifyOptions options) {
    Path configDir = config.path().toAbsolutePath().normalize().getParent();
    List<Suppression> all = config.suppressions();
    int[] used = new int[all.size()];
    List<Finding> kept = new ArrayList<>();
    int suppressed = 0;
    for (Finding f : findings) {
      String rel = relative(configDir, baseDir, f.file());
      boolean hidden = false;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).matches(f, rel)) {
          used[i]++;
          hidden = true;
        }
      }
      if (hidden) {
        suppressed++;
      } else {
        kept.add(f);
      }
    }
    List<Finding> unused = new ArrayList<>();
    if (!options.skips(ConfigRules.UNUSED_SUPPRESSION.id())) {
      for (int i = 0; i < all.size(); i++) {
        Suppression s = all.get(i);
        if (used[i] > 0 || !couldMatch(s, configDir, baseDir, checkedFiles, options)) {
          continue;
        }
        unused.add(
            new Finding(
                ConfigRules.UNUSED_SUPPRESSION.id(),
                options.severityOf(ConfigRules.UNUSED_SUPPRESSION),
                s.position(),
                "suppression (" + s.describe() + ") matched no finding",
                "the problem it accepted is gone or moved; delete the entry so it cannot hide the next one",
                List.of()));
      }
    }
    return new Outcome(kept, suppressed, unused);
  }

  private static boolean couldMatch(
      Suppression s, Path configDir, Path baseDir, Collection<String> checkedFiles, VerifyOptions options) {
    if (s.rule() != null && !s.rule().endsWith("/*") && options.skips(s.rule())) {
      return false;
    }
    if (s.files() == null) {
      return true;
    }
    for (String file : checkedFiles) {
      if (s.matchesFile(relative(configDir, baseDir, file))) {
        return true;
      }
    }
    return false;
  }

  /** A display path (relative to baseDir) made relative to the configuration file's folder, {@code /}-separated. */
  static String relative(Path configDir, Path baseDir, String display) {
    Path abs = baseDir.resolve(display).toAbsolutePath().normalize();
    Path rel = abs.startsWith(configDir) ? configDir.relativize(abs) : abs;
    return rel.toString().replace('\\', '/');
  }
}
