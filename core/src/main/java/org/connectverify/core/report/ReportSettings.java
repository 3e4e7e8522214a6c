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

  private ReportSettings(Builder b) {
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

  public static final class Builder {
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

    public ReportSettings build() {
      return new ReportSettings(this);
    }
  }
}
