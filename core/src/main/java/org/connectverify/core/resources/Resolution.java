package org.connectverify.core.resources;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** What a URL in a descriptor turned out to be, locally. */
public sealed interface Resolution {

  /**
   * The path the app's web server would be asked for ({@code /i18n/en.json}), without query or fragment; empty when
   * the reference could not be mapped to one.
   */
  String servedPath();

  /** The reference names a file that exists under one of the web roots. */
  record Found(String servedPath, Path file, String display, String root) implements Resolution {}

  /**
   * The reference maps to a path under baseUrl, but no web root has that file.
   *
   * @param searched the web roots that were searched, as display paths
   * @param caseMismatch display path of a file whose name differs only in letter case (found on a case-insensitive
   *     file system, not served by a case-sensitive web server), or null
   * @param lookup finds a file with the same name elsewhere under the web roots (see {@link #sameName})
   */
  record Missing(String servedPath, List<String> searched, String caseMismatch, Supplier<Elsewhere> lookup)
      implements Resolution {
    /**
     * A file with the same name elsewhere under the web roots (moved?), or null. Looked up when asked: it indexes the
     * roots' files, which a check that ends up not reporting the file never needs.
     */
    public Elsewhere sameName() {
      return lookup.get();
    }
  }

  /** A file found under a web root at another path: its display path and the path it is served at. */
  record Elsewhere(String display, String servedPath) {}

  /** An absolute URL outside the app's baseUrl: left to the online checks. */
  record Remote(String servedPath, String url) implements Resolution {}

  /** The reference cannot be mapped to a file (URL variables, no web roots, escapes the root, ...); says why. */
  record Unresolvable(String servedPath, String reason) implements Resolution {}
}
