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

  @Test
  void aSizeTakenBeforeOpeningIsTheSizeRead() throws IOException {
    Path f = file(1753);
    byte[] all = Files.readAllBytes(f);
    assertArrayEquals(all, FileBytes.readAtMost(f, 100_000, 1753));
    // it grew since its size was taken: read as it was then
    assertArrayEquals(Arrays.copyOf(all, 1000), FileBytes.readAtMost(f, 100_000, 1000));
    // it shrank: read to its end
    assertArrayEquals(all, FileBytes.readAtMost(f, 100_000, 5000));
    // no size yet (0, as a pipe has, or unknown): read to the end, within the limit
    assertArrayEquals(all, FileBytes.readAtMost(f, 100_000, 0));
    assertArrayEquals(all, FileBytes.readAtMost(f, 100_000, -1));
    assertEquals(11, FileBytes.readAtMost(f, 10, 0).length);
    // a size over the limit: the first limit + 1 bytes, so the caller can say it is too large
    assertArrayEquals(Arrays.copyOf(all, 11), FileBytes.readAtMost(f, 10, 1753));
  }
}
