package org.connectverify.core.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reading a whole file with a size limit. */
public final class FileBytes {
  private FileBytes() {}

  /**
   * The file's bytes, or its first {@code limit + 1} bytes when it is larger than {@code limit} (so the caller can say
   * it is too large). A regular file is read into one array of the size the file has when it is opened:
   * {@code InputStream.readNBytes} starts every read with an 8 KiB buffer and copies the result out of it, four times
   * the allocation of a typical descriptor, and asks for one more read to find the end. A file that is not regular (a
   * pipe, a device: its size is 0) is read to its end, within the limit.
   */
  public static byte[] readAtMost(Path file, int limit) throws IOException {
    return readAtMost(file, limit, -1);
  }

  /**
   * {@link #readAtMost(Path, int)} for a file whose size was just looked at ({@code size}; negative when unknown), as
   * when its folder was searched: the size is not asked for again, one system call of the five a small file takes.
   * The file is then read as it was when its size was taken: one that grew since is read up to that size, as one that
   * grows while it is read is.
   */
  public static byte[] readAtMost(Path file, int limit, long size) throws IOException {
    int cap = limit == Integer.MAX_VALUE ? limit : limit + 1;
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      if (size < 0) {
        size = ch.size();
      }
      if (size <= 0 || size >= cap) {
        return Channels.newInputStream(ch).readNBytes(cap);
      }
      byte[] bytes = new byte[(int) size];
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) {
          return Arrays.copyOf(bytes, buf.position()); // it shrank since its size was taken
        }
      }
      return bytes;
    }
  }
}
