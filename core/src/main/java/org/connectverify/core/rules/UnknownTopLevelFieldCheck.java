package org.connectverify.core.rules;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.schema.SchemaSet;
import org.connectverify.core.text.Strings;

/**
 * Top-level fields the descriptor format does not define. The host ignores them, so like Atlassian's own validator
 * (whose second pass forbids additional properties at the root only) this is a warning: usually a typo or a field in
 * the wrong place. The known fields are read from our schema's descriptor definition. {@code $schema}, which editors
 * use to find a JSON Schema, is not reported.
 */
public final class UnknownTopLevelFieldCheck implements Check {
  public static final Rule UNKNOWN_FIELD =
      Rule.of(
          "descriptor/unknown-field",
          Severity.WARNING,
          "A top-level field the descriptor format does not define (a typo, or a field in the wrong place).");

  /** Fields with a known story, and what to tell the user about them. */
  private static final Map<String, String> KNOWN_MISTAKES =
      Map.of(
          "capabilities", "\"capabilities\" is the descriptor format from before 2014; its content belongs in \"modules\"",
          "contexts", "\"contexts\" is a Bitbucket Connect field; Jira and Confluence ignore it",
          "oauthClientId", "the OAuth client id is sent to the app in the installed payload; it is not a descriptor"
              + " field",
          "clientKey", "the client key is sent to the app in the installed payload; it is not a descriptor field");

  private final SchemaSet schemas;

  public UnknownTopLevelFieldCheck(SchemaSet schemas) {
    this.schemas = schemas;
  }

  @Override
  public List<Rule> rules() {
    return List.of(UNKNOWN_FIELD);
  }

  @Override
  public void check(CheckContext ctx) {
    Set<String> known = schemas.topLevelFields();
    Iterator<String> names = ctx.root().fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (known.contains(name) || name.equals("$schema")) {
        continue;
      }
      String hint = KNOWN_MISTAKES.get(name);
      if (hint == null) {
        List<String> closest = Strings.closest(name, known);
        hint =
            closest.isEmpty()
                ? "remove it, or move it where it belongs; the known top-level fields are "
                    + Strings.quoteList(known, "and")
                : "did you mean \"" + closest.get(0) + "\"?";
      }
      ctx.report(
          UNKNOWN_FIELD,
          ctx.atKey(Pointers.child("", name)),
          "unknown top-level field \"" + name + "\": the host ignores it",
          hint);
    }
  }
}
