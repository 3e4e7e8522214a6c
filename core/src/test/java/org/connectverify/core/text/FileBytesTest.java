package org.connectverify.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {
  @TempDir Path dir;

  private Path file(int size) throws IOException {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return Files.write(dir.resolve("f" + size), bytes);
  }

  @Test
  void readsAWholeFileWithinTheLimit() throws IOException {
    for (int size : new int[] {1, 1753, 8192, 8193, 100_000}) {
      Path f = file(size);
      assertArrayEquals(Files.readAllBytes(f), FileBytes.readAtMost(f, 100_000), "size " + size);
    }
    assertEquals(0, FileBytes.readAtMost(Files.write(dir.resolve("empty"), new byte[0]), 10).length);
  }

  @Test
  void readsOneByteMoreThanTheLimitOfALargerFile() throws IOException {
    Path f = file(1000);
    assertArrayEquals(Arrays.copyOf(Files.readAllBytes(f), 11), FileBytes.readAtMost(f, 10));
    assertEquals(1000, FileBytes.readAtMost(f, 999).length); // limit + 1: the caller sees it is too large
    assertEquals(1000, FileBytes.readAtMost(f, 1000).length);
  }

  @Test
  void failsAsReadingDid() {
    assertThrows(java.nio.file.NoSuchFileException.class, () -> FileBytes.readAtMost(dir.resolve("none"), 10));
    assertThrows(IOException.class, () -> FileBytes.readAtMost(dir, 10));
  }
}
