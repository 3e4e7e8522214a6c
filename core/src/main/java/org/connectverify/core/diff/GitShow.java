package org.connectverify.core.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.connectverify.core.InputException;

/**
 * Reads a file as it was at a git revision with {@code git show REV:path}, run in a folder of the repository, without
 * touching the working tree. The path is as git takes it: from the repository root, or from the folder when it
 * starts with {@code ./}.
 */
public final class GitShow {
  private static final int MAX_BYTES = OkHttpDescriptorFetcher.MAX_BYTES;

  private final Path workDir;
  private final Duration timeout;
  private final String git;

  /** @param workDir a folder inside the repository (the CLI passes the current directory) */
  public GitShow(Path workDir) {
    this(workDir, Duration.ofSeconds(30), "git");
  }

  GitShow(Path workDir, Duration timeout, String git) {
    this.workDir = workDir;
    this.timeout = timeout;
    this.git = git;
  }

  public byte[] read(String rev, String path) throws InputException {
    String spec = "git:" + rev + ":" + path;
    if (rev.isEmpty() || rev.startsWith("-") || path.isEmpty()) {
      throw new InputException(spec + ": expected git:REV:path, e.g. git:HEAD~1:atlassian-connect.json");
    }
    ProcessBuilder pb =
        new ProcessBuilder(List.of(git, "--no-pager", "show", "--no-textconv", rev + ":" + path))
            .directory(workDir.toFile());
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("LC_ALL", "C");
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new InputException(spec + ": cannot run git (is it installed and on the PATH?)", e);
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread drain = new Thread(() -> copy(process.getErrorStream(), err), "git-stderr");
    drain.setDaemon(true);
    drain.start();
    try {
      process.getOutputStream().close();
      byte[] out;
      try (InputStream in = process.getInputStream()) {
        out = in.readNBytes(MAX_BYTES + 1);
      }
      if (out.length > MAX_BYTES) {
        process.destroyForcibly();
        throw new InputException(spec + ": file is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB");
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new InputException(spec + ": git did not answer within " + timeout.toSeconds() + " s");
      }
      drain.join(1000);
      if (process.exitValue() != 0) {
        throw new InputException(spec + ": " + firstLine(err.toString(StandardCharsets.UTF_8), process.exitValue()));
      }
      return out;
    } catch (IOException e) {
      process.destroyForcibly();
      throw new InputException(spec + ": cannot read git's output: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InputException(spec + ": interrupted while waiting for git", e);
    }
  }

  private static String firstLine(String stderr, int code) {
    for (String line : stderr.split("\\R")) {
      if (!line.isBlank()) {
        return "git: " + line.strip();
      }
    }
    return "git failed (exit code " + code + ")";
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      byte[] buf = new byte[4096];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() < 65536) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // the process ended; what was read is enough for a message
    }
  }
}
