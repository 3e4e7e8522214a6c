package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.maven.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorLocatorTest {
  @TempDir Path base;

  private Path write(String relative, String text) throws IOException {
    Path p = base.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static Resource resource(String dir, boolean filtering) {
    Resource r = new Resource();
    r.setDirectory(dir);
    r.setFiltering(filtering);
    return r;
  }

  private DescriptorLocator.Located locate(List<Resource> resources, List<File> named) {
    return new DescriptorLocator(base, resources, base.resolve("target/classes")).locate(named);
  }

  @Test
  void findsTheDescriptorAtTheRootOfAResourceFolder() throws IOException {
    Path source = write("src/main/resources/atlassian-connect.json", "{}");
    write("src/main/resources/nested/atlassian-connect.json", "{}");
    DescriptorLocator.Located found = locate(List.of(resource("src/main/resources", false)), List.of());
    assertEquals(List.of(Target.of(source)), found.targets());
    assertEquals(List.of(base.resolve("src/main/resources")), found.searched());
  }

  @Test
  void findsNothingAndSaysWhereItLookedWhenThereIsNoDescriptor() {
    DescriptorLocator.Located found = locate(List.of(resource("src/main/resources", false)), List.of());
    assertTrue(found.targets().isEmpty());
    assertEquals(List.of(base.resolve("src/main/resources")), found.searched());
  }

  @Test
  void findsAForgeManifestAtTheModuleRoot() throws IOException {
    Path manifest =
        write("manifest.yml", "app:\n  connect:\n    key: com.example.app\nconnectModules:\n  jira:generalPages: []\n");
    DescriptorLocator.Located found = locate(List.of(resource("src/main/resources", false)), List.of());
    assertEquals(List.of(Target.of(manifest)), found.targets());
  }

  @Test
  void ignoresAnotherToolsManifestAtTheModuleRoot() throws IOException {
    write("manifest.yml", "applications:\n  - name: my-app\n    memory: 512M\n");
    DescriptorLocator.Located found = locate(List.of(resource("src/main/resources", false)), List.of());
    assertTrue(found.targets().isEmpty(), "a Cloud Foundry manifest is not a Forge manifest");
  }

  @Test
  void verifiesTheFilteredCopyAndRemembersItsSource() throws IOException {
    Path source = write("src/main/resources/atlassian-connect.json", "{}");
    Path copy = write("target/classes/atlassian-connect.json", "{}");
    DescriptorLocator.Located found = locate(List.of(resource("src/main/resources", true)), List.of());
    assertEquals(List.of(new Target(copy, source)), found.targets());
    assertTrue(found.warnings().isEmpty());
  }

  @Test
  void honoursTheTargetPathOfTheResourceEntry() throws IOException {
    Path source = write("src/main/connect/atlassian-connect.json", "{}");
    Path copy = write("target/classes/public/atlassian-connect.json", "{}");
    Resource r = resource("src/main/connect", true);
    r.setTargetPath("public");
    assertEquals(List.of(new Target(copy, source)), locate(List.of(r), List.of()).targets());
  }

  @Test
  void verifiesTheSourceAndWarnsWhenTheFilteredCopyIsMissing() throws IOException {
    Path source = write("src/main/resources/atlassian-connect.json", "{}");
    DescriptorLocator.Located found = locate(List.of(resource("src/main/resources", true)), List.of());
    assertEquals(List.of(Target.of(source)), found.targets());
    assertEquals(1, found.warnings().size());
    assertTrue(found.warnings().get(0).contains("is missing"), found.warnings().get(0));
    assertTrue(found.warnings().get(0).contains("mvn process-resources connect:verify"));
  }

  @Test
  void verifiesTheSourceAndWarnsWhenTheFilteredCopyIsOlderThanIt() throws IOException {
    Path source = write("src/main/resources/atlassian-connect.json", "{}");
    Path copy = write("target/classes/atlassian-connect.json", "{}");
    Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() - 60_000));
    DescriptorLocator.Located found = locate(List.of(resource("src/main/resources", true)), List.of());
    assertEquals(List.of(Target.of(source)), found.targets());
    assertTrue(found.warnings().get(0).contains("is older than the source"), found.warnings().get(0));
  }

  @Test
  void aFilteringEntryThatIncludesTheDescriptorWinsOverThePlainCopyOfTheRest() throws IOException {
    Path source = write("src/main/resources/atlassian-connect.json", "{}");
    Path copy = write("target/classes/atlassian-connect.json", "{}");
    Resource filtered = resource("src/main/resources", true);
    filtered.addInclude("atlassian-connect.json");
    Resource plain = resource("src/main/resources", false);
    plain.addExclude("atlassian-connect.json");
    assertEquals(List.of(new Target(copy, source)), locate(List.of(plain, filtered), List.of()).targets());
  }

  @Test
  void ignoresADescriptorThatNoResourceEntryShips() throws IOException {
    write("src/main/resources/atlassian-connect.json", "{}");
    Resource r = resource("src/main/resources", false);
    r.addExclude("**/*.json");
    assertTrue(locate(List.of(r), List.of()).targets().isEmpty());
  }

  @Test
  void takesNamedFilesAsTheyAreUnlessFilteringCopiesThem() throws IOException {
    Path other = write("descriptors/atlassian-connect-dev.json", "{}");
    Path folder = base.resolve("descriptors");
    DescriptorLocator.Located found =
        locate(List.of(resource("src/main/resources", true)), List.of(other.toFile(), new File("descriptors")));
    assertEquals(List.of(Target.of(other), Target.of(folder)), found.targets());
    assertTrue(found.searched().isEmpty());
  }

  @Test
  void matchesAntPatternsAsMavenResourcesDo() {
    assertTrue(DescriptorLocator.antMatch("**/*.json", "atlassian-connect.json"));
    assertTrue(DescriptorLocator.antMatch("**/*.json", "a/b/atlassian-connect.json"));
    assertTrue(DescriptorLocator.antMatch("atlassian-*.json", "atlassian-connect.json"));
    assertTrue(DescriptorLocator.antMatch("public/", "public/x/y.json"));
    assertFalse(DescriptorLocator.antMatch("*.json", "a/atlassian-connect.json"));
    assertFalse(DescriptorLocator.antMatch("**/*.properties", "atlassian-connect.json"));
  }

  @Test
  void aMissingOutputFolderMeansNoCopy() throws IOException {
    Path source = write("src/main/resources/atlassian-connect.json", "{}");
    List<Target> targets =
        new DescriptorLocator(base, List.of(resource("src/main/resources", true)), null).locate(List.of()).targets();
    assertEquals(List.of(Target.of(source)), targets);
    assertNull(targets.get(0).source());
  }
}
