package org.connectverify.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.connectverify.core.http.HttpProbe;
import org.connectverify.core.resources.DescriptorResources;

/** What a check sees of one descriptor, and where it reports. */
public final class CheckContext {
  private final Descriptor descriptor;
  private final VerifyOptions options;
  private final List<Finding> sink;
  private final Services services;
  private final DescriptorResources resources;
  private final HttpProbe http;
  private final Set<String> notes;
  /**
   * What {@link #derived} computed so far. A plain map: a descriptor's checks run one after another (a later phase
   * may run them on another thread, after the earlier phase's threads are joined).
   */
  private java.util.Map<Object, Object> derived;

  /** A context with the descriptor's web roots (discovered when first needed) and the given prober and notes. */
  CheckContext(
      Descriptor descriptor,
      VerifyOptions options,
      Services services,
      List<Finding> sink,
      HttpProbe http,
      Set<String> notes) {
    this(
        descriptor,
        options,
        services,
        DescriptorResources.of(
            services.resources(),
            () -> services.resources().rootsFor(descriptor.path(), null),
            descriptor.root(),
            null),
        sink,
        http,
        notes);
  }

  CheckContext(
      Descriptor descriptor,
      VerifyOptions options,
      Services services,
      DescriptorResources resources,
      List<Finding> sink,
      HttpProbe http,
      Set<String> notes) {
    this.descriptor = descriptor;
    this.options = options;
    this.services = services;
    this.resources = resources;
    this.sink = sink;
    this.http = http;
    this.notes = notes;
  }

  /**
   * The run's one HTTP prober. Only checks whose rules are all {@link Rule#online online} may use it; they run only
   * with {@code --online}, and without it any use throws.
   */
  public HttpProbe http() {
    return http;
  }

  /** Adds a line to the report's notes about the run (e.g. what was probed in place of what); duplicates collapse. */
  public void note(String note) {
    notes.add(note);
  }

  /**
   * A value derived from the descriptor's tree that several checks read, computed on the first ask and kept for the
   * others: one walk of the tree instead of one per check. {@code key} names the value (an object private to the class
   * that computes it).
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, java.util.function.Function<JsonNode, T> compute) {
    if (derived == null) {
      derived = new java.util.HashMap<>(4);
    }
    Object value = derived.get(key);
    if (value == null) {
      value = compute.apply(descriptor.root());
      derived.put(key, value);
    }
    return (T) value;
  }

  public Descriptor descriptor() {
    return descriptor;
  }

  public JsonNode root() {
    return descriptor.root();
  }

  public Product product() {
    return descriptor.product();
  }

  public VerifyOptions options() {
    return options;
  }

  /** Shared, run-wide services (schemas, module catalogue). */
  public Services services() {
    return services;
  }

  /** The files this descriptor refers to, resolved against its web roots: the only way to open them. */
  public DescriptorResources resources() {
    return resources;
  }

  /** Position of the value at pointer. */
  public Position at(String pointer) {
    return descriptor.position(pointer);
  }

  /** Position of the key of the member at pointer. */
  public Position atKey(String pointer) {
    return descriptor.keyPosition(pointer);
  }

  public void report(Rule rule, Position at, String message) {
    report(rule, at, message, null, List.of());
  }

  public void report(Rule rule, Position at, String message, String hint) {
    report(rule, at, message, hint, List.of());
  }

  /**
   * Reports at a lower severity than the rule's default, for a case of the rule with a milder consequence (a missing
   * i18n key whose module still has its {@code value} fallback). A user's {@code --severity} still wins.
   */
  public void reportAs(Severity severity, Rule rule, Position at, String message, String hint) {
    sink.add(new Finding(rule.id(), severity, at, message, hint, new ArrayList<>()));
  }

  public void report(Rule rule, Position at, String message, String hint, List<Finding.Related> related) {
    sink.add(new Finding(rule.id(), rule.defaultSeverity(), at, message, hint, new ArrayList<>(related)));
  }
}
