package org.connectverify.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Forge manifest of a project: {@code manifest.yml} (or {@code manifest.yaml}) at the project's root, where
 * {@code forge deploy} reads it. For hosts (the Maven plugin) that look for a module's descriptor themselves; the
 * same sniff as folder search, so another tool's {@code manifest.yml} (Cloud Foundry's) is not taken for one.
 */
public final class ProjectManifest {
  private ProjectManifest() {}

  /** The Forge manifest at the root of {@code projectDir}, if there is one. */
  public static Optional<Path> atRoot(Path projectDir) {
    for (String name : new String[] {"manifest.yml", "manifest.yaml"}) {
      Path f = projectDir.resolve(name);
      if (Files.isRegularFile(f) && DescriptorFinder.looksLikeManifest(f)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
