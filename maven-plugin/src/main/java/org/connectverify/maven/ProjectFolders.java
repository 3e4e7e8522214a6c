package org.connectverify.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Where a module's app keeps its files, as Maven lays them out: the web roots its static files are served from and the
 * class-path folders Spring Boot reads {@code application*.properties|yml} from. A Maven question answered from the
 * project model (resource folders, build output, webapp folder, reactor modules it depends on); nothing here reads a
 * descriptor.
 *
 * <p>Web roots, in search order: Spring Boot's static locations ({@code META-INF/resources}, {@code resources},
 * {@code static}, {@code public} on the class path) in each main resource folder, then in the build output (where
 * generated and filtered files land), then the webapp folder ({@code src/main/webapp} or the war plugin's
 * {@code warSourceDirectory}), then the same class-path locations of every reactor module the app depends on at
 * compile or run time (a shared resources jar is on the app's class path, so Spring Boot serves its static files). Only
 * folders that exist count.
 *
 * <p>Spring folders, strongest first: the build output (what ships, filtered), then the main resource folders that
 * are class-path roots.
 */
final class ProjectFolders {
  /** Spring Boot's default static locations on the class path, in its order. */
  static final List<String> STATIC_LOCATIONS = List.of("META-INF/resources", "resources", "static", "public");

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  private ProjectFolders() {}

  /** What was derived for one module. */
  record Folders(List<Path> webRoots, List<Path> springFolders) {}

  /**
   * @param project the module whose descriptors are verified
   * @param reactor every project of this build, for the modules {@code project} depends on
   */
  static Folders of(MavenProject project, List<MavenProject> reactor) {
    Set<Path> web = new LinkedHashSet<>();
    addClassPathRoots(project, web);
    Path webapp = webappDirectory(project);
    if (Files.isDirectory(webapp)) {
      web.add(webapp);
    }
    for (MavenProject dependency : reactorDependencies(project, reactor)) {
      addClassPathRoots(dependency, web);
    }
    Set<Path> spring = new LinkedHashSet<>();
    Path output = outputDirectory(project);
    if (output != null && Files.isDirectory(output)) {
      spring.add(output);
    }
    for (Resource r : project.getResources()) {
      Path dir = resolve(project, r.getDirectory());
      if (dir != null && Files.isDirectory(dir) && targetPath(r).isEmpty()) {
        spring.add(dir);
      }
    }
    return new Folders(List.copyOf(web), List.copyOf(spring));
  }

  /** The static locations of a project's resource folders (taking their {@code targetPath} into account), then of its output. */
  private static void addClassPathRoots(MavenProject project, Set<Path> into) {
    for (Resource r : project.getResources()) {
      Path dir = resolve(project, r.getDirectory());
      if (dir == null) {
        continue;
      }
      String target = targetPath(r);
      for (String location : STATIC_LOCATIONS) {
        Path root;
        if (target.isEmpty()) {
          root = dir.resolve(location);
        } else if (location.equals(target)) {
          root = dir;
        } else if (location.startsWith(target + "/")) {
          root = dir.resolve(location.substring(target.length() + 1));
        } else {
          continue; // copied below a static location, or elsewhere: the output folder covers it once copied
        }
        if (Files.isDirectory(root)) {
          into.add(root.normalize());
        }
      }
    }
    Path output = outputDirectory(project);
    if (output != null) {
      for (String location : STATIC_LOCATIONS) {
        Path root = output.resolve(location);
        if (Files.isDirectory(root)) {
          into.add(root.normalize());
        }
      }
    }
  }

  /** Reactor modules {@code project} depends on at compile or run time, directly or through other reactor modules. */
  static List<MavenProject> reactorDependencies(MavenProject project, List<MavenProject> reactor) {
    List<MavenProject> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    seen.add(project.getGroupId() + ":" + project.getArtifactId());
    collect(project, reactor, seen, out);
    return out;
  }

  private static void collect(MavenProject from, List<MavenProject> reactor, Set<String> seen, List<MavenProject> out) {
    for (Dependency d : from.getDependencies()) {
      String scope = d.getScope() == null ? "compile" : d.getScope();
      if (!RUNTIME_SCOPES.contains(scope)) {
        continue;
      }
      for (MavenProject p : reactor) {
        if (p.getGroupId().equals(d.getGroupId())
            && p.getArtifactId().equals(d.getArtifactId())
            && (d.getVersion() == null || d.getVersion().equals(p.getVersion()))
            && seen.add(p.getGroupId() + ":" + p.getArtifactId())) {
          out.add(p);
          collect(p, reactor, seen, out);
        }
      }
    }
  }

  /** {@code src/main/webapp}, or the folder the war plugin is configured to package. */
  static Path webappDirectory(MavenProject project) {
    Plugin war = project.getPlugin("org.apache.maven.plugins:maven-war-plugin");
    if (war != null && war.getConfiguration() instanceof Xpp3Dom config) {
      Xpp3Dom dir = config.getChild("warSourceDirectory");
      if (dir != null && dir.getValue() != null && !dir.getValue().isBlank()) {
        return resolve(project, dir.getValue().trim());
      }
    }
    return project.getBasedir().toPath().resolve("src/main/webapp").normalize();
  }

  private static Path outputDirectory(MavenProject project) {
    String out = project.getBuild() == null ? null : project.getBuild().getOutputDirectory();
    return out == null ? null : resolve(project, out);
  }

  private static String targetPath(Resource r) {
    String t = r.getTargetPath();
    if (t == null) {
      return "";
    }
    t = t.trim().replace('\\', '/');
    while (t.startsWith("/")) {
      t = t.substring(1);
    }
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private static Path resolve(MavenProject project, String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    Path p = Path.of(path);
    return (p.isAbsolute() ? p : project.getBasedir().toPath().resolve(p)).normalize();
  }
}
