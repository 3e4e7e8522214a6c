package org.connectverify.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.json.Nodes;
import org.connectverify.core.json.Pointers;

/**
 * Fills the placeholders of a templated descriptor in its string values, keeping the tree's structure (so every JSON
 * pointer, and with it the source map of the original file, stays valid). Two syntaxes:
 *
 * <ul>
 *   <li>{@code {{name}}}: atlassian-connect-express replaces {@code {{localBaseUrl}}}, {@code {{appKey}}} and
 *       {@code {{environment}}} in every string of the descriptor; other names come from handlebars-style build
 *       templates. Connect itself never uses double braces, so an unfilled one is unresolved wherever it is.
 *   <li>{@code ${name}} and {@code ${name:default}} (nested allowed): atlassian-connect-spring-boot resolves them
 *       against the Spring environment in the whole descriptor and leaves unknown ones as they are. In module fields
 *       {@code ${page.id}}-style tokens are also URL context variables, so an unfilled one counts as unresolved only
 *       outside {@code /modules} (key, baseUrl, name, links, vendor, lifecycle, translations, ...).
 * </ul>
 */
public final class TemplateEngine {
  private static final Pattern MUSTACHE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern ANY_PLACEHOLDER =
      Pattern.compile("\\{\\{[^{}]*}}|\\$\\{[^{}]*}|@[A-Za-z][A-Za-z0-9_.-]*@");
  /** Maven resource filtering's {@code @name@} delimiter (the only one enabled by default besides ${...}). */
  private static final Pattern MAVEN = Pattern.compile("@([A-Za-z][A-Za-z0-9_.-]*)@");
  private static final int MAX_DEPTH = 10;

  /** Placeholder syntaxes. */
  public enum Syntax {
    MUSTACHE,
    SPRING,
    MAVEN
  }

  /**
   * One placeholder left without a value.
   *
   * @param text the placeholder as written ({@code {{localBaseUrl}}}, {@code ${addonKey}})
   * @param pointer where it is
   * @param appLevel true outside {@code /modules}
   */
  public record Occurrence(Syntax syntax, String name, String text, String pointer, boolean appLevel) {
    /** True when this occurrence is a finding: any {@code {{...}}}; a {@code ${...}} only outside modules. */
    public boolean reportable() {
      return syntax != Syntax.SPRING || appLevel;
    }
  }

  /**
   * The outcome.
   *
   * @param root the filled tree (the input itself when nothing changed)
   * @param unresolved every placeholder left without a value, in document order
   * @param filled placeholders that got a value, as written, with the value's source, in first-use order
   */
  public record Result(JsonNode root, List<Occurrence> unresolved, Map<String, Variables.Value> filled) {}

  /**
   * True when {@code value} still holds a {@code {{...}}} or {@code ${...}} placeholder. Checks leave such values alone:
   * filling them, or reporting them unresolved, is this engine's job, so one problem is never reported twice.
   */
  public static boolean holdsPlaceholder(String value) {
    // every placeholder has "{{", "${" or an '@': most values, a URL with {issue.key} too, are passed without a regex
    return value != null
        && (value.contains("{{") || value.contains("${") || value.indexOf('@') >= 0)
        && ANY_PLACEHOLDER.matcher(value).find();
  }

  /**
   * True inside a descriptor's {@code modules}, and inside a manifest's {@code modules} and {@code connectModules}:
   * where {@code ${page.id}}-style tokens may be URL context variables.
   */
  static boolean inModules(String pointer) {
    return pointer.equals("/modules")
        || pointer.startsWith("/modules/")
        || pointer.equals("/connectModules")
        || pointer.startsWith("/connectModules/");
  }

  /** Fills the placeholders of {@code root} from {@code vars}. */
  public Result apply(JsonNode root, Variables vars) {
    return apply(root, vars, markers(root));
  }

  /** As {@link #apply(JsonNode, Variables)}, for a caller that has already asked for the tree's {@link #markers}. */
  Result apply(JsonNode root, Variables vars, int markers) {
    if (markers == 0) { // most descriptors: nothing to fill, no walk that copies
      return new Result(root, new ArrayList<>(), new LinkedHashMap<>());
    }
    Walk w = new Walk(vars);
    JsonNode out = w.node(root);
    return new Result(w.changed ? out : root, w.unresolved, w.filled);
  }

  /** {@link #markers}: a string value holds {@code {{}. */
  public static final int MUSTACHE_MARK = 1;
  /** {@link #markers}: a string value holds <code>${</code>. */
  public static final int SPRING_MARK = 2;
  /** {@link #markers}: a string value holds a Maven-filtered {@code @name@}. */
  public static final int MAVEN_MARK = 4;

  /**
   * Which placeholder syntaxes the string values under {@code n} hold, as {@code *_MARK} bits: one walk that tells a
   * caller everything it would otherwise walk the tree once per syntax for. 0 means there is nothing to fill.
   */
  public static int markers(JsonNode n) {
    if (Nodes.isText(n)) {
      return markers(n.textValue());
    }
    int marks = 0;
    if (Nodes.isContainer(n)) {
      for (JsonNode child : n) {
        marks |= markers(child);
        if (marks == (MUSTACHE_MARK | SPRING_MARK | MAVEN_MARK)) {
          break;
        }
      }
    }
    return marks;
  }

  /**
   * The {@code *_MARK} bits of the placeholder syntaxes one string holds: {@link #markers(JsonNode)} is these or-ed
   * over the string values (the JSON reader can tell them while it parses, see {@code JsonReader.read}).
   */
  public static int markers(String text) {
    int marks = 0;
    if (text.contains("{{")) {
      marks |= MUSTACHE_MARK;
    }
    if (text.contains("${")) {
      marks |= SPRING_MARK;
    }
    if (text.indexOf('@') >= 0 && MAVEN.matcher(text).find()) {
      marks |= MAVEN_MARK;
    }
    return marks;
  }

  private static final class Walk {
    private final Variables vars;
    private final List<Occurrence> unresolved = new ArrayList<>();
    private final Map<String, Variables.Value> filled = new LinkedHashMap<>();
    private boolean changed;

    Walk(Variables vars) {
      this.vars = vars;
    }

    /** The tokens of the pointer of the value walked: a pointer is only built for a value with a placeholder. */
    private final List<Object> path = new ArrayList<>();

    /** The value with its placeholders filled: {@code n} itself when nothing under it changed (copy on write). */
    JsonNode node(JsonNode n) {
      if (Nodes.isObject(n)) {
        ObjectNode copy = null;
        int index = 0;
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          path.add(e.getKey());
          JsonNode value = node(e.getValue());
          path.remove(path.size() - 1);
          if (copy == null && value != e.getValue()) {
            copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> before = n.fields();
            for (int i = 0; i < index; i++) {
              Map.Entry<String, JsonNode> b = before.next();
              copy.set(b.getKey(), b.getValue());
            }
          }
          if (copy != null) {
            copy.set(e.getKey(), value);
          }
          index++;
        }
        return copy != null ? copy : n;
      }
      if (Nodes.isArray(n)) {
        ArrayNode copy = null;
        for (int i = 0; i < n.size(); i++) {
          path.add(i);
          JsonNode value = node(n.get(i));
          path.remove(path.size() - 1);
          if (copy == null && value != n.get(i)) {
            copy = JsonNodeFactory.instance.arrayNode();
            for (int j = 0; j < i; j++) {
              copy.add(n.get(j));
            }
          }
          if (copy != null) {
            copy.add(value);
          }
        }
        return copy != null ? copy : n;
      }
      if (Nodes.isText(n)) {
        String text = n.asText();
        int marks = markers(text);
        if (marks == 0) {
          return n;
        }
        String pointer = pointer();
        boolean appLevel = !inModules(pointer);
        // each syntax only where it can match: a string without "{{" or "${" comes out of its pass unchanged
        String result = (marks & MUSTACHE_MARK) != 0 ? mustache(text, pointer, appLevel) : text;
        if (result.contains("${")) { // after mustache: a value filled in may hold one
          result = spring(result, pointer, appLevel, new HashSet<>(), 0);
        }
        if ((marks & MAVEN_MARK) != 0) {
          result = maven(result, pointer, appLevel);
        }
        if (!result.equals(text)) {
          changed = true;
          return JsonNodeFactory.instance.textNode(result);
        }
        return n;
      }
      return n;
    }

    private String pointer() {
      StringBuilder b = new StringBuilder();
      for (Object token : path) {
        b.append('/').append(token instanceof String name ? Pointers.escape(name) : token.toString());
      }
      return b.toString();
    }

    private String mustache(String text, String pointer, boolean appLevel) {
      Matcher m = MUSTACHE.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        Variables.Value v = name.isEmpty() ? null : vars.plain(name);
        if (v == null) {
          unresolved.add(new Occurrence(Syntax.MUSTACHE, name, m.group(), pointer, appLevel));
          m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        } else {
          filled.putIfAbsent(m.group(), v);
          m.appendReplacement(out, Matcher.quoteReplacement(v.value()));
        }
      }
      m.appendTail(out);
      return out.toString();
    }

    private String maven(String text, String pointer, boolean appLevel) {
      Matcher m = MAVEN.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        Variables.Value v = vars.plain(m.group(1));
        if (v == null) {
          unresolved.add(new Occurrence(Syntax.MAVEN, m.group(1), m.group(), pointer, appLevel));
          m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        } else {
          filled.putIfAbsent(m.group(), v);
          m.appendReplacement(out, Matcher.quoteReplacement(v.value()));
        }
      }
      m.appendTail(out);
      return out.toString();
    }

    /** Resolves {@code ${...}} the way Spring's placeholder helper does, leaving unknown ones in place. */
    private String spring(String text, String pointer, boolean appLevel, Set<String> visiting, int depth) {
      StringBuilder out = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        int start = text.indexOf("${", i);
        if (start < 0) {
          out.append(text, i, text.length());
          break;
        }
        int end = matchingBrace(text, start + 2);
        if (end < 0) {
          out.append(text, i, text.length());
          break;
        }
        out.append(text, i, start);
        String inner =
            depth < MAX_DEPTH ? spring(text.substring(start + 2, end), pointer, appLevel, visiting, depth + 1) : "";
        String name = inner;
        String fallback = null;
        int colon = inner.indexOf(':');
        if (colon >= 0) {
          name = inner.substring(0, colon);
          fallback = inner.substring(colon + 1);
        }
        Variables.Value v = name.isEmpty() || visiting.contains(name) ? null : vars.spring(name);
        String written = "${" + inner + "}";
        if (v != null && depth < MAX_DEPTH) {
          visiting.add(name);
          out.append(spring(v.value(), pointer, appLevel, visiting, depth + 1));
          visiting.remove(name);
          filled.putIfAbsent("${" + name + "}", v);
        } else if (fallback != null) {
          out.append(fallback);
        } else {
          unresolved.add(new Occurrence(Syntax.SPRING, name, written, pointer, appLevel));
          out.append(written);
        }
        i = end + 1;
      }
      return out.toString();
    }

    private static int matchingBrace(String s, int from) {
      int depth = 0;
      for (int i = from; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          if (depth == 0) {
            return i;
          }
          depth--;
        }
      }
      return -1;
    }
  }
}
