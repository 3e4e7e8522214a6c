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
import org.connectverify.core.schema.SchemaSet;
import org.connectverify.core.http.HttpProbe;
import org.connectverify.core.json.JsonRules;
import org.connectverify.core.http.OkHttpProbe;
import org.connectverify.core.http.ProgressListener;
import org.connectverify.core.resources.DescriptorResources;
import org.connectverify.core.resources.Resolution;
import org.connectverify.core.resources.WebRoots;
import org.connectverify.core.text.FileBytes;
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
  /** The checks a descriptor gets, chosen once from the options (see {@link Selection}). */
  private final Selection selection;
  private final HttpProbe.Factory probes;
  private final ProgressListener progress;
  private final java.util.function.Consumer<String> trace;
  private static final java.util.function.Consumer<String> NO_TRACE = line -> {};
  /** At most this many threads verify a run's files; 0: as many as help (see {@link #threads}). */
  private final int maxThreads;

  private Verifier(VerifyOptions options, Function<Services, List<Check>> checks) {
    this.options = options;
    this.services = new Services(options);
    this.checks = List.copyOf(checks.apply(services));
    this.setChecks =
        Checks.setDefaults(services).stream()
            .filter(c -> !allSkipped(c.rules(), options))
            .toList();
    this.selection = Selection.of(this.checks, options);
    this.probes = OkHttpProbe::new;
    this.progress = ProgressListener.NONE;
    this.trace = NO_TRACE;
    this.maxThreads = 0;
  }

  private Verifier(Verifier base, HttpProbe.Factory probes, ProgressListener progress) {
    this(base, probes, progress, base.trace);
  }

  private Verifier(
      Verifier base, HttpProbe.Factory probes, ProgressListener progress, java.util.function.Consumer<String> trace) {
    this(base, probes, progress, trace, base.maxThreads);
  }

  private Verifier(
      Verifier base,
      HttpProbe.Factory probes,
      ProgressListener progress,
      java.util.function.Consumer<String> trace,
      int maxThreads) {
    this.maxThreads = maxThreads;
    this.trace = Objects.requireNonNull(trace);
    this.options = base.options;
    this.services = base.services;
    this.checks = base.checks;
    this.setChecks = base.setChecks;
    this.selection = base.selection;
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

  /** The same verifier on at most {@code n} threads (tests compare one thread with many). */
  Verifier withMaxThreads(int n) {
    return new Verifier(this, probes, progress, trace, n);
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
    DescriptorFinder finder = new DescriptorFinder(options.excludes()).trace(trace == NO_TRACE ? null : trace);
    for (Path f : finder.expand(inputs)) {
      files.putIfAbsent(f.toAbsolutePath().normalize(), f);
    }
    List<Path> folders = finder.folders;
    try (Run run = openRun(loader)) {
      finder.notes.forEach(run.notes::add);
      // in display-path order, not argument order: cross-app results ("first defined in ...") must not depend on it
      // (each display path made once: a comparison does not make two)
      Map<Path, String> shown = new java.util.HashMap<>();
      files.values().forEach(f -> shown.put(f, displayPath(f)));
      List<Path> ordered = new ArrayList<>(files.values());
      ordered.sort(java.util.Comparator.comparing(shown::get));
      if (ordered.size() >= SchemaSet.MANY_DOCUMENTS) {
        services.schemas().expectMany();
      }
      // Each file is read and checked into its own part, on as many threads as help; the parts are merged in file
      // order after each phase, so findings, notes and the set the cross-app checks see are what one thread makes.
      List<Run> parts = new ArrayList<>();
      ordered.forEach(file -> parts.add(run.part()));
      int threads = threads(ordered.size());
      inParallel(threads, ordered.size(), i -> {
        Path file = ordered.get(i);
        parts.get(i).pending = read(file, shown.get(file), finder.sizes.getOrDefault(file, -1L), folders, parts.get(i));
      });
      for (Run part : parts) {
        part.rethrow();
        run.merge(part);
      }
      boolean set = run.comparesApps(); // the set checks will run: their work on each member alone runs here
      inParallel(threads, parts.size(), i -> parts.get(i).check(set));
      for (Run part : parts) {
        part.rethrow();
        run.merge(part);
      }
      return run.report();
    }
  }

  /**
   * How many threads verify {@code files} files: one for a single file, and with {@code --online} (the prober's
   * requests are already in flight from every descriptor, and its progress then stays in one order); else up to the
   * cores, at most {@value #MAX_THREADS}.
   */
  private int threads(int files) {
    if (files < 2 || options.online()) {
      return 1;
    }
    int cap = maxThreads > 0 ? maxThreads : Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    return Math.min(files, cap);
  }

  private static final int MAX_THREADS = 4;

  /**
   * Runs {@code task} for 0..count-1 on this thread and {@code threads - 1} helpers, each taking the next index; returns
   * when all are done. A task keeps its own failures (see {@link Run#rethrow}).
   */
  private static void inParallel(int threads, int count, java.util.function.IntConsumer task) {
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            task.accept(i);
          }
        };
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread helper = new Thread(worker, "connect-verify-" + t);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (true) {
        try {
          helper.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads one file into its part: a too-large file is reported and not read. Failures are kept in the part.
   *
   * @param size the file's size when its input was expanded, or -1
   */
  private Pending read(Path file, String display, long size, List<Path> folders, Run part) {
    try {
      byte[] bytes;
      long limit = options.maxDescriptorBytes();
      try {
        bytes = FileBytes.readAtMost(file, (int) Math.min(limit, Integer.MAX_VALUE - 17), size);
      } catch (java.nio.file.AccessDeniedException e) {
        throw new InputException(file + ": file is not readable", e);
      } catch (IOException e) {
        throw new InputException(file + ": cannot read: " + e.getMessage(), e);
      }
      if (bytes.length > limit) {
        part.findings.add(new Finding(JsonRules.TOO_LARGE.id(), JsonRules.TOO_LARGE.defaultSeverity(),
            new Position(display, 1, 1, ""), "file is larger than " + limit + " bytes (max-descriptor-size), so it"
                + " was not read; no Connect descriptor is this large",
            "check that this is the descriptor you meant, or raise max-descriptor-size", List.of()));
        part.checked.add(new Report.Checked(display, null, null, null));
        return Pending.NONE;
      }
      return load(file, display, bytes, namedFolder(file, folders), part);
    } catch (InputException | RuntimeException | Error e) {
      part.failure = e;
      return Pending.NONE;
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
    /** True once a descriptor skipped the checks that need the network (offline). */
    boolean networkSkipped;
    final List<SetContext.Member> members = new ArrayList<>();
    /** The web roots discovered in this run, by folder, and its resolved URLs: shared by its parts. */
    final Map<List<Path>, WebRoots> webRoots;
    final Map<List<Object>, Resolution> resolutions;
    /** In a part: the file's checks still to run, and what went wrong reading it. */
    Pending pending;
    Throwable failure;

    Run(DescriptorLoader loader, HttpProbe http) {
      this(
          loader, http, new java.util.concurrent.ConcurrentHashMap<>(), new java.util.concurrent.ConcurrentHashMap<>());
    }

    private Run(
        DescriptorLoader loader,
        HttpProbe http,
        Map<List<Path>, WebRoots> webRoots,
        Map<List<Object>, Resolution> resolutions) {
      this.loader = loader;
      this.http = http;
      this.webRoots = webRoots;
      this.resolutions = resolutions;
    }

    /**
     * A part of this run for one file: the same loader, prober, discovered web roots and resolutions, its own results
     * (merged in file order).
     */
    Run part() {
      return new Run(loader, http, webRoots, resolutions);
    }

    /** Adds what a part found since its last merge, in the order the part found it, and empties the part. */
    void merge(Run part) {
      findings.addAll(part.findings);
      notes.addAll(part.notes);
      checked.addAll(part.checked);
      networkSkipped |= part.networkSkipped;
      members.addAll(part.members);
      part.findings.clear();
      part.notes.clear();
      part.checked.clear();
      part.networkSkipped = false;
      part.members.clear();
    }

    /**
     * Runs the part's pending checks and, when {@code set}, the set checks' {@link SetCheck#prepare} of its member; a
     * failure outside the checks' guard is kept for {@link #rethrow}.
     */
    void check(boolean set) {
      if (failure != null) {
        return;
      }
      try {
        pending.check(findings);
        if (set && pending.member() != null) {
          for (SetCheck check : setChecks) {
            prepare(check, pending.member());
          }
        }
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }

    /** Throws what went wrong in this part, as it would have been thrown on one thread. */
    void rethrow() throws InputException {
      Throwable f = failure;
      if (f instanceof InputException e) {
        throw e;
      }
      if (f instanceof RuntimeException e) {
        throw e;
      }
      if (f instanceof Error e) {
        throw e;
      }
    }

    List<String> notes() {
      List<String> out = new ArrayList<>(notes);
      if (networkSkipped && selection.networkNote() != null) {
        out.add(selection.networkNote());
      }
      return out;
    }

    @Override
    public void close() {
      http.close();
    }

    /** True when the set checks run: they compare apps, and one alone has nothing to be compared with. */
    boolean comparesApps() {
      return members.size() >= 2;
    }

    Report report() {
      if (comparesApps()) {
        SetContext set = new SetContext(members, options, services, findings);
        String where = members.get(0).descriptor().file();
        for (SetCheck check : setChecks) {
          runGuarded(check.getClass(), () -> check.check(set), where, findings);
        }
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

  /** True when the options skip every one of a check's rules: the check need not run. */
  private static boolean allSkipped(List<Rule> rules, VerifyOptions options) {
    return rules.stream().allMatch(r -> options.skips(r.id()));
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
      return Pending.NONE;
    }
    findings.addAll(loaded.parsed().findings());
    findings.addAll(loaded.findings());
    run.notes.addAll(loaded.notes());
    Descriptor descriptor = loaded.descriptor();
    if (descriptor == null) {
      run.checked.add(new Report.Checked(display, null, null, null));
      return Pending.NONE;
    }
    JsonNode root = descriptor.root();
    run.checked.add(new Report.Checked(display, descriptor.product(), descriptor.productReason(), descriptor.key()));
    DescriptorResources resources =
        DescriptorResources.of(
            services.resources(),
            () -> services.resources().rootsFor(path, namedFolder, run.webRoots),
            root,
            run.resolutions);
    CheckContext ctx = new CheckContext(descriptor, options, services, resources, findings, run.http, run.notes);
    boolean connect = descriptor.origin().connect();
    SetContext.Member member = null;
    if (root.isObject() && connect) {
      member = new SetContext.Member(descriptor, resources);
      run.members.add(member);
    }
    if (!connect) {
      run.notes.add(
          display
              + ": "
              + descriptor.productReason()
              + "; only the manifest's own rules were checked (no Connect modules to verify)");
    }
    List<Check> toRun;
    if (!connect) {
      toRun = root.isObject() ? selection.manifest() : List.of();
    } else if (!root.isObject()) {
      toRun = selection.schema(); // a descriptor that is no object: only its shape can be reported
    } else {
      toRun = selection.connect();
      run.networkSkipped = true;
    }
    for (Check check : toRun) {
      try {
        check.prepare(ctx);
      } catch (RuntimeException | StackOverflowError e) { // as runGuarded, without a lambda per check and file
        findings.add(InternalRules.crashed("check", check.getClass(), e, display, BUG_HINT));
      }
    }
    return new Pending(ctx, toRun, member);
  }

  /**
   * The checks each kind of document gets, in catalogue order, without those whose every rule is skipped and, offline,
   * those that only report network rules (whose rules the note a report then gets lists as skipped).
   */
  private record Selection(List<Check> connect, List<Check> manifest, List<Check> schema, String networkNote) {
    static Selection of(List<Check> checks, VerifyOptions options) {
      List<Check> connect = new ArrayList<>();
      List<Check> manifest = new ArrayList<>();
      List<Check> schema = new ArrayList<>();
      Set<String> networkRules = new TreeSet<>();
      for (Check check : checks) {
        if (allSkipped(check.rules(), options)) {
          continue;
        }
        if (needsNetwork(check) && !options.online()) {
          check.rules().stream().filter(r -> !options.skips(r.id())).forEach(r -> networkRules.add(r.id()));
          continue;
        }
        connect.add(check);
        if (manifestOnly(check)) {
          manifest.add(check);
        }
        if (check instanceof org.connectverify.core.schema.SchemaCheck) {
          schema.add(check);
        }
      }
      // The schema check goes last: on a cold start the schemas it needs are still compiling on another core
      // (Checks.prefetch, then SchemaCheck.prepare) while the other checks run. Reports sort their findings and the
      // schema check adds no notes, so the order changes no output.
      connect.removeAll(schema);
      connect.addAll(schema);
      return new Selection(
          List.copyOf(connect), List.copyOf(manifest), List.copyOf(schema), networkNote(networkRules, options));
    }

    /** The note a report gets when a descriptor skipped the network rules offline; null when none are skipped. */
    private static String networkNote(Set<String> networkRules, VerifyOptions options) {
      if (networkRules.isEmpty()) {
        return null;
      }
      Set<String> categories = new TreeSet<>();
      networkRules.forEach(id -> categories.add(id.substring(0, id.indexOf('/')) + "/*"));
      return "skipped the checks that need the network ("
          + networkRules.size()
          + " rules: "
          + String.join(", ", categories)
          + "); pass "
          + options.optionNames().of("online", null)
          + " to verify that the deployment serves what the descriptor promises";
    }
  }

  /** A descriptor read into the run, the checks still to read it, and its member of the set (null when none). */
  private record Pending(CheckContext ctx, List<Check> checks, SetContext.Member member) {
    /** Nothing to check: the file was not read, or has nothing the checks read. */
    static final Pending NONE = new Pending(null, List.of(), null);

    void check(List<Finding> findings) {
      for (Check check : checks) {
        try {
          check.check(ctx);
        } catch (RuntimeException | StackOverflowError e) { // as runGuarded, without a lambda per check and file
          findings.add(InternalRules.crashed("check", check.getClass(), e, ctx.descriptor().file(), BUG_HINT));
        }
      }
    }
  }

  /**
   * A set check's work on one member ahead of the set. A failure is left for {@link SetCheck#check}, which does the
   * same work again when it finds none kept and reports the failure as any check's (the report then has it once).
   */
  private static void prepare(SetCheck check, SetContext.Member member) {
    try {
      check.prepare(member);
    } catch (RuntimeException e) {
      // reported by the set check itself
    }
  }

  private static void runGuarded(Class<?> type, Runnable check, String display, List<Finding> findings) {
    InternalRules.guard("check", type, check, display, BUG_HINT, findings);
  }

  private static final String BUG_HINT = "this is a bug in connect-verify; please report it with the descriptor";

  /** Path relative to the base folder with {@code /} separators; as given when outside it. */
  String displayPath(Path file) {
    return Strings.displayPath(file, options.baseDir());
  }
}
