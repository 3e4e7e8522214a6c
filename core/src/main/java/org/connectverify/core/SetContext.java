package org.connectverify.core;

import java.util.ArrayList;
import java.util.List;
import org.connectverify.core.resources.DescriptorResources;

/** What a {@link SetCheck} sees: every parsed descriptor of the run, in report order, and where to report. */
public final class SetContext {
  /** One app of the set: its descriptor (after templating) and its files. */
  public record Member(Descriptor descriptor, DescriptorResources resources) {
    /** Position of the value at pointer in this member's descriptor. */
    public Position at(String pointer) {
      return descriptor.position(pointer);
    }

    /** How messages name this app: its key, or its file when it has none. */
    public String name() {
      String key = descriptor.key();
      return key != null && !key.isBlank() ? "\"" + key + "\"" : descriptor.file();
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
