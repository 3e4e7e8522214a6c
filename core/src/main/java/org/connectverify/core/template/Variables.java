package org.connectverify.core.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values for template placeholders, in layers from the strongest ({@code --var}) to the weakest (a Spring Boot
 * {@code application.properties}); each value remembers where it came from. Immutable.
 */
public final class Variables {
  /** One layer: values read from one place. {@code springOnly} layers fill only {@code ${...}} placeholders. */
  public record Layer(String source, Map<String, String> values, boolean springOnly) {
    public Layer {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** A value and the place it came from ({@code --var}, a file's display path). */
  public record Value(String value, String source) {}

  private final List<Layer> layers;

  public Variables(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  public static Variables none() {
    return new Variables(List.of());
  }

  /** These variables, with weaker layers appended below the existing ones. */
  public Variables withWeaker(List<Layer> weaker) {
    List<Layer> all = new ArrayList<>(layers);
    all.addAll(weaker);
    return new Variables(all);
  }

  /** The value for a {@code ${name}} placeholder, or null. */
  public Value spring(String name) {
    return find(name, true);
  }

  /** The value for any other placeholder ({@code {{name}}}, {@code @name@}, {@code <%= name %>}), or null. */
  public Value plain(String name) {
    return find(name, false);
  }

  private Value find(String name, boolean spring) {
    for (Layer layer : layers) {
      if (layer.springOnly() && !spring) {
        continue;
      }
      String v = layer.values().get(name);
      if (v != null) {
        return new Value(v, layer.source());
      }
    }
    return null;
  }

  public List<Layer> layers() {
    return layers;
  }

  public boolean isEmpty() {
    return layers.stream().allMatch(l -> l.values().isEmpty());
  }
}
