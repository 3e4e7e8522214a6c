package org.connectverify.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.connectverify.core.http.ProbeSettings;

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
  private final List<Path> resources;
  private final Map<String, String> vars;
  private final List<Path> varsFiles;
  private final String defaultLocale;
  private final List<String> springProfiles;
  private final boolean online;
  private final boolean useEnvironment;
  private final String baseUrl;
  private final String descriptorUrl;
  private final OptionNames optionNames;
  private final Map<String, String> varSources;
  private final ProbeSettings http;
  private final Map<Path, AppFolders> appFolders;
  private final Map<String, String> environment;
  private final long maxDescriptorBytes;

  /** The default {@link #maxDescriptorBytes()}: far above any real descriptor, far below what hurts the heap. */
  public static final long DEFAULT_MAX_DESCRIPTOR_BYTES = 16L * 1024 * 1024;
  private final boolean strict;
  private final List<String> excludes;

  /**
   * Where a host knows one app's files are, for hosts that know better than discovery from the descriptor's location
   * (the Maven plugin: a module's resource folders, its build output and the reactor modules it depends on).
   *
   * @param webRoots absolute folders relative URLs are served from, in search order; empty: as without it
   * @param springFolders absolute class-path folders whose {@code application*.properties|yml} (and those in their
   *     {@code config/} subfolder) fill {@code ${...}} placeholders, strongest first; empty: the descriptor's folder
   */
  public record AppFolders(List<Path> webRoots, List<Path> springFolders) {
    public AppFolders {
      webRoots = webRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
      springFolders = springFolders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
  }

  private VerifyOptions(Builder b) {
    this.product = b.product;
    this.failOn = b.failOn;
    this.skipRules = Set.copyOf(b.skipRules);
    this.severities = Map.copyOf(b.severities);
    this.baseDir = b.baseDir.toAbsolutePath().normalize();
    this.resources = b.resources.stream().map(p -> baseDir.resolve(p).normalize()).toList();
    this.vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.vars));
    this.varsFiles = List.copyOf(b.varsFiles);
    this.defaultLocale = b.defaultLocale;
    this.springProfiles = List.copyOf(b.springProfiles);
    this.online = b.online;
    this.useEnvironment = b.useEnvironment;
    this.maxDescriptorBytes = b.maxDescriptorBytes;
    this.baseUrl = b.baseUrl;
    this.descriptorUrl = b.descriptorUrl;
    this.optionNames = b.optionNames;
    this.varSources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.varSources));
    this.http = b.http.build();
    this.appFolders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.appFolders));
    this.strict = b.strict;
    this.excludes = List.copyOf(b.excludes);
    this.environment = Map.copyOf(b.environment);
  }

  /**
   * Release strictness ({@code --strict}, config key {@code strict}): the release-gate rules ({@link ReleaseGate}:
   * unresolved placeholders, unrendered templates, placeholder or tunnel baseUrls, a links.self on a tunnel or with no
   * host), warnings by default, are errors.
   */
  public boolean strict() {
    return strict;
  }

  /** Globs of paths folder search leaves out ({@code --exclude}), matched against paths relative to the folder. */
  public List<String> excludes() {
    return excludes;
  }

  /**
   * The environment variables a framework would read when it serves the descriptor (atlassian-connect-express:
   * {@code NODE_ENV}, {@code AC_LOCAL_BASE_URL}, ...). Hosts pass the process environment; empty by default.
   */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * True when {@link #environment()} also fills a Forge manifest's {@code ${VAR}} placeholders, as forge deploy does
   * ({@code --env-vars}); off by default, so a manifest's verdict does not depend on the machine.
   */
  public boolean usesEnvironment() {
    return useEnvironment;
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

  /**
   * Web roots that relative descriptor URLs are resolved against ({@code --resources}), absolute; empty means
   * discover them from each descriptor's location.
   */
  public List<Path> resources() {
    return resources;
  }

  /** Template variables given one by one ({@code --var NAME=VALUE}), in order; they win over every other source. */
  public Map<String, String> vars() {
    return vars;
  }

  /**
   * Files of template variables ({@code --vars FILE}: properties, JSON or YAML), as given (relative ones are taken from
   * the base folder), later ones winning.
   */
  public List<Path> varsFiles() {
    return varsFiles;
  }

  /** The locale whose translation file must have every i18n key ({@code --default-locale}), or null for automatic. */
  public String defaultLocale() {
    return defaultLocale;
  }

  /** Spring profiles whose {@code application-<profile>.properties|yml} are read for {@code ${...}} placeholders. */
  public List<String> springProfiles() {
    return springProfiles;
  }

  /** True when checks that need the network run ({@code --online}); otherwise nothing touches the network. */
  public boolean online() {
    return online;
  }

  /** The deployment to probe in place of each descriptor's baseUrl ({@code --base-url}), or null. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Where the descriptor is served ({@code --descriptor-url}), or null for baseUrl plus the file's name. */
  public String descriptorUrl() {
    return descriptorUrl;
  }

  /** How the run's HTTP client behaves (timeouts, concurrency, caps). */
  public ProbeSettings http() {
    return http;
  }

  /** The folders a host gave for the descriptor at this path ({@link Builder#appFolders}), or null. */
  public AppFolders appFolders(Path descriptor) {
    return descriptor == null || appFolders.isEmpty()
        ? null
        : appFolders.get(descriptor.toAbsolutePath().normalize());
  }

  /** Every descriptor's folders given by a host, by absolute descriptor path. */
  public Map<Path, AppFolders> appFolders() {
    return appFolders;
  }

  /** True when the rule with this id is switched off. */
  public boolean skips(String ruleId) {
    if (skipRules.isEmpty()) {
      return false; // the common case, asked for every finding of a run
    }
    if (skipRules.contains(ruleId)) {
      return true;
    }
    String category = ruleId.substring(0, ruleId.indexOf('/'));
    return skipRules.contains(category) || skipRules.contains(category + "/*");
  }

  /** The findings as the run reports them: those of skipped rules left out, severity overrides applied. */
  public List<Finding> effective(List<Finding> findings) {
    List<Finding> out = new java.util.ArrayList<>();
    for (Finding f : findings) {
      if (!skips(f.ruleId())) {
        Severity s = severities.get(f.ruleId());
        if (s == null && strict && ReleaseGate.holds(f.ruleId())) {
          s = Severity.ERROR;
        }
        out.add(s == null ? f : f.withSeverity(s));
      }
    }
    return out;
  }

  /** The effective severity of a rule. */
  public Severity severityOf(Rule rule) {
    Severity s = severities.get(rule.id());
    if (s == null && strict && ReleaseGate.holds(rule.id())) {
      return Severity.ERROR;
    }
    return s != null ? s : rule.defaultSeverity();
  }

  /** How the host names options in hints and notes (default: the CLI's). */
  public OptionNames optionNames() {
    return optionNames;
  }

  /**
   * Where each {@link #vars()} value was given, for notes ("filled ... from connect-verify.json"); a name without an
   * entry came from the host's own option ({@code --var}, {@code <vars>}).
   */
  public Map<String, String> varSources() {
    return varSources;
  }

  /** Descriptors larger than this many bytes are not read; see {@code max-descriptor-size}. */
  public long maxDescriptorBytes() {
    return maxDescriptorBytes;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.optionNames = optionNames;
    b.varSources.putAll(varSources);
    b.product = product;
    b.failOn = failOn;
    b.skipRules.addAll(skipRules);
    b.severities.putAll(severities);
    b.baseDir = baseDir;
    b.resources.addAll(resources);
    b.vars.putAll(vars);
    b.varsFiles.addAll(varsFiles);
    b.defaultLocale = defaultLocale;
    b.springProfiles.addAll(springProfiles);
    b.online = online;
    b.maxDescriptorBytes = maxDescriptorBytes;
    b.baseUrl = baseUrl;
    b.descriptorUrl = descriptorUrl;
    b.http = http.toBuilder();
    b.appFolders.putAll(appFolders);
    b.useEnvironment = useEnvironment;
    b.strict = strict;
    b.excludes.addAll(excludes);
    b.environment.putAll(environment);
    return b;
  }

  public static final class Builder {
    private Product product;
    private FailOn failOn = FailOn.ERROR;
    private final Set<String> skipRules = new LinkedHashSet<>();
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private Path baseDir = Path.of("");
    private final List<Path> resources = new ArrayList<>();
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final Map<String, String> varSources = new LinkedHashMap<>();
    private String origin;
    private OptionNames optionNames = OptionNames.CLI;

    /** How the host names options in hints and notes. */
    public Builder optionNames(OptionNames optionNames) {
      this.optionNames = java.util.Objects.requireNonNull(optionNames);
      return this;
    }

    /**
     * Where the values given through {@link #set} from now on come from (e.g. the configuration file's name), or null
     * for the host's own options.
     */
    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }
    private final List<Path> varsFiles = new ArrayList<>();
    private String defaultLocale;
    private final List<String> springProfiles = new ArrayList<>();
    private boolean online;
    private long maxDescriptorBytes = DEFAULT_MAX_DESCRIPTOR_BYTES;
    private String baseUrl;
    private String descriptorUrl;
    private ProbeSettings.Builder http = ProbeSettings.builder();
    private final Map<Path, AppFolders> appFolders = new LinkedHashMap<>();
    private boolean strict;
    private final List<String> excludes = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean useEnvironment;

    private Builder() {}

    /** Release strictness: release-gate findings fail the run ({@link VerifyOptions#strict()}). */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Adds a glob of paths that folder search leaves out ({@code dist/**}, {@code **}{@code /legacy}). Repeatable. */
    public Builder exclude(String glob) {
      if (glob == null || glob.isBlank()) {
        throw new IllegalArgumentException("--exclude needs a glob (e.g. 'legacy/**')");
      }
      this.excludes.add(glob.trim());
      return this;
    }

    /** Fill a manifest's {@code ${VAR}} placeholders from {@link #environment} too (after --var and --vars). */
    public Builder useEnvironment(boolean use) {
      this.useEnvironment = use;
      return this;
    }

    /** The environment variables frameworks read ({@link VerifyOptions#environment()}); replaces earlier ones. */
    public Builder environment(Map<String, String> environment) {
      this.environment.clear();
      this.environment.putAll(environment);
      return this;
    }

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

    /** Adds a web root (relative paths are taken from the base folder). Repeatable. */
    public Builder resources(Path root) {
      this.resources.add(Objects.requireNonNull(root));
      return this;
    }

    /** Sets one template variable; a later value for the same name wins. */
    public Builder var(String name, String value) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("template variable needs a name (NAME=VALUE)");
      }
      this.vars.put(name.trim(), Objects.requireNonNull(value));
      return this;
    }

    /** Adds a file of template variables (properties, JSON or YAML). Repeatable. */
    public Builder varsFile(Path file) {
      this.varsFiles.add(Objects.requireNonNull(file));
      return this;
    }

    /** The locale whose translation file must have every key; null picks en-US when listed, else the first. */
    public Builder defaultLocale(String locale) {
      this.defaultLocale = locale == null || locale.isBlank() ? null : locale.trim();
      return this;
    }

    /** Adds an active Spring profile for reading {@code application-<profile>.*}. Repeatable. */
    public Builder springProfile(String profile) {
      for (String p : profile.split(",")) {
        if (!p.isBlank()) {
          this.springProfiles.add(p.trim());
        }
      }
      return this;
    }

    /** Descriptors larger than this many bytes are not read (a {@code json/too-large} finding instead). */
    public Builder maxDescriptorBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("max-descriptor-size must be at least 1KB, got " + bytes + " bytes");
      }
      this.maxDescriptorBytes = bytes;
      return this;
    }

    public Builder online(boolean online) {
      this.online = online;
      return this;
    }

    /** An absolute http(s) URL, or null for the descriptor's own baseUrl. */
    public Builder baseUrl(String url) {
      this.baseUrl = url == null ? null : httpUrl("base-url", url);
      return this;
    }

    /** An absolute http(s) URL, or null for baseUrl plus the descriptor file's name. */
    public Builder descriptorUrl(String url) {
      this.descriptorUrl = url == null ? null : httpUrl("descriptor-url", url);
      return this;
    }

    public Builder http(ProbeSettings settings) {
      this.http = settings.toBuilder();
      return this;
    }

    private static String httpUrl(String name, String value) {
      String v = value.trim();
      try {
        java.net.URI u = new java.net.URI(v);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getUserInfo() == null) {
          return v;
        }
      } catch (java.net.URISyntaxException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          name + ": '" + value + "' is not an absolute http or https URL without credentials");
    }

    /**
     * Tells where one descriptor's app keeps its files (API only: hosts that know their build's layout). Its web roots
     * win over {@code --resources} and discovery for that descriptor; a later call for the same file replaces it.
     */
    public Builder appFolders(Path descriptor, AppFolders folders) {
      this.appFolders.put(descriptor.toAbsolutePath().normalize(), Objects.requireNonNull(folders));
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
        case "resources" -> resources(Path.of(value.trim()));
        case "var" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException(
                "bad " + optionNames.of("var", null) + " '" + value + "' (expected NAME=VALUE)");
          }
          var(value.substring(0, eq), value.substring(eq + 1));
          if (origin != null) {
            varSources.put(value.substring(0, eq), origin);
          } else {
            varSources.remove(value.substring(0, eq));
          }
        }
        case "vars" -> varsFile(Path.of(value.trim()));
        case "default-locale" -> defaultLocale(value);
        case "spring-profile" -> springProfile(value);
        case "severity" -> {
          int eq = value.lastIndexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("bad severity '" + value + "' (expected RULE=error|warning|info)");
          }
          severity(value.substring(0, eq).trim(), Severity.parse(value.substring(eq + 1)));
        }
        case "online" -> online(parseBoolean(name, value));
        case "env-vars" -> useEnvironment(parseBoolean(name, value));
        case "strict" -> strict(parseBoolean(name, value));
        case "exclude" -> exclude(value);
        case "base-url" -> baseUrl(value);
        case "descriptor-url" -> descriptorUrl(value);
        case "max-descriptor-size" -> maxDescriptorBytes(org.connectverify.core.http.ProbeSettings.parseSize(name, value));
        default -> {
          if (!http.set(name, value)) {
            throw new IllegalArgumentException("unknown option '" + name + "'");
          }
        }
      }
      return this;
    }

    private static boolean parseBoolean(String name, String value) {
      return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "yes", "on", "" -> true;
        case "false", "no", "off" -> false;
        default -> throw new IllegalArgumentException(name + ": '" + value + "' is not true or false");
      };
    }

    public VerifyOptions build() {
      return new VerifyOptions(this);
    }
  }
}
