package org.connectverify.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Rule;
import org.connectverify.core.text.Strings;

/**
 * The rule pages ({@code docs/rules/<id>.md}), packaged in the core jar under {@code org/connectverify/docs/rules/}, and
 * the lookup behind {@code connect-verify explain RULE}.
 */
public final class RuleDocs {
  private static final String BASE = "/org/connectverify/docs/rules/";

  private RuleDocs() {}

  /** The Markdown page of a rule, or null when none is packaged. */
  public static String page(String ruleId) {
    if (!ruleId.matches("[a-z0-9-]+/[a-z0-9-]+")) {
      return null;
    }
    try (InputStream in = RuleDocs.class.getResourceAsStream(BASE + ruleId + ".md")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rule a user means: an exact id, or a name without its category when only one rule has it.
   *
   * @throws IllegalArgumentException naming the closest ids when none matches
   */
  public static Rule resolve(String query, Map<String, Rule> catalogue) {
    String q = query.trim();
    Rule exact = catalogue.get(q);
    if (exact != null) {
      return exact;
    }
    List<Rule> byName = new ArrayList<>();
    for (Rule r : catalogue.values()) {
      if (r.id().substring(r.id().indexOf('/') + 1).equals(q)) {
        byName.add(r);
      }
    }
    if (byName.size() == 1) {
      return byName.get(0);
    }
    if (byName.size() > 1) {
      throw new IllegalArgumentException(
          "rule name '" + q + "' is ambiguous: " + String.join(", ", byName.stream().map(Rule::id).toList()));
    }
    List<String> close = new ArrayList<>(Strings.closest(q, catalogue.keySet()));
    if (close.isEmpty()) {
      List<String> names = catalogue.keySet().stream().map(id -> id.substring(id.indexOf('/') + 1)).toList();
      String bare = q.substring(q.indexOf('/') + 1);
      for (String name : Strings.closest(bare, names)) {
        catalogue.keySet().stream().filter(id -> id.endsWith("/" + name)).forEach(close::add);
      }
    }
    throw new IllegalArgumentException(
        "unknown rule '" + q + "'"
            + (close.isEmpty()
                ? "; 'connect-verify rules' lists them all"
                : "; did you mean " + String.join(" or ", close) + "?"));
  }
}
