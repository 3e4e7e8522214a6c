package org.connectverify.core.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.text.Strings;

/**
 * The JSON pointers where two documents differ, top-most first, in the local document's order. Numbers compare by
 * value ({@code 1} equals {@code 1.0}); a local string that still holds a template placeholder ({@code {{name}}} or
 * {@code ${name}}) matches any served string of that shape, since the server fills it in.
 */
final class JsonDiff {
  private JsonDiff() {}

  enum Change {
    /** Only the served document has it. */
    ADDED,
    /** Only the local document has it. */
    REMOVED,
    /** Both have it, with different values. */
    CHANGED
  }

  record Difference(String pointer, Change change, JsonNode local, JsonNode served) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}|\\$\\{[^{}]*}");

  /**
   * @param ignore pointers (with the local and served values) whose difference does not count
   */
  static List<Difference> diff(JsonNode local, JsonNode served, BiPredicate<String, JsonNode> ignore) {
    List<Difference> out = new ArrayList<>();
    walk("", local, served, ignore, out);
    return out;
  }

  private static void walk(
      String pointer, JsonNode l, JsonNode s, BiPredicate<String, JsonNode> ignore, List<Difference> out) {
    if (l.isObject() && s.isObject()) {
      for (Iterator<String> it = l.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        String child = Pointers.child(pointer, k);
        if (s.has(k)) {
          walk(child, l.get(k), s.get(k), ignore, out);
        } else if (!ignore.test(child, null)) {
          out.add(new Difference(child, Change.REMOVED, l.get(k), null));
        }
      }
      for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        String child = Pointers.child(pointer, k);
        if (!l.has(k) && !ignore.test(child, s.get(k))) {
          out.add(new Difference(child, Change.ADDED, null, s.get(k)));
        }
      }
      return;
    }
    if (l.isArray() && s.isArray()) {
      int common = Math.min(l.size(), s.size());
      for (int i = 0; i < common; i++) {
        walk(Pointers.child(pointer, i), l.get(i), s.get(i), ignore, out);
      }
      for (int i = common; i < l.size(); i++) {
        out.add(new Difference(Pointers.child(pointer, i), Change.REMOVED, l.get(i), null));
      }
      for (int i = common; i < s.size(); i++) {
        out.add(new Difference(Pointers.child(pointer, i), Change.ADDED, null, s.get(i)));
      }
      return;
    }
    if (!sameScalar(l, s) && !ignore.test(pointer, s)) {
      out.add(new Difference(pointer, Change.CHANGED, l, s));
    }
  }

  private static boolean sameScalar(JsonNode l, JsonNode s) {
    if (l.isNumber() && s.isNumber()) {
      return l.decimalValue().compareTo(s.decimalValue()) == 0;
    }
    if (l.isTextual() && s.isTextual()) {
      return l.asText().equals(s.asText()) || matchesTemplate(l.asText(), s.asText());
    }
    return l.equals(s);
  }

  static boolean matchesTemplate(String template, String value) {
    Matcher m = PLACEHOLDER.matcher(template);
    if (!m.find()) {
      return false;
    }
    m.reset();
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("(?s).*");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.matches(regex.toString(), value);
  }

  /** A value for a message: compact JSON, shortened when long. */
  static String show(JsonNode n) {
    String s = n.toString();
    return s.length() > 60 ? Strings.cut(s, 57) + "..." : s;
  }
}
