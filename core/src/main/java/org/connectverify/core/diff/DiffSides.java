package org.connectverify.core.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.connectverify.core.InputException;
import org.connectverify.core.text.Strings;

/**
 * Reads the side of a comparison a user names: a file, an {@code http(s)://} URL (only online), or
 * {@code git:REV:path} (read from the repository without a checkout).
 */
public final class DiffSides {
  private final Path baseDir;
  private final GitShow git;
  private final DescriptorFetcher fetcher;

  /**
   * @param baseDir file sides are shown relative to this folder, and git runs in it
   * @param fetcher fetches URL sides; null when the run is offline
   */
  public DiffSides(Path baseDir, DescriptorFetcher fetcher) {
    this(baseDir, new GitShow(baseDir), fetcher);
  }

  DiffSides(Path baseDir, GitShow git, DescriptorFetcher fetcher) {
    this.baseDir = baseDir.toAbsolutePath().normalize();
    this.git = git;
    this.fetcher = fetcher;
  }

  /**
   * Reads one side.
   *
   * @throws InputException with a one-line message when it cannot be read
   */
  public DiffSide load(String spec) throws InputException {
    String s = spec.trim();
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      if (fetcher == null) {
        throw new InputException(s + ": is a URL; add --online to fetch it");
      }
      return new DiffSide(s, fetcher.fetch(s));
    }
    if (s.startsWith("git:")) {
      String rest = s.substring(4);
      int colon = rest.indexOf(':');
      if (colon <= 0 || colon == rest.length() - 1) {
        throw new InputException(s + ": expected git:REV:path, e.g. git:HEAD~1:atlassian-connect.json");
      }
      String rev = rest.substring(0, colon);
      String path = rest.substring(colon + 1);
      return new DiffSide(path + "@" + rev, git.read(rev, path));
    }
    return file(Path.of(s));
  }

  private DiffSide file(Path file) throws InputException {
    if (Files.isDirectory(file)) {
      throw new InputException(file + ": is a folder; name the descriptor file");
    }
    if (!Files.exists(file)) {
      throw new InputException(file + ": no such file");
    }
    try {
      return new DiffSide(display(file), Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private String display(Path file) {
    return Strings.displayPath(file, baseDir);
  }
}
