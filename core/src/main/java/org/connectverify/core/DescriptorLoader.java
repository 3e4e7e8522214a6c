package org.connectverify.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.manifest.ConnectParts;
import org.connectverify.core.manifest.ManifestRules;
import org.connectverify.core.template.Templating;

/**
 * Reads one descriptor the way every command sees it: parsed with positions, its placeholders filled as the product
 * will see them ({@code --var}, {@code --vars}, {@code --spring-profile}), and its product chosen ({@code --product})
 * or detected. {@code verify} and {@code diff} both read descriptors through here, so they never disagree on what a
 * descriptor says. One per run: it holds the run's template values.
 */
public final class DescriptorLoader {
  private final VerifyOptions options;
  private final Services services;
  private final Templating templating;

  DescriptorLoader(VerifyOptions options, Services services) throws InputException {
    this.options = Objects.requireNonNull(options);
    this.services = Objects.requireNonNull(services);
    this.templating = Templating.create(options, services.json(), services.resources());
  }

  /**
   * A loader with its own services.
   *
   * @throws InputException when a {@code --vars} file is missing or malformed
   */
  public static DescriptorLoader create(VerifyOptions options) throws InputException {
    return new DescriptorLoader(options, new Services(options));
  }

  /**
   * One descriptor as read.
   *
   * @param parsed the JSON reading, with its own problems (syntax, duplicate keys, comments, encoding)
   * @param descriptor the descriptor the checks see, or null when the bytes are not JSON
   * @param findings what templating could not fill, located in the original file
   * @param notes what templating filled from where
   */
  public record Loaded(JsonReader.Result parsed, Descriptor descriptor, List<Finding> findings, List<String> notes) {
    public Loaded {
      findings = List.copyOf(findings);
      notes = List.copyOf(notes);
    }
  }

  private static final java.util.regex.Pattern REVISION_OR_QUERY = java.util.regex.Pattern.compile("(@[^/]*|[?#].*)$");

  /** True when a file of this name is read as a Forge manifest ({@code manifest.yml}, or any YAML file). */
  public static boolean isManifestName(String name) {
    if (name.indexOf('@') < 0 && name.indexOf('?') < 0 && name.indexOf('#') < 0) {
      // the common case, on every file read: no character lower-cases to one of these but the ASCII letter itself
      return endsWithIgnoreCase(name, ".yml") || endsWithIgnoreCase(name, ".yaml");
    }
    // a diff side read from git is shown as "path@REV", a URL may carry a query
    String n = REVISION_OR_QUERY.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceFirst("");
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  private static boolean endsWithIgnoreCase(String s, String suffix) {
    return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
  }

  /**
   * Parses, templates (JSON objects only) and decides the product. A file named {@code *.yml} or {@code *.yaml} is
   * read as a Forge manifest and its Connect parts become the descriptor; any other file as a descriptor.
   *
   * @param file the file on disk (Spring Boot properties are looked up next to it), or null
   * @param display the name shown in findings
   */
  public Loaded load(Path file, String display, byte[] bytes) {
    if (isManifestName(display)) {
      return loadManifest(file, display, bytes);
    }
    // the reader tells the placeholder syntaxes its strings hold, as templating would walk the tree to find them
    JsonReader.Result parsed =
        services.json().read(bytes, display, org.connectverify.core.template.TemplateEngine::markers);
    if (!parsed.parsed()) {
      Finding template = org.connectverify.core.template.ServerTemplates.notRendered(parsed.text(), display);
      if (template != null) { // one clear finding in place of the JSON syntax error
        List<Finding> others = parsed.findings().stream().filter(f -> !f.ruleId().equals("json/syntax")).toList();
        parsed = new JsonReader.Result(null, parsed.sourceMap(), parsed.text(), others);
        return new Loaded(parsed, null, List.of(template), List.of());
      }
      return new Loaded(parsed, null, List.of(), List.of());
    }
    JsonNode root = parsed.root();
    List<Finding> findings = List.of();
    List<String> notes = List.of();
    if (root.isObject()) {
      Templating.Outcome t = templating.apply(file, display, root, parsed.sourceMap(), parsed.stringMarks());
      findings = t.findings();
      notes = t.notes();
      root = t.root();
    }
    Product product;
    String reason;
    if (options.product() != null) {
      product = options.product();
      reason = "chosen with " + options.optionNames().of("product", null);
    } else if (root.isObject()) {
      ProductDetector.Decision d = new ProductDetector(services.schemas()).detect(root);
      product = d.product();
      reason = d.reason();
    } else {
      product = Product.COMMON;
      reason = "not a JSON object";
    }
    Descriptor descriptor = new Descriptor(display, file, root, parsed.sourceMap(), product, reason);
    return new Loaded(parsed, descriptor, findings, notes);
  }

  /**
   * A Forge manifest: read as YAML with positions, its {@code ${VAR}} placeholders filled, and its Connect parts mapped
   * to the descriptor the checks read, every pointer leading back to the manifest's own lines.
   */
  private Loaded loadManifest(Path file, String display, byte[] bytes) {
    JsonReader.Result parsed = services.yaml().read(bytes, display);
    List<Finding> findings = new java.util.ArrayList<>();
    if (bytes.length > ManifestRules.MAX_BYTES) {
      findings.add(
          new Finding(
              ManifestRules.TOO_LARGE.id(),
              ManifestRules.TOO_LARGE.defaultSeverity(),
              new Position(display, 1, 1, ""),
              String.format(
                  "manifest is %,d bytes; forge deploy refuses manifests over %,d bytes (200 KB)",
                  bytes.length, ManifestRules.MAX_BYTES),
              "move long texts into translation files and drop unused modules",
              List.of()));
    }
    if (!parsed.parsed()) {
      return new Loaded(parsed, null, findings, List.of());
    }
    JsonNode manifest = parsed.root();
    List<String> notes = List.of();
    if (manifest.isObject()) {
      Templating.Outcome t = templating.applyManifest(display, manifest, parsed.sourceMap());
      findings.addAll(t.findings());
      notes = t.notes();
      manifest = t.root();
    }
    ConnectParts.Mapped mapped = ConnectParts.map(manifest, options.product());
    Product product = mapped.product() != null ? mapped.product() : Product.COMMON;
    Descriptor descriptor =
        new Descriptor(display, file, mapped.root(), parsed.sourceMap(), product, mapped.reason(), mapped.origin());
    return new Loaded(parsed, descriptor, findings, notes);
  }
}
