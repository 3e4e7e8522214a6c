package org.connectverify.core.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.connectverify.core.Checks;
import org.connectverify.core.Rule;

/**
 * What reporters may be told besides the report itself: presentation flags (decided by the host, e.g. "is stdout a
 * terminal"), where to read source lines for snippets, the rule catalogue, and each rule's help text. Immutable.
 */
public final class ReportSettings {
  /** Source lines of a file by its display path; null when the file cannot be read. */
  @FunctionalInterface
  public interface Sources {
    List<String> lines(String file);
  }

  private final boolean quiet;
  private final boolean color;
  private final boolean snippets;
  private final Sources sources;
  private final Map<String, Rule> catalogue;
  private final Function<String, String> ruleHelp;
  private final List<Rule> rulesRun;
  private final String sourcePrefix;
  private final java.nio.file.Path sourceRoot;
  private final java.nio.file.Path baseDir;
  private final String category;

  private ReportSettings(Builder b) {
    this.category = b.category;
    this.sourcePrefix = b.sourcePrefix;
    this.sourceRoot = b.sourceRoot;
    this.baseDir = b.baseDir;
    this.quiet = b.quiet;
    this.color = b.color;
    this.snippets = b.snippets;
    this.sources = b.sources;
    this.catalogue = Map.copyOf(b.catalogue == null ? Checks.catalogue() : b.catalogue);
    this.ruleHelp = b.ruleHelp;
    List<Rule> run = new ArrayList<>();
    for (Rule r : b.rulesRun == null ? this.catalogue.values() : b.rulesRun) {
      if (b.rulesRun != null || !r.network()) {
        run.add(r);
      }
    }
    run.sort(java.util.Comparator.comparing(Rule::id));
    this.rulesRun = List.copyOf(run);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings for plain output with the real catalogue and no help text: what a file report gets. */
  public static ReportSettings defaults() {
    return builder().build();
  }

  /** Only the finding lines (text format). */
  public boolean quiet() {
    return quiet;
  }

  /** ANSI colours (text format). */
  public boolean color() {
    return color;
  }

  /** A source line with a caret under each finding's position (text format). */
  public boolean snippets() {
    return snippets;
  }

  public Sources sources() {
    return sources;
  }

  /** Every rule by id. */
  public Map<String, Rule> catalogue() {
    return catalogue;
  }

  /** The rule with this id, or a bare stand-in when the catalogue does not know it. */
  public Rule rule(String id) {
    Rule r = catalogue.get(id);
    return r != null ? r : Rule.of(id, org.connectverify.core.Severity.ERROR, id);
  }

  /** Long help (Markdown) of a rule, or null. */
  public String help(String ruleId) {
    return ruleHelp.apply(ruleId);
  }

  /** The rules that ran, sorted by id (JUnit lists one test case per descriptor and rule). */
  public List<Rule> rulesRun() {
    return rulesRun;
  }

  /**
   * A file's path relative to the source root (the repository), for reports that CI systems resolve against it
   * (SARIF, Code Quality): the display path behind {@link Builder#sourcePrefix}, normalised ({@code a/../b} is
   * {@code b}), {@code /}-separated. Absolute display paths (files outside the base folder) stay as they are.
   */
  public String sourcePath(String file) {
    String f = file.replace('\\', '/');
    if (f.startsWith("/") || f.matches("[A-Za-z]:/.*")) {
      return f;
    }
    if (sourceRoot != null) {
      try {
        java.nio.file.Path abs = baseDir.resolve(file).normalize();
        if (abs.startsWith(sourceRoot)) {
          return sourceRoot.relativize(abs).toString().replace('\\', '/');
        }
      } catch (java.nio.file.InvalidPathException e) {
        // not a path on this system: fall through to the prefix
      }
    }
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String seg : (sourcePrefix + f).split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.addLast(seg);
      }
    }
    return String.join("/", parts);
  }

  /**
   * The category of the run for CI systems that keep one analysis per category (SARIF {@code automationDetails.id}):
   * given by the host, else {@code connect-verify/} plus the base folder seen from the source root.
   */
  public String category() {
    return category != null ? category : "connect-verify/" + sourcePrefix;
  }

  /** The path from the source root to the base folder, {@code /}-terminated, or empty when they are the same. */
  public String sourcePrefix() {
    return sourcePrefix;
  }

  public static final class Builder {
    private String sourcePrefix = "";
    private java.nio.file.Path sourceRoot;
    private java.nio.file.Path baseDir;
    private String category;

    /** The run's category (e.g. {@code connect-verify/jira-app/}); null for the default, see {@link #category()}. */
    public Builder category(String category) {
      this.category = category;
      return this;
    }
    private boolean quiet;
    private boolean color;
    private boolean snippets;
    private Sources sources = file -> null;
    private Map<String, Rule> catalogue;
    private Function<String, String> ruleHelp = id -> null;
    private List<Rule> rulesRun;

    private Builder() {}

    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    public Builder color(boolean color) {
      this.color = color;
      return this;
    }

    public Builder snippets(boolean snippets) {
      this.snippets = snippets;
      return this;
    }

    public Builder sources(Sources sources) {
      this.sources = Objects.requireNonNull(sources);
      return this;
    }

    /** The rule catalogue (default: {@link Checks#catalogue()}). */
    public Builder catalogue(Collection<Rule> rules) {
      Map<String, Rule> m = new LinkedHashMap<>();
      rules.forEach(r -> m.put(r.id(), r));
      this.catalogue = m;
      return this;
    }

    public Builder ruleHelp(Function<String, String> ruleHelp) {
      this.ruleHelp = Objects.requireNonNull(ruleHelp);
      return this;
    }

    /** The rules that ran (default: every offline rule of the catalogue). */
    public Builder rulesRun(Collection<Rule> rules) {
      this.rulesRun = new ArrayList<>(rules);
      return this;
    }

    /**
     * The path from the source root (the repository) to the folder display paths are relative to, e.g.
     * {@code apps/jira/}; empty (the default) when the tool runs from the root.
     */
    public Builder sourcePrefix(String sourcePrefix) {
      String p = Objects.requireNonNull(sourcePrefix).replace('\\', '/');
      this.sourcePrefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
      return this;
    }

    /**
     * The source root and the folder display paths are relative to: paths inside the root become relative to it even
     * when the root lies below the base folder; the prefix (for the SARIF category) is the base folder seen from the
     * root, or empty when the base folder is not inside it.
     */
    public Builder sourceRoot(java.nio.file.Path root, java.nio.file.Path baseDir) {
      this.sourceRoot = root.toAbsolutePath().normalize();
      this.baseDir = baseDir.toAbsolutePath().normalize();
      java.nio.file.Path rel = this.baseDir.startsWith(sourceRoot) ? sourceRoot.relativize(this.baseDir) : null;
      return sourcePrefix(rel == null ? "" : rel.toString());
    }

    public ReportSettings build() {
      return new ReportSettings(this);
    }
  }
}
