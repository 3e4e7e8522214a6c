package org.connectverify.core;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run can be told, shared by every host (CLI, Maven plugin). Immutable; made with {@link #builder()}.
 * Adding an option means a field here plus one line in each host.
 */
public final class VerifyOptions {
  private final Product product;
  private final FailOn failOn;
  private final Set<String> skipRules;
  private final Map<String, Severity> severities;
  private final Path baseDir;

  private VerifyOptions(Builder b) {
    this.product = b.product;
    this.failOn = b.failOn;
    this.skipRules = Set.copyOf(b.skipRules);
    this.severities = Map.copyOf(b.severities);
    this.baseDir = b.baseDir.toAbsolutePath().normalize();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The product forced by the user, or null for automatic detection. */
  public Product product() {
    return product;
  }

  public FailOn failOn() {
    return failOn;
  }

  /** Rule ids (or whole categories, {@code schema/*} or {@code schema}) that are not run. */
  public Set<String> skipRules() {
    return skipRules;
  }

  /** Severity overrides per rule id. */
  public Map<String, Severity> severities() {
    return severities;
  }

  /** Display paths in reports are relative to this folder. */
  public Path baseDir() {
    return baseDir;
  }

  /** True when the rule with this id is switched off. */
  public boolean skips(String ruleId) {
    if (skipRules.contains(ruleId)) {
      return true;
    }
    String category = ruleId.substring(0, ruleId.indexOf('/'));
    return skipRules.contains(category) || skipRules.contains(category + "/*");
  }

  /** The effective severity of a rule. */
  public Severity severityOf(Rule rule) {
    return severities.getOrDefault(rule.id(), rule.defaultSeverity());
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.product = product;
    b.failOn = failOn;
    b.skipRules.addAll(skipRules);
    b.severities.putAll(severities);
    b.baseDir = baseDir;
    return b;
  }

  public static final class Builder {
    private Product product;
    private FailOn failOn = FailOn.ERROR;
    private final Set<String> skipRules = new LinkedHashSet<>();
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private Path baseDir = Path.of("");

    private Builder() {}

    /** The product to check against; null means detect it. */
    public Builder product(Product product) {
      this.product = product;
      return this;
    }

    public Builder failOn(FailOn failOn) {
      this.failOn = Objects.requireNonNull(failOn);
      return this;
    }

    public Builder skipRule(String ruleId) {
      this.skipRules.add(ruleId.trim());
      return this;
    }

    public Builder severity(String ruleId, Severity severity) {
      this.severities.put(ruleId, severity);
      return this;
    }

    public Builder baseDir(Path baseDir) {
      this.baseDir = Objects.requireNonNull(baseDir);
      return this;
    }

    /**
     * Sets an option by its name as users write it in a config file or fixture ({@code product=jira},
     * {@code fail-on=warning}, {@code skip-rule=schema/*}). Repeatable options accumulate.
     *
     * @throws IllegalArgumentException for an unknown name or a bad value, with a one-line message
     */
    public Builder set(String name, String value) {
      switch (name) {
        case "product" -> product(Product.parseChoice(value));
        case "fail-on" -> failOn(FailOn.parse(value));
        case "skip-rule" -> skipRule(value);
        default -> throw new IllegalArgumentException("unknown option '" + name + "'");
      }
      return this;
    }

    public VerifyOptions build() {
      return new VerifyOptions(this);
    }
  }
}
