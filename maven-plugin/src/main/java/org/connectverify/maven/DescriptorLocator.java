package org.connectverify.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Resource;

/**
 * Finds what a module ships as its descriptor. By default that is {@code atlassian-connect.json} at the root of a main
 * resource folder (where atlassian-connect-spring-boot reads it from the class path), and a Forge {@code manifest.yml}
 * at the module's root (Connect on Forge). When a resource entry that
 * includes the file has {@code <filtering>true</filtering>}, the copy Maven wrote to the output folder is what ships,
 * so that copy is verified, with its source remembered for mapping positions back. No descriptor content is read
 * here.
 */
final class DescriptorLocator {
  static final String DEFAULT_NAME = "atlassian-connect.json";

  private final Path basedir;
  private final List<Resource> resources;
  private final Path outputDirectory;

  /** What was found, what was looked at, and anything the user should be told. */
  record Located(List<Target> targets, List<Path> searched, List<String> warnings) {}

  DescriptorLocator(Path basedir, List<Resource> resources, Path outputDirectory) {
    this.basedir = basedir;
    this.resources = resources == null ? List.of() : resources;
    this.outputDirectory = outputDirectory;
  }

  /** @param named the descriptors the user listed, or empty for the default search */
  Located locate(List<File> named) {
    List<Path> searched = new ArrayList<>();
    Set<Path> candidates = new LinkedHashSet<>();
    if (named == null || named.isEmpty()) {
      for (Resource r : resources) {
        Path dir = resolve(r.getDirectory());
        if (dir == null || searched.contains(dir)) {
          continue;
        }
        searched.add(dir);
        Path file = dir.resolve(DEFAULT_NAME);
        if (Files.isRegularFile(file) && entryFor(file) != null) {
          candidates.add(file);
        }
      }
      // a Connect-on-Forge app: its manifest.yml sits at the project root, where forge deploy reads it
      org.connectverify.core.ProjectManifest.atRoot(basedir).ifPresent(candidates::add);
    } else {
      for (File f : named) {
        candidates.add(resolve(f.getPath()));
      }
    }
    List<Target> targets = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Path candidate : candidates) {
      targets.add(target(candidate, warnings));
    }
    return new Located(targets, searched, warnings);
  }

  private Target target(Path file, List<String> warnings) {
    if (!Files.isRegularFile(file)) {
      return Target.of(file); // a folder or a missing file: the verifier searches or reports it
    }
    Entry entry = entryFor(file);
    if (entry == null || !entry.resource().isFiltering() || outputDirectory == null) {
      return Target.of(file);
    }
    Path copy = outputFor(entry);
    try {
      if (Files.isRegularFile(copy)
          && Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(file)) >= 0) {
        return new Target(copy, file);
      }
    } catch (IOException e) {
      // fall through: verify the source
    }
    warnings.add(
        basedir.relativize(file)
            + " is filtered by Maven but its copy "
            + (Files.exists(copy) ? "is older than the source" : "is missing")
            + " ("
            + basedir.relativize(copy)
            + "); verifying the unfiltered source instead. Run the goal after process-resources"
            + " (e.g. mvn process-resources connect:verify) to verify what ships.");
    return Target.of(file);
  }

  /** The resource entry that governs a file: a filtering entry wins over a plain copy of the same file. */
  private Entry entryFor(Path file) {
    Entry found = null;
    for (Resource r : resources) {
      Path dir = resolve(r.getDirectory());
      if (dir == null || !file.startsWith(dir)) {
        continue;
      }
      String rel = dir.relativize(file).toString().replace('\\', '/');
      if (included(r, rel) && (found == null || r.isFiltering())) {
        found = new Entry(r, rel);
      }
    }
    return found;
  }

  private Path outputFor(Entry entry) {
    Path out = outputDirectory;
    String targetPath = entry.resource().getTargetPath();
    if (targetPath != null && !targetPath.isBlank()) {
      out = out.resolve(targetPath);
    }
    return out.resolve(entry.relative()).normalize();
  }

  private record Entry(Resource resource, String relative) {}

  private Path resolve(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    Path p = Path.of(path);
    return (p.isAbsolute() ? p : basedir.resolve(p)).normalize();
  }

  private static boolean included(Resource r, String rel) {
    List<String> includes = r.getIncludes();
    boolean in = includes == null || includes.isEmpty() || includes.stream().anyMatch(p -> antMatch(p, rel));
    return in && (r.getExcludes() == null || r.getExcludes().stream().noneMatch(p -> antMatch(p, rel)));
  }

  /** Ant-style path pattern as Maven resources use them: {@code **} spans folders, {@code *} and {@code ?} do not. */
  static boolean antMatch(String pattern, String path) {
    String p = pattern.trim().replace('\\', '/');
    if (p.endsWith("/")) {
      p = p + "**";
    }
    return match(p.split("/"), 0, path.split("/"), 0);
  }

  private static boolean match(String[] pat, int i, String[] path, int j) {
    if (i == pat.length) {
      return j == path.length;
    }
    if (pat[i].equals("**")) {
      for (int k = j; k <= path.length; k++) {
        if (match(pat, i + 1, path, k)) {
          return true;
        }
      }
      return false;
    }
    if (j == path.length) {
      return false;
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pat[i]);
    return m.matches(Path.of(path[j])) && match(pat, i + 1, path, j + 1);
  }
}
