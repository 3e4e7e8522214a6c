package org.connectverify.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.connectverify.core.resources.DescriptorResources;

/** What a {@link SetCheck} sees: every parsed descriptor of the run, in report order, and where to report. */
public final class SetContext {
  /**
   * One app of the set: its descriptor (after templating) and its files, and what set checks worked out from it alone
   * (see {@link #memo}).
   */
  public static final class Member {
    private final Descriptor descriptor;
    private final DescriptorResources resources;
    private final Map<Key<?>, Object> memo = new ConcurrentHashMap<>();

    public Member(Descriptor descriptor, DescriptorResources resources) {
      this.descriptor = descriptor;
      this.resources = resources;
    }

    public Descriptor descriptor() {
      return descriptor;
    }

    public DescriptorResources resources() {
      return resources;
    }

    /** Position of the value at pointer in this member's descriptor. */
    public Position at(String pointer) {
      return descriptor.position(pointer);
    }

    /** How messages name this app: its key, or its file when it has none. */
    public String name() {
      String key = descriptor.key();
      return key != null && !key.isBlank() ? "\"" + key + "\"" : descriptor.file();
    }

    /**
     * The value {@code work} makes from this member alone, made once and kept: a set check's {@link SetCheck#prepare}
     * makes it on the verifying threads, its {@link SetCheck#check} reads it (or makes it, when prepare did not run).
     * {@code work} must not return null.
     */
    public <T> T memo(Key<T> key, Function<Member, T> work) {
      @SuppressWarnings("unchecked") // the key's type parameter is the value's type
      T value = (T) memo.computeIfAbsent(key, k -> Objects.requireNonNull(work.apply(this)));
      return value;
    }
  }

  /** Names a value kept on members by {@link Member#memo}; compared by identity, one constant per use. */
  public static final class Key<T> {
    private final String name;

    public Key(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private final List<Member> members;
  private final VerifyOptions options;
  private final Services services;
  private final List<Finding> sink;

  SetContext(List<Member> members, VerifyOptions options, Services services, List<Finding> sink) {
    this.members = List.copyOf(members);
    this.options = options;
    this.services = services;
    this.sink = sink;
  }

  public List<Member> members() {
    return members;
  }

  public VerifyOptions options() {
    return options;
  }

  public Services services() {
    return services;
  }

  public void report(Rule rule, Position at, String message, String hint, List<Finding.Related> related) {
    sink.add(new Finding(rule.id(), rule.defaultSeverity(), at, message, hint, new ArrayList<>(related)));
  }
}
