package org.connectverify.maven;

import java.nio.file.Path;

/**
 * One input handed to the verifier: the file that is verified and, when it is a copy that Maven resource filtering
 * produced, the source file it came from (positions are mapped back to it where possible).
 *
 * @param verified the file or folder passed to the verifier
 * @param source the unfiltered source of a filtered copy, or null when {@code verified} is itself the source
 */
record Target(Path verified, Path source) {
  static Target of(Path file) {
    return new Target(file, null);
  }

  boolean filteredCopy() {
    return source != null;
  }
}
