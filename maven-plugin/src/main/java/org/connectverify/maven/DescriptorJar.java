package org.connectverify.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.connectverify.core.InputException;

/** Reads the Connect descriptor packaged in a released artifact (a jar, a Spring Boot jar or a war). */
final class DescriptorJar {
  static final String NAME = "atlassian-connect.json";
  private static final int MAX_BYTES = 5 * 1024 * 1024;
  private static final List<String> USUAL =
      List.of(NAME, "BOOT-INF/classes/" + NAME, "WEB-INF/classes/" + NAME, "static/" + NAME, "public/" + NAME);

  private DescriptorJar() {}

  /** The entry that was read and its bytes. */
  record Entry(String name, byte[] bytes) {}

  /**
   * Reads {@code entry} when given, else the first of the usual places, else the first {@code atlassian-connect.json}
   * anywhere in the archive (by name order).
   */
  static Entry read(Path archive, String entry, String shownAs) throws InputException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry found = null;
      if (entry != null && !entry.isBlank()) {
        found = zip.getEntry(entry.strip());
        if (found == null) {
          throw new InputException(shownAs + ": no entry " + entry.strip() + " in " + archive.getFileName());
        }
      } else {
        for (String name : USUAL) {
          found = found == null ? zip.getEntry(name) : found;
        }
        if (found == null) {
          List<String> names = new ArrayList<>();
          zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith("/" + NAME)).forEach(names::add);
          names.sort(null);
          found = names.isEmpty() ? null : zip.getEntry(names.get(0));
        }
        if (found == null) {
          throw new InputException(shownAs + ": no " + NAME + " in " + archive.getFileName());
        }
      }
      try (InputStream in = zip.getInputStream(found)) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new InputException(shownAs + ": " + found.getName() + " is larger than 5 MiB");
        }
        return new Entry(found.getName(), bytes);
      }
    } catch (IOException e) {
      throw new InputException(shownAs + ": cannot read " + archive.getFileName() + ": " + e.getMessage(), e);
    }
  }
}
