package org.connectverify.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * The descriptors of every module in the reactor, so that they can be verified together as one set (the cross-app
 * checks need to see all apps at once).
 *
 * <p>Each execution of the goal verifies its own module as usual and then registers what it verified in its
 * project's plugin context (a session-scoped map Maven keeps per project and plugin). The execution that completes
 * the set, meaning every execution this build is expected to run has registered, claims the set and verifies the
 * union. The claim is a compare-and-set on a value kept in the first reactor project's plugin context, so with
 * {@code -T} exactly one thread runs it, whatever the order modules finish in. Only JDK types are stored, so
 * modules that load different copies of the plugin still understand each other.
 *
 * <p>Expected executions: when the goal was given on the command line, every project of the reactor runs it; when
 * it is bound to the lifecycle, the projects whose build declares an execution of the goal in a phase this build
 * reaches. If that guess is short, the set is verified early and again when the late module registers; if it is long
 * (a module that never runs the goal), only the set run is lost, never a module's own verification.
 */
final class ReactorSet {
  private static final String PARTICIPANT = "connect-verify.participant.";
  private static final String CLAIMED = "connect-verify.set-claimed.";

  /**
   * What one execution verified, in plain JDK types.
   *
   * @param folders the module's web roots and Spring folders, which its descriptors keep in the set run
   * @param options the canonical option lines the set run must agree on
   * @param lines every finding the module's own run saw (before suppressions and baseline), as canonical lines
   * @param baseline the module's baseline file, or null
   */
  record Participant(
      String id,
      String module,
      List<Target> targets,
      ProjectFolders.Folders folders,
      List<String> options,
      List<String> formats,
      Set<String> lines,
      Path baseline) {

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("module", module);
      List<String> verified = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      for (Target t : targets) {
        verified.add(t.verified().toString());
        sources.add(t.source() == null ? "" : t.source().toString());
      }
      m.put("verified", verified);
      m.put("sources", sources);
      m.put("webRoots", strings(folders.webRoots()));
      m.put("springFolders", strings(folders.springFolders()));
      m.put("options", List.copyOf(options));
      m.put("formats", List.copyOf(formats));
      m.put("lines", Set.copyOf(lines));
      m.put("baseline", baseline == null ? "" : baseline.toString());
      return Map.copyOf(m);
    }

    @SuppressWarnings("unchecked")
    static Participant fromMap(String id, Map<?, ?> m) {
      List<String> verified = (List<String>) m.get("verified");
      List<String> sources = (List<String>) m.get("sources");
      List<Target> targets = new ArrayList<>();
      for (int i = 0; i < verified.size(); i++) {
        String s = sources.get(i);
        targets.add(new Target(Path.of(verified.get(i)), s.isEmpty() ? null : Path.of(s)));
      }
      String baseline = (String) m.get("baseline");
      return new Participant(
          id,
          (String) m.get("module"),
          targets,
          new ProjectFolders.Folders(
              paths((List<String>) m.get("webRoots")), paths((List<String>) m.get("springFolders"))),
          (List<String>) m.get("options"),
          (List<String>) m.get("formats"),
          (Set<String>) m.get("lines"),
          baseline.isEmpty() ? null : Path.of(baseline));
    }

    private static List<String> strings(List<Path> paths) {
      return paths.stream().map(Path::toString).toList();
    }

    private static List<Path> paths(List<String> strings) {
      return strings.stream().map(Path::of).toList();
    }
  }

  private final MavenSession session;
  private final PluginDescriptor plugin;
  private final String mode;
  private final String executionId;

  /**
   * @param fromCommandLine true when the goal was named on the command line ({@code mvn connect:verify})
   */
  ReactorSet(MavenSession session, PluginDescriptor plugin, boolean fromCommandLine, String executionId) {
    this.session = session;
    this.plugin = plugin;
    this.mode = fromCommandLine ? "cli" : "lifecycle";
    this.executionId = executionId;
  }

  /** Records what this execution verified (or that it verified nothing). */
  void register(MavenProject project, Participant p) {
    session.getPluginContext(plugin, project).put(PARTICIPANT + mode + "." + executionId, p.toMap());
  }

  /**
   * Returns the registered participants when this caller is the one that must verify the set now, or null. At most
   * one caller gets each complete set.
   */
  List<Participant> claim() {
    List<Participant> registered = registered();
    Set<String> ids = new TreeSet<>();
    registered.forEach(p -> ids.add(p.id()));
    if (!ids.containsAll(expected())) {
      return null;
    }
    AtomicReference<Set<String>> claimed = claimedRef();
    while (true) {
      Set<String> before = claimed.get();
      if (before.containsAll(ids)) {
        return null;
      }
      if (claimed.compareAndSet(before, Set.copyOf(ids))) {
        return registered;
      }
    }
  }

  /** The executions still expected to register, for the log. */
  Set<String> pending() {
    Set<String> out = new TreeSet<>(expected());
    registered().forEach(p -> out.remove(p.id()));
    return out;
  }

  List<Participant> registered() {
    List<Participant> out = new ArrayList<>();
    String prefix = PARTICIPANT + mode + ".";
    for (MavenProject p : session.getProjects()) {
      for (Map.Entry<String, Object> e : session.getPluginContext(plugin, p).entrySet()) {
        if (e.getKey().startsWith(prefix) && e.getValue() instanceof Map<?, ?> m) {
          out.add(Participant.fromMap(p.getId() + "@" + e.getKey().substring(prefix.length()), m));
        }
      }
    }
    return out;
  }

  private Set<String> expected() {
    Set<String> out = new TreeSet<>();
    boolean cli = mode.equals("cli");
    int reached = Phases.highestRequested(session.getGoals());
    for (MavenProject p : session.getProjects()) {
      if (cli) {
        out.add(p.getId() + "@" + executionId);
        continue;
      }
      Plugin declared = p.getPlugin(plugin.getPluginLookupKey());
      if (declared == null) {
        continue;
      }
      for (PluginExecution ex : declared.getExecutions()) {
        String phase = ex.getPhase() == null ? Phases.GOAL_DEFAULT : ex.getPhase();
        if (ex.getGoals().contains("verify") && Phases.reached(phase, reached)) {
          out.add(p.getId() + "@" + ex.getId());
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private AtomicReference<Set<String>> claimedRef() {
    Map<String, Object> anchor = session.getPluginContext(plugin, session.getProjects().get(0));
    String key = CLAIMED + mode;
    Object ref;
    if (anchor instanceof ConcurrentMap<String, Object> concurrent) {
      ref = concurrent.computeIfAbsent(key, k -> new AtomicReference<Set<String>>(Set.of()));
    } else {
      synchronized (anchor) {
        ref = anchor.computeIfAbsent(key, k -> new AtomicReference<Set<String>>(Set.of()));
      }
    }
    return (AtomicReference<Set<String>>) ref;
  }
}
