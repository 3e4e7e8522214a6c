package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.connectverify.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorJarTest {
  @TempDir Path dir;

  static Path jar(Path file, String... entriesAndTexts) throws Exception {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < entriesAndTexts.length; i += 2) {
        zip.putNextEntry(new ZipEntry(entriesAndTexts[i]));
        zip.write(entriesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void readsTheDescriptorAtTheRootOfTheJar() throws Exception {
    Path jar = jar(dir.resolve("a.jar"), "META-INF/MANIFEST.MF", "x", "atlassian-connect.json", "{\"key\":\"root\"}");
    DescriptorJar.Entry e = DescriptorJar.read(jar, null, "g:a:1");
    assertEquals("atlassian-connect.json", e.name());
    assertEquals("{\"key\":\"root\"}", new String(e.bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void findsTheDescriptorOfASpringBootJar() throws Exception {
    Path jar = jar(dir.resolve("a.jar"), "BOOT-INF/classes/atlassian-connect.json", "{}");
    assertEquals("BOOT-INF/classes/atlassian-connect.json", DescriptorJar.read(jar, null, "g:a:1").name());
  }

  @Test
  void fallsBackToTheFirstDescriptorAnywhere() throws Exception {
    Path jar = jar(dir.resolve("a.jar"), "z/atlassian-connect.json", "{}", "b/atlassian-connect.json", "{}");
    assertEquals("b/atlassian-connect.json", DescriptorJar.read(jar, null, "g:a:1").name());
  }

  @Test
  void readsANamedEntry() throws Exception {
    Path jar = jar(dir.resolve("a.jar"), "atlassian-connect.json", "{}", "conf/connect.json", "{\"k\":1}");
    assertEquals("conf/connect.json", DescriptorJar.read(jar, "conf/connect.json", "g:a:1").name());
  }

  @Test
  void aJarWithoutADescriptorIsAnInputError() throws Exception {
    Path jar = jar(dir.resolve("a.jar"), "README", "x");
    InputException e = assertThrows(InputException.class, () -> DescriptorJar.read(jar, null, "g:a:1"));
    assertEquals("g:a:1: no atlassian-connect.json in a.jar", e.getMessage());
  }
}
