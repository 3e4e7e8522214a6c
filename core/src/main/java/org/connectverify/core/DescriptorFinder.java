package org.connectverify.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expands the paths a user names into descriptor files. A file is taken as it is; a folder is searched for
 * {@code atlassian-connect*.json} files, for other {@code *connect*.json} files that look like descriptors, and for
 * Forge {@code manifest.yml} files (Connect on Forge), skipping build output, dependencies and VCS folders, what
 * {@code .gitignore} files ignore (a subset: see {@link GitIgnore}) and the user's {@code --exclude} globs (relative to
 * the searched folder).
 */
final class DescriptorFinder {
  private static final Set<String> SKIP =
      Set.of("node_modules", ".git", ".hg", ".svn", "target", "build", "dist", "out", ".idea", "bower_components",
          "lib", ".next", "coverage", ".nuxt", ".svelte-kit", ".output", "bin");

  private final List<org.connectverify.core.config.Glob> excludes;

  DescriptorFinder() {
    this(List.of());
  }

  DescriptorFinder(List<String> excludes) {
    this.excludes =
        excludes.isEmpty() ? List.of() : excludes.stream().map(org.connectverify.core.config.Glob::new).toList();
  }

  private java.util.function.Consumer<String> trace = line -> {};
  private boolean tracing;

  /** Where to say which folders are searched and why each file is picked ({@code --verbose}); null for nowhere. */
  DescriptorFinder trace(java.util.function.Consumer<String> trace) {
    this.tracing = trace != null;
    this.trace = trace != null ? trace : line -> {};
    return this;
  }

  /** What a folder search skipped and why (a FIFO, socket or device; a folder it cannot read), for the report. */
  final List<String> notes = new ArrayList<>();

  /** The inputs that were folders, absolute and normalised, in the order given (known from expanding them). */
  final List<Path> folders = new ArrayList<>();

  /**
   * The size each file had when it was found, for {@link org.connectverify.core.text.FileBytes#readAtMost(Path, int,
   * long)}: on a warm host verifying one file per call, the file's one look before it is read.
   */
  final java.util.Map<Path, Long> sizes = new java.util.HashMap<>();

  List<Path> expand(List<Path> inputs) throws InputException {
    List<Path> out = new ArrayList<>();
    for (Path input : inputs) {
      BasicFileAttributes attrs = attributes(input);
      if (attrs != null && attrs.isRegularFile()) {
        // whether it can be read is found when it is read (Verifier.read), with no second look at every file here
        if (tracing) {
          trace.accept(input + ": named on the command line, verified as given");
        }
        sizes.put(input, attrs.size());
        out.add(input);
      } else if (attrs != null ? attrs.isDirectory() : Files.isDirectory(input)) {
        folders.add(input.toAbsolutePath().normalize());
        trace.accept(input + ": searching for atlassian-connect*.json, descriptor-like *connect*.json and Forge"
            + " manifest.yml, skipping " + new java.util.TreeSet<>(SKIP) + ", .gitignore'd folders and --exclude globs");
        java.util.Set<String> skipped = new java.util.TreeSet<>();
        List<Path> found = search(input, skipped);
        if (found.isEmpty()) {
          throw new InputException(
              input + ": no descriptor found in this folder (looked for atlassian-connect*.json, *connect*.json and manifest.yml)"
                  + (skipped.isEmpty()
                      ? ""
                      : "; skipped " + String.join(", ", limit(skipped))
                          + " (build output, dependencies, .gitignore, --exclude): name a file there to verify it"));
        }
        out.addAll(found);
      } else if (Files.exists(input)) {
        throw new InputException(input + ": not a regular file or folder");
      } else {
        throw new InputException(input + ": no such file or folder");
      }
    }
    return out;
  }

  /** What {@code Files.isRegularFile} and {@code isDirectory} look at (links followed), or null when that fails. */
  private static BasicFileAttributes attributes(Path input) {
    try {
      return Files.readAttributes(input, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return null; // as Files.isRegularFile says false: the branches below tell what it is, as before
    }
  }

  private static List<String> limit(java.util.Set<String> skipped) {
    List<String> all = new ArrayList<>(skipped);
    return all.size() <= 8 ? all : List.of(String.join(", ", all.subList(0, 8)), "and " + (all.size() - 8) + " more");
  }

  private List<Path> search(Path dir, java.util.Set<String> skipped) throws InputException {
    List<Path> found = new ArrayList<>();
    GitIgnore ignores = new GitIgnore();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (d.equals(dir)) {
                ignores.enter(d, dir);
                return FileVisitResult.CONTINUE;
              }
              String rel = dir.relativize(d).toString().replace('\\', '/');
              if (SKIP.contains(d.getFileName().toString()) || excluded(rel) || ignores.ignored(d, true)) {
                skipped.add(rel + "/");
                trace.accept(d + ": skipped (" + (SKIP.contains(d.getFileName().toString())
                    ? d.getFileName() + " holds no sources"
                    : excluded(rel) ? "--exclude" : ".gitignore") + ")");
                return FileVisitResult.SKIP_SUBTREE;
              }
              ignores.enter(d, dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
              ignores.leave(d);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              String rel = dir.relativize(f).toString().replace('\\', '/');
              if (excluded(rel) || ignores.ignored(f, false)) {
                if (f.getFileName().toString().endsWith(".json")) {
                  skipped.add(rel);
                }
                return FileVisitResult.CONTINUE;
              }
              String name = f.getFileName().toString();
              if (!attrs.isRegularFile()) {
                if ((name.endsWith(".json") && name.contains("connect"))
                    || name.equals("manifest.yml")
                    || name.equals("manifest.yaml")) {
                  notes.add(f + ": skipped, not a regular file (a FIFO, socket or device is never read)");
                }
                return FileVisitResult.CONTINUE;
              }
              if (name.startsWith("atlassian-connect") && name.endsWith(".json")) {
                trace.accept(f + ": picked, the name matches atlassian-connect*.json");
                found.add(f);
                sizes.put(f, attrs.size());
              } else if (name.equals("manifest.yml") || name.equals("manifest.yaml")) {
                boolean manifest = looksLikeManifest(f);
                trace.accept(f + (manifest
                    ? ": picked, a Forge manifest (top-level app: with modules, connectModules or remotes)"
                    : ": not picked, a manifest.yml that is not a Forge manifest"));
                if (manifest) {
                  found.add(f);
                  sizes.put(f, attrs.size());
                }
              } else if (name.endsWith(".json") && name.contains("connect")) {
                boolean descriptor = looksLikeDescriptor(f);
                trace.accept(f + (descriptor
                    ? ": picked, a *connect*.json naming baseUrl and modules or authentication"
                    : ": not picked, a *connect*.json that names no baseUrl with modules or authentication"));
                if (descriptor) {
                  found.add(f);
                  sizes.put(f, attrs.size());
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              notes.add(f + ": skipped, cannot be read (" + e.getClass().getSimpleName() + ")");
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new InputException(dir + ": cannot search folder: " + e.getMessage(), e);
    }
    found.sort(null);
    return found;
  }

  /**
   * A cheap sniff of the first 64 KiB: a Forge manifest has a top-level {@code app:} and {@code modules:},
   * {@code connectModules:} or {@code remotes:} (other tools' {@code manifest.yml}, such as Cloud Foundry's, do not).
   */
  static boolean looksLikeManifest(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      String head = new String(in.readNBytes(65536), StandardCharsets.UTF_8);
      return head.matches("(?s)(.*\\n)?app:.*")
          && head.matches("(?s)(.*\\n)?(modules|connectModules|remotes):.*");
    } catch (IOException e) {
      return false;
    }
  }

  private boolean excluded(String rel) {
    for (org.connectverify.core.config.Glob g : excludes) {
      if (g.matches(rel) || g.matches(rel + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The part of {@code .gitignore} that decides which folders hold build output, read from the searched folder and
   * every folder below it: blank lines and {@code #} comments skipped; a pattern without {@code /} (other than a
   * trailing one) matches a name at any depth below its file's folder; one with a leading or inner {@code /} is
   * anchored there; a trailing {@code /} matches folders only; {@code *}, {@code ?} and {@code **} as in git. Not
   * supported: negation ({@code !pattern}, such lines are ignored, so a re-included file stays skipped), character
   * classes, escapes, and the global and {@code .git/info/exclude} files.
   */
  private static final class GitIgnore {
    private record Rule(Path base, org.connectverify.core.config.Glob glob, boolean dirOnly, boolean anchored) {}

    private final java.util.Deque<List<Rule>> stack = new java.util.ArrayDeque<>();
    private final List<Path> owners = new ArrayList<>();

    void enter(Path d, Path root) {
      Path file = d.resolve(".gitignore");
      List<Rule> rules = new ArrayList<>();
      if (Files.isRegularFile(file)) {
        try {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String p = line.strip();
            if (p.isEmpty() || p.startsWith("#") || p.startsWith("!") || p.contains("[") || p.contains("\\")) {
              continue;
            }
            boolean dirOnly = p.endsWith("/");
            if (dirOnly) {
              p = p.substring(0, p.length() - 1);
            }
            boolean anchored = p.contains("/");
            if (p.startsWith("/")) {
              p = p.substring(1);
            }
            if (!p.isEmpty()) {
              rules.add(new Rule(d, new org.connectverify.core.config.Glob(p), dirOnly, anchored));
            }
          }
        } catch (IOException | java.io.UncheckedIOException e) {
          // an unreadable .gitignore ignores nothing
        }
      }
      stack.push(rules);
      owners.add(d);
    }

    void leave(Path d) {
      if (!owners.isEmpty() && owners.get(owners.size() - 1).equals(d)) {
        owners.remove(owners.size() - 1);
        stack.pop();
      }
    }

    boolean ignored(Path p, boolean directory) {
      for (List<Rule> rules : stack) {
        for (Rule r : rules) {
          if (r.dirOnly() && !directory) {
            continue;
          }
          String rel = r.base().relativize(p).toString().replace('\\', '/');
          boolean hit = r.anchored() ? r.glob().matches(rel) : r.glob().matches(p.getFileName().toString());
          if (hit) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** A cheap sniff of the first 64 KiB: a descriptor names a baseUrl and modules or authentication. */
  private static boolean looksLikeDescriptor(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      String head = new String(in.readNBytes(65536), StandardCharsets.UTF_8);
      return head.contains("\"baseUrl\"") && (head.contains("\"modules\"") || head.contains("\"authentication\""));
    } catch (IOException e) {
      return false;
    }
  }
}
