package org.connectverify.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.connectverify.core.http.HttpProbe;
import org.connectverify.core.json.JsonRules;
import org.connectverify.core.http.OkHttpProbe;
import org.connectverify.core.http.ProgressListener;
import org.connectverify.core.resources.DescriptorResources;
import org.connectverify.core.text.Strings;

/**
 * The public face of the core: made once with options, it verifies descriptors and returns a {@link Report}. Hosts
 * (CLI, Maven plugin) only translate their options into {@link VerifyOptions} and render the report.
 */
public final class Verifier {
  private final VerifyOptions options;
  private final Services services;
  private final List<Check> checks;
  private final List<SetCheck> setChecks;
  private final HttpProbe.Factory probes;
  private final ProgressListener progress;
  private final java.util.function.Consumer<String> trace;

  private Verifier(VerifyOptions options, Function<Services, List<Check>> checks) {
    this.options = options;
    this.services = new Services(options);
    this.checks = List.copyOf(checks.apply(services));
    this.setChecks = Checks.setDefaults(services);
    this.probes = OkHttpProbe::new;
    this.progress = ProgressListener.NONE;
    this.trace = line -> {};
  }

  private Verifier(Verifier base, HttpProbe.Factory probes, ProgressListener progress) {
    this(base, probes, progress, base.trace);
  }

  private Verifier(
      Verifier base, HttpProbe.Factory probes, ProgressListener progress, java.util.function.Consumer<String> trace) {
    this.trace = Objects.requireNonNull(trace);
    this.options = base.options;
    this.services = base.services;
    this.checks = base.checks;
    this.setChecks = base.setChecks;
    this.probes = Objects.requireNonNull(probes);
    this.progress = Objects.requireNonNull(progress);
  }

  public static Verifier create(VerifyOptions options) {
    return new Verifier(Objects.requireNonNull(options), Checks::defaults);
  }

  /** A verifier that runs other checks than the defaults (tests of the runner itself). */
  static Verifier withChecks(VerifyOptions options, Function<Services, List<Check>> checks) {
    return new Verifier(Objects.requireNonNull(options), checks);
  }

  /**
   * The same verifier with another way to open the run's HTTP prober (one per {@code verify} call, closed at its end;
   * only with {@code --online}). For tests and embedders; the default is {@link OkHttpProbe}.
   */
  public Verifier withProbes(HttpProbe.Factory factory) {
    return new Verifier(this, factory, progress);
  }

  /** The same verifier, telling {@code listener} how network probing advances (hosts show it or not). */
  public Verifier withProgress(ProgressListener listener) {
    return new Verifier(this, probes, listener);
  }

  /** The same verifier, telling {@code trace} which folders it searches and why it picks each descriptor. */
  public Verifier withTrace(java.util.function.Consumer<String> trace) {
    return new Verifier(this, probes, progress, trace);
  }

  public VerifyOptions options() {
    return options;
  }

  /**
   * Verifies the named files and folders (folders are searched for descriptors).
   *
   * @throws InputException when an input is missing or unreadable
   */
  public Report verify(List<Path> inputs) throws InputException {
    checkResourceRoots();
    DescriptorLoader loader = new DescriptorLoader(options, services);
    Map<Path, Path> files = new LinkedHashMap<>();
    DescriptorFinder finder = new DescriptorFinder(options.excludes()).trace(trace);
    for (Path f : finder.expand(inputs)) {
      files.putIfAbsent(f.toAbsolutePath().normalize(), f);
    }
    List<Path> folders = folders(inputs);
    try (Run run = openRun(loader)) {
      finder.notes.forEach(run.notes::add);
      List<Pending> pending = new ArrayList<>();
      // in display-path order, not argument order: cross-app results ("first defined in ...") must not depend on it
      List<Path> ordered = new ArrayList<>(files.values());
      ordered.sort(java.util.Comparator.comparing(this::displayPath));
      for (Path file : ordered) {
        byte[] bytes;
        long limit = options.maxDescriptorBytes();
        try (java.io.InputStream in = Files.newInputStream(file)) {
          bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
        } catch (IOException e) {
          throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > limit) {
          String display = displayPath(file);
          run.findings.add(new Finding(JsonRules.TOO_LARGE.id(), JsonRules.TOO_LARGE.defaultSeverity(),
              new Position(display, 1, 1, ""), "file is larger than " + limit + " bytes (max-descriptor-size), so it"
                  + " was not read; no Connect descriptor is this large",
              "check that this is the descriptor you meant, or raise max-descriptor-size", List.of()));
          run.checked.add(new Report.Checked(display, null, null, null));
          continue;
        }
        pending.add(load(file, displayPath(file), bytes, namedFolder(file, folders), run));
      }
      pending.forEach(p -> p.check(run.findings));
      return run.report();
    }
  }

  /** Verifies one in-memory descriptor; {@code file} is its display path. */
  public Report verify(String file, byte[] bytes) {
    return verify(null, file, bytes);
  }

  /**
   * Verifies one in-memory descriptor (read from standard input) as if it were the file at {@code location}: files it
   * references are looked up from there. {@code location} may be null (no referenced file is then found).
   */
  public Report verify(Path location, String file, byte[] bytes) {
    DescriptorLoader loader;
    try {
      loader = new DescriptorLoader(options, services);
    } catch (InputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    try (Run run = openRun(loader)) {
      load(location, file, bytes, null, run).check(run.findings);
      return run.report();
    }
  }

  /**
   * The state of one run: what was checked, findings, notes, the set the cross-app checks see, and its HTTP prober
   * (only with --online).
   */
  private final class Run implements AutoCloseable {
    final DescriptorLoader loader;
    final HttpProbe http;
    final List<Report.Checked> checked = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final Set<String> notes = new LinkedHashSet<>();
    final Set<String> skippedNetworkRules = new TreeSet<>();
    final List<SetContext.Member> members = new ArrayList<>();

    Run(DescriptorLoader loader, HttpProbe http) {
      this.loader = loader;
      this.http = http;
    }

    List<String> notes() {
      List<String> out = new ArrayList<>(notes);
      if (!skippedNetworkRules.isEmpty()) {
        Set<String> categories = new TreeSet<>();
        skippedNetworkRules.forEach(id -> categories.add(id.substring(0, id.indexOf('/')) + "/*"));
        out.add(
            "skipped the checks that need the network ("
                + skippedNetworkRules.size()
                + " rules: "
                + String.join(", ", categories)
                + "); pass "
                + options.optionNames().of("online", null)
                + " to verify that the deployment serves what the descriptor promises");
      }
      return out;
    }

    @Override
    public void close() {
      http.close();
    }

    Report report() {
      SetContext set = new SetContext(members, options, services, findings);
      for (SetCheck check : setChecks) {
        if (check.rules().stream().allMatch(r -> options.skips(r.id()))) {
          continue;
        }
        String where = members.isEmpty() ? "" : members.get(0).descriptor().file();
        runGuarded(check.getClass().getSimpleName(), () -> check.check(set), where, findings);
      }
      return new Report(Version.get(), checked, options.effective(findings), options.failOn(), notes());
    }
  }

  /** With --online, the prober is opened in the background: its set-up overlaps with reading the descriptors. */
  private Run openRun(DescriptorLoader loader) {
    return new Run(
        loader,
        options.online()
            ? HttpProbe.openInBackground(() -> probes.open(options.http(), progress))
            : HttpProbe.offline());
  }

  /** True for a check of the manifest itself (category {@code manifest}): the only ones a plain Forge app gets. */
  private static boolean manifestOnly(Check check) {
    return !check.rules().isEmpty()
        && check.rules().stream().allMatch(r -> r.category().equals("manifest") || r.category().equals("migration"));
  }

  /** True for a check that only reports rules needing the network. */
  private static boolean needsNetwork(Check check) {
    return !check.rules().isEmpty() && check.rules().stream().allMatch(Rule::network);
  }

  private void checkResourceRoots() throws InputException {
    for (Path root : options.resources()) {
      if (!Files.isDirectory(root)) {
        throw new InputException(options.optionNames().of("resources", displayPath(root)) + ": no such folder");
      }
    }
  }

  /** The inputs that are folders, absolute and normalised, in the order given (each input looked at once). */
  private static List<Path> folders(List<Path> inputs) {
    List<Path> out = new ArrayList<>();
    for (Path input : inputs) {
      Path in = input.toAbsolutePath().normalize();
      if (Files.isDirectory(in)) {
        out.add(in);
      }
    }
    return out;
  }

  /** The folder among the inputs that {@code file} was found in, or null when it was named directly. */
  private static Path namedFolder(Path file, List<Path> folders) {
    if (folders.isEmpty()) {
      return null;
    }
    Path f = file.toAbsolutePath().normalize();
    for (Path in : folders) {
      if (f.startsWith(in)) {
        return in;
      }
    }
    return null;
  }

  /**
   * Reads one descriptor into the run and lets the checks that will read it {@link Check#prepare prepare} (network
   * requests start here), so every descriptor's requests are in flight before the first check reads anything.
   */
  private Pending load(Path path, String display, byte[] bytes, Path namedFolder, Run run) {
    List<Finding> findings = run.findings;
    DescriptorLoader.Loaded loaded = run.loader.load(path, display, bytes);
    String bitbucket =
        loaded.descriptor() != null && loaded.descriptor().root().isObject() && options.product() == null
            ? Bitbucket.signal(loaded.descriptor().root())
            : null;
    if (bitbucket != null) { // checks for Jira and Confluence would only report what Bitbucket does differently
      findings.addAll(loaded.parsed().findings());
      run.notes.add(
          display + ": a Bitbucket Cloud app (" + bitbucket + "): not checked; connect-verify checks Jira and"
              + " Confluence apps");
      run.checked.add(new Report.Checked(display, null, "Bitbucket app, not checked", loaded.descriptor().key()));
      return new Pending(null, List.of());
    }
    findings.addAll(loaded.parsed().findings());
    findings.addAll(loaded.findings());
    run.notes.addAll(loaded.notes());
    Descriptor descriptor = loaded.descriptor();
    if (descriptor == null) {
      run.checked.add(new Report.Checked(display, null, null, null));
      return new Pending(null, List.of());
    }
    JsonNode root = descriptor.root();
    run.checked.add(new Report.Checked(display, descriptor.product(), descriptor.productReason(), descriptor.key()));
    DescriptorResources resources =
        DescriptorResources.of(services.resources(), services.resources().rootsFor(path, namedFolder), root);
    CheckContext ctx = new CheckContext(descriptor, options, services, resources, findings, run.http, run.notes);
    boolean connect = descriptor.origin().connect();
    if (root.isObject() && connect) {
      run.members.add(new SetContext.Member(descriptor, resources));
    }
    if (!connect) {
      run.notes.add(
          display
              + ": "
              + descriptor.productReason()
              + "; only the manifest's own rules were checked (no Connect modules to verify)");
    }
    List<Check> toRun = new ArrayList<>();
    for (Check check : checks) {
      if (!connect && !manifestOnly(check)) {
        continue;
      }
      if (!root.isObject() && !(check instanceof org.connectverify.core.schema.SchemaCheck)) {
        continue;
      }
      if (check.rules().stream().allMatch(r -> options.skips(r.id()))) {
        continue;
      }
      if (needsNetwork(check) && !options.online()) {
        check.rules().stream().filter(r -> !options.skips(r.id())).forEach(r -> run.skippedNetworkRules.add(r.id()));
        continue;
      }
      toRun.add(check);
    }
    for (Check check : toRun) {
      runGuarded(check.getClass().getSimpleName(), () -> check.prepare(ctx), display, findings);
    }
    return new Pending(ctx, toRun);
  }

  /** A descriptor read into the run, and the checks still to read it. */
  private record Pending(CheckContext ctx, List<Check> checks) {
    void check(List<Finding> findings) {
      for (Check check : checks) {
        runGuarded(check.getClass().getSimpleName(), () -> check.check(ctx), ctx.descriptor().file(), findings);
      }
    }
  }

  private static void runGuarded(String name, Runnable check, String display, List<Finding> findings) {
    InternalRules.guard(
        "check " + name, check, display, "this is a bug in connect-verify; please report it with the descriptor", findings);
  }

  /** Path relative to the base folder with {@code /} separators; as given when outside it. */
  String displayPath(Path file) {
    return Strings.displayPath(file, options.baseDir());
  }
}
