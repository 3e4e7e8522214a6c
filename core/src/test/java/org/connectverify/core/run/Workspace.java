package org.connectverify.core.run;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.connectverify.core.TestPaths;

/**
 * A temporary project for end-to-end runs: a repository root (with {@code .git}), descriptors made from
 * {@code base-jira.json} with one change each, and runs through {@link Runner} with the root as base folder.
 */
final class Workspace {
  final Path root;
  String stdout = "";

  Workspace(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root.resolve(".git"));
  }

  static String base() throws IOException {
    return Files.readString(TestPaths.ruleFixtures().resolve("base-jira.json"), StandardCharsets.UTF_8);
  }

  /** The base descriptor with duplicate keys at /name and /modules/generalPages/0/url. */
  static String twoDuplicates() throws IOException {
    return base()
        .replace("  \"name\": \"Issue Helper\",\n", "  \"name\": \"Issue Helper\",\n  \"name\": \"Issue Helper 2\",\n")
        .replace("\"url\": \"/home\",", "\"url\": \"/home\",\n        \"url\": \"/home2\",");
  }

  Path write(String relative, String text) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  String read(String relative) throws IOException {
    return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
  }

  /** Runs on {@code inputs} (relative to the root) with these host options; stdout is kept in {@link #stdout}. */
  Runner.Result run(Consumer<RunOptions.Builder> host, String... inputs) throws Exception {
    StringWriter out = new StringWriter();
    List<Path> paths = java.util.Arrays.stream(inputs).map(root::resolve).toList();
    Runner.Result r =
        Runner.run(
            paths,
            b -> {
              b.verify().baseDir(root);
              host.accept(b);
            },
            out);
    stdout = out.toString();
    return r;
  }

  /** Canonical lines of a run's findings. */
  static List<String> lines(Runner.Result r) {
    return r.report().findings().stream().map(Object::toString).toList();
  }
}
