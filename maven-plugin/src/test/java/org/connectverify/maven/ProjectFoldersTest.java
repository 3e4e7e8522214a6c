package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFoldersTest {
  @TempDir Path base;

  private Path dir(String relative) throws IOException {
    return Files.createDirectories(base.resolve(relative));
  }

  private MavenProject project(String name, String... resourceDirs) {
    Model model = new Model();
    model.setGroupId("com.example");
    model.setArtifactId(name);
    model.setVersion("1.0");
    Build build = new Build();
    build.setOutputDirectory(base.resolve(name + "/target/classes").toString());
    for (String d : resourceDirs) {
      Resource r = new Resource();
      r.setDirectory(base.resolve(name).resolve(d).toString());
      build.addResource(r);
    }
    model.setBuild(build);
    MavenProject p = new MavenProject(model);
    p.setFile(base.resolve(name + "/pom.xml").toFile());
    return p;
  }

  private static void dependOn(MavenProject from, MavenProject to, String scope) {
    Dependency d = new Dependency();
    d.setGroupId(to.getGroupId());
    d.setArtifactId(to.getArtifactId());
    d.setVersion(to.getVersion());
    d.setScope(scope);
    from.getModel().addDependency(d);
  }

  private List<String> shown(List<Path> paths) {
    return paths.stream().map(p -> base.relativize(p).toString().replace('\\', '/')).toList();
  }

  @Test
  void springBootStaticLocationsInResourcesThenOutputThenWebapp() throws IOException {
    dir("app/src/main/resources/static");
    dir("app/src/main/resources/META-INF/resources");
    dir("app/src/main/webapp");
    dir("app/target/classes/public");
    dir("app/src/main/resources/i18n"); // not served by Spring Boot
    ProjectFolders.Folders f = ProjectFolders.of(project("app", "src/main/resources"), List.of());
    assertEquals(
        List.of(
            "app/src/main/resources/META-INF/resources",
            "app/src/main/resources/static",
            "app/target/classes/public",
            "app/src/main/webapp"),
        shown(f.webRoots()));
    assertEquals(List.of("app/target/classes", "app/src/main/resources"), shown(f.springFolders()));
  }

  @Test
  void aResourceFolderCopiedToAStaticLocationIsItselfAWebRoot() throws IOException {
    dir("app/src/main/frontend");
    MavenProject p = project("app", "src/main/frontend");
    p.getBuild().getResources().get(0).setTargetPath("static");
    ProjectFolders.Folders f = ProjectFolders.of(p, List.of());
    assertEquals(List.of("app/src/main/frontend"), shown(f.webRoots()));
    assertEquals(List.of(), shown(f.springFolders()), "not a class-path root, and no build output yet");
  }

  @Test
  void reactorModulesTheAppNeedsAtRunTimeAddTheirStaticLocations() throws IOException {
    dir("shared/src/main/resources/static");
    dir("common/src/main/resources/public");
    dir("tests/src/main/resources/static");
    MavenProject app = project("app", "src/main/resources");
    MavenProject shared = project("shared", "src/main/resources");
    MavenProject common = project("common", "src/main/resources");
    MavenProject tests = project("tests", "src/main/resources");
    dependOn(app, shared, null);
    dependOn(shared, common, "runtime");
    dependOn(app, tests, "test");
    ProjectFolders.Folders f = ProjectFolders.of(app, List.of(app, shared, common, tests));
    assertEquals(List.of("shared/src/main/resources/static", "common/src/main/resources/public"), shown(f.webRoots()));
  }

  @Test
  void theWarPluginsSourceFolderIsTheWebapp() throws IOException {
    dir("app/web");
    MavenProject p = project("app");
    Plugin war = new Plugin();
    war.setGroupId("org.apache.maven.plugins");
    war.setArtifactId("maven-war-plugin");
    Xpp3Dom config = new Xpp3Dom("configuration");
    Xpp3Dom source = new Xpp3Dom("warSourceDirectory");
    source.setValue("web");
    config.addChild(source);
    war.setConfiguration(config);
    p.getBuild().addPlugin(war);
    assertEquals(List.of("app/web"), shown(ProjectFolders.of(p, List.of()).webRoots()));
  }
}
