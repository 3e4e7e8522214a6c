package org.connectverify.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.connectverify.core.json.Nodes;
import org.connectverify.core.json.Pointers;

/**
 * A descriptor's i18n properties ({@code {"value": "Text", "i18n": "my.key"}}) in document order, found in one walk
 * of the tree that every check reading them shares (the value and the translation checks each walked it before).
 */
public final class I18nProperties {
  private static final Object KEY = new Object();

  private I18nProperties() {}

  /**
   * One object with a textual {@code i18n} member.
   *
   * @param pointer the object's JSON pointer
   * @param key the {@code i18n} text, possibly empty
   * @param value the object's {@code value} member as it is, or null when it has none
   */
  public record Property(String pointer, String key, JsonNode value) {}

  /** The descriptor's i18n properties, found on the first ask. */
  public static List<Property> of(CheckContext ctx) {
    return ctx.derived(KEY, I18nProperties::find);
  }

  static List<Property> find(JsonNode root) {
    List<Property> out = new ArrayList<>();
    collect(root, "", out);
    return List.copyOf(out);
  }

  private static void collect(JsonNode n, String pointer, List<Property> out) {
    if (Nodes.isObject(n)) {
      JsonNode i18n = n.get("i18n");
      if (i18n != null && Nodes.isText(i18n)) {
        out.add(new Property(pointer, i18n.asText(), n.get("value")));
      }
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (Nodes.isContainer(e.getValue())) { // only objects hold i18n properties: no pointer for the rest
          collect(e.getValue(), Pointers.child(pointer, e.getKey()), out);
        }
      }
    } else if (Nodes.isArray(n)) {
      for (int i = 0; i < n.size(); i++) {
        if (Nodes.isContainer(n.get(i))) {
          collect(n.get(i), Pointers.child(pointer, i), out);
        }
      }
    }
  }
}
