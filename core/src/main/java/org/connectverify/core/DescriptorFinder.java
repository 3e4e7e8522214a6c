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
 * Forge {@code manifest.yml} files (Connect on Forge),
 * skipping build output, dependencies and VCS folders.
 */
final class DescriptorFinder {
  private static final Set<String> SKIP =
      Set.of("node_modules", ".git", ".hg", ".svn", "target", "build", "dist", "out", ".idea", "bower_components");

  private java.util.function.Consumer<String> trace = line -> {};

  /** Where to say which folders are searched and why each file is picked ({@code --verbose}). */
  DescriptorFinder trace(java.util.function.Consumer<String> trace) {
    this.trace = trace;
    return this;
  }

  /** What a folder search skipped and why (a FIFO, socket or device; a folder it cannot read), for the report. */
  final List<String> notes = new ArrayList<>();

  List<Path> expand(List<Path> inputs) throws InputException {
    List<Path> out = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isRegularFile(input)) {
        if (!Files.isReadable(input)) {
          throw new InputException(input + ": file is not readable");
        }
        trace.accept(input + ": named on the command line, verified as given");
        out.add(input);
      } else if (Files.isDirectory(input)) {
        trace.accept(input + ": searching for atlassian-connect*.json and descriptor-like *connect*.json, skipping "
            + new java.util.TreeSet<>(SKIP));
        List<Path> found = search(input);
        if (found.isEmpty()) {
          throw new InputException(
              input + ": no descriptor found in this folder (looked for atlassian-connect*.json, *connect*.json and manifest.yml)");
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

  private List<Path> search(Path dir) throws InputException {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (!d.equals(dir) && SKIP.contains(d.getFileName().toString())) {
                trace.accept(d + ": skipped (" + d.getFileName() + " holds no sources)");
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              String name = f.getFileName().toString();
              if (!attrs.isRegularFile()) {
                if (name.endsWith(".json") && name.contains("connect")) {
                  notes.add(f + ": skipped, not a regular file (a FIFO, socket or device is never read)");
                }
                return FileVisitResult.CONTINUE;
              }
              if (name.startsWith("atlassian-connect") && name.endsWith(".json")) {
                trace.accept(f + ": picked, the name matches atlassian-connect*.json");
                found.add(f);
              } else if (name.equals("manifest.yml") || name.equals("manifest.yaml")) {
                boolean manifest = looksLikeManifest(f);
                trace.accept(f + (manifest
                    ? ": picked, a Forge manifest (top-level app: with modules, connectModules or remotes)"
                    : ": not picked, a manifest.yml that is not a Forge manifest"));
                if (manifest) {
                  found.add(f);
                }
              } else if (name.endsWith(".json") && name.contains("connect")) {
                boolean descriptor = looksLikeDescriptor(f);
                trace.accept(f + (descriptor
                    ? ": picked, a *connect*.json naming baseUrl and modules or authentication"
                    : ": not picked, a *connect*.json that names no baseUrl with modules or authentication"));
                if (descriptor) {
                  found.add(f);
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
