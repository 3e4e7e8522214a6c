package org.connectverify.core.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.connectverify.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffSidesTest {
  @TempDir Path dir;

  @Test
  void readsAFileAndShowsItRelativeToTheBaseFolder() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/atlassian-connect.json"), "{}");
    DiffSide side = new DiffSides(dir, null).load(dir.resolve("src/atlassian-connect.json").toString());
    assertEquals("src/atlassian-connect.json", side.display());
    assertArrayEquals("{}".getBytes(), side.bytes());
  }

  @Test
  void aUrlNeedsTheOnlineSwitch() {
    InputException e =
        assertThrows(InputException.class, () -> new DiffSides(dir, null).load("https://example.com/a.json"));
    assertEquals("https://example.com/a.json: is a URL; add --online to fetch it", e.getMessage());
  }

  @Test
  void aUrlIsFetchedWhenOnline() throws Exception {
    DescriptorFetcher fetcher = url -> ("{\"from\":\"" + url + "\"}").getBytes();
    DiffSide side = new DiffSides(dir, fetcher).load("https://example.com/a.json");
    assertEquals("https://example.com/a.json", side.display());
  }

  @Test
  void aMalformedGitSideIsAnInputError() {
    InputException e = assertThrows(InputException.class, () -> new DiffSides(dir, null).load("git:HEAD"));
    assertEquals("git:HEAD: expected git:REV:path, e.g. git:HEAD~1:atlassian-connect.json", e.getMessage());
  }

  @Test
  void aFolderOrAMissingFileIsAnInputError() {
    assertEquals(
        dir + ": is a folder; name the descriptor file",
        assertThrows(InputException.class, () -> new DiffSides(dir, null).load(dir.toString())).getMessage());
    assertEquals(
        dir.resolve("nope.json") + ": no such file",
        assertThrows(InputException.class, () -> new DiffSides(dir, null).load(dir.resolve("nope.json").toString()))
            .getMessage());
  }
}
