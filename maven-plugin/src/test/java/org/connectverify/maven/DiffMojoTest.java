package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffMojoTest {
  private static final String DESCRIPTOR =
      "{\n  \"key\": \"com.example.app\",\n  \"baseUrl\": \"https://app.example.com\",\n"
          + "  \"authentication\": {\"type\": \"jwt\"},\n  \"scopes\": [\"READ\"]\n}\n";

  @TempDir Path dir;

  private DiffMojo mojo(String previous, String current) throws Exception {
    Path descriptor = dir.resolve("src/main/resources/atlassian-connect.json");
    Files.createDirectories(descriptor.getParent());
    Files.writeString(descriptor, current);
    DiffMojo m = new DiffMojo();
    m.previousDescriptor = previous;
    m.descriptor = descriptor.toFile();
    m.failOn = "error";
    m.product = "auto";
    m.format = "text";
    m.basedir = dir.toFile();
    return m;
  }

  private String released(String text) throws Exception {
    Path p = dir.resolve("released.json");
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void failsTheBuildOnABreakingChange() throws Exception {
    DiffMojo m = mojo(released(DESCRIPTOR), DESCRIPTOR.replace("app.example.com", "other.example.com"));
    MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
    assertTrue(e.getMessage().startsWith("connect-verify diff: 1 error, 0 warnings, 0 infos"), e.getMessage());
  }

  @Test
  void comparesTheReleasedDescriptorWithTheForgeManifestAboutToBeReleased() throws Exception {
    Path manifest = dir.resolve("manifest.yml");
    Files.writeString(
        manifest,
        "app:\n  id: ari:cloud:ecosystem::app/0f5c7a4e-8c1d-4d7e-9b1a-2f3e4d5c6b7a\n  connect:\n"
            + "    key: com.example.forge-app\n    remote: connect\n    authentication: jwt\nremotes:\n  - key: connect\n"
            + "    baseUrl: https://app.example.com\n    operations: [compute]\npermissions:\n  scopes:\n"
            + "    - read:connect-jira\nconnectModules:\n  jira:generalPages:\n    - key: home\n"
            + "      name: {value: Home}\n      url: /home\n      location: system.top.navigation.bar\n");
    DiffMojo m = mojo(released(DESCRIPTOR), DESCRIPTOR);
    m.descriptor = manifest.toFile();
    MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
    assertTrue(e.getMessage().startsWith("connect-verify diff: 1 error"), e.getMessage());
    DiffMojo same = mojo(released(DESCRIPTOR), DESCRIPTOR);
    Files.writeString(manifest, Files.readString(manifest).replace("com.example.forge-app", "com.example.app"));
    same.descriptor = manifest.toFile();
    assertDoesNotThrow(same::execute);
  }

  @Test
  void approvalNeedingChangesFailOnlyAtWarning() throws Exception {
    String widened = DESCRIPTOR.replace("[\"READ\"]", "[\"READ\", \"WRITE\"]");
    assertDoesNotThrow(mojo(released(DESCRIPTOR), widened)::execute);
    DiffMojo strict = mojo(released(DESCRIPTOR), widened);
    strict.failOn = "warning";
    assertThrows(MojoFailureException.class, strict::execute);
  }

  @Test
  void writesTheReportWhenAskedTo() throws Exception {
    DiffMojo m = mojo(released(DESCRIPTOR), DESCRIPTOR.replace("READ", "read"));
    m.format = "json";
    m.outputFile = dir.resolve("target/connect-diff.json").toFile();
    m.execute();
    assertTrue(Files.readString(m.outputFile.toPath()).contains("\"rule\" : \"diff/automatic\""));
  }

  @Test
  void comparesWithTheDescriptorOfAReleasedArtifact() throws Exception {
    Path jar =
        DescriptorJarTest.jar(
            dir.resolve("app-1.0.jar"), "atlassian-connect.json", DESCRIPTOR.replace("\"READ\"", "\"READ\", \"WRITE\""));
    DiffMojo m = mojo("com.example:app:1.0", DESCRIPTOR);
    m.remoteRepositories = List.of();
    m.repositorySystem = repositoryServing(jar.toFile());
    m.outputFile = dir.resolve("report.txt").toFile();
    m.execute();
    String report = Files.readString(m.outputFile.toPath());
    assertTrue(
        report.startsWith("atlassian-connect.json@com.example:app:1.0:"), report);
    assertTrue(report.contains("scope \"WRITE\" is removed"), report);
  }

  @Test
  void aUrlNeedsOnline() throws Exception {
    DiffMojo m = mojo("https://app.example.com/atlassian-connect.json", DESCRIPTOR);
    MojoExecutionException e = assertThrows(MojoExecutionException.class, m::execute);
    assertTrue(e.getMessage().contains("set online to true"), e.getMessage());
  }

  @Test
  void aMissingPreviousDescriptorIsAConfigurationError() throws Exception {
    DiffMojo m = mojo(dir.resolve("nope.json").toString(), DESCRIPTOR);
    MojoExecutionException e = assertThrows(MojoExecutionException.class, m::execute);
    assertEquals("connect-verify: " + dir.resolve("nope.json") + ": no such file", e.getMessage());
  }

  @Test
  void coordinatesAreTellingApartFromFilesAndGitSides() throws Exception {
    DiffMojo m = mojo(released(DESCRIPTOR), DESCRIPTOR);
    assertTrue(m.isCoordinates("com.example:app:1.0"));
    assertTrue(m.isCoordinates("com.example:app:jar:1.0"));
    assertTrue(!m.isCoordinates("git:v1.0:src/main/resources/atlassian-connect.json"));
    assertTrue(!m.isCoordinates("released.json"));
    assertTrue(!m.isCoordinates("https://example.com/a.json"));
  }

  /** A repository system whose only job is to resolve every artifact to one file. */
  private static RepositorySystem repositoryServing(File file) {
    return (RepositorySystem)
        Proxy.newProxyInstance(
            RepositorySystem.class.getClassLoader(),
            new Class<?>[] {RepositorySystem.class},
            (proxy, method, args) -> {
              if (method.getName().equals("resolveArtifact")) {
                ArtifactRequest request = (ArtifactRequest) args[1];
                return new ArtifactResult(request).setArtifact(request.getArtifact().setFile(file));
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
