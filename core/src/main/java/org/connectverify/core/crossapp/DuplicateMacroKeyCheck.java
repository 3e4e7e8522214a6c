package org.connectverify.core.crossapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;
import org.connectverify.core.SetCheck;
import org.connectverify.core.SetContext;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.template.TemplateEngine;

/** The same Confluence macro key in two apps: macro keys must be unique across every app a site installs. */
public final class DuplicateMacroKeyCheck implements SetCheck {
  public static final Rule DUPLICATE_MACRO_KEY =
      Rule.of(
          "crossapp/duplicate-macro-key",
          Severity.WARNING,
          "Two apps verified together define a Confluence macro with the same key; macro keys must be globally"
              + " unique.");

  static final List<String> MACRO_TYPES = List.of("dynamicContentMacros", "staticContentMacros");

  @Override
  public List<Rule> rules() {
    return List.of(DUPLICATE_MACRO_KEY);
  }

  private record Macro(SetContext.Member member, String pointer, String key) {}

  @Override
  public void check(SetContext ctx) {
    Map<String, Macro> first = new LinkedHashMap<>();
    for (SetContext.Member m : ctx.members()) {
      for (Macro macro : macros(m)) {
        Macro earlier = first.get(macro.key());
        if (earlier == null) {
          first.put(macro.key(), macro);
          continue;
        }
        if (earlier.member() == m
            || Apps.same(earlier.member(), m)
            || Objects.equals(earlier.member().descriptor().key(), m.descriptor().key())) {
          continue;
        }
        Position at = m.at(macro.pointer());
        ctx.report(
            DUPLICATE_MACRO_KEY,
            at,
            "macro key \""
                + macro.key()
                + "\" is also a macro of "
                + Apps.describe(earlier.member())
                + ": Confluence macro keys must be unique across all apps, not only within one",
            "give the macro a key specific to this app (e.g. prefixed with the app's name)",
            List.of(new Finding.Related(earlier.member().at(earlier.pointer()), "first defined here")));
      }
    }
  }

  /** A member's macros: found from the member alone, on the verifying threads. */
  private static final SetContext.Key<List<Macro>> MACROS = new SetContext.Key<>("duplicate-macro-key: macros");

  @Override
  public void prepare(SetContext.Member member) {
    macros(member);
  }

  private static List<Macro> macros(SetContext.Member member) {
    return member.memo(MACROS, DuplicateMacroKeyCheck::collect);
  }

  private static List<Macro> collect(SetContext.Member m) {
    List<Macro> out = new ArrayList<>();
    JsonNode modules = m.descriptor().modules();
    for (String type : MACRO_TYPES) {
      JsonNode list = modules.path(type);
      if (!list.isArray()) {
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode key = list.get(i).path("key");
        if (key.isTextual() && !key.asText().isBlank() && !TemplateEngine.holdsPlaceholder(key.asText())) {
          String pointer = Pointers.child(Pointers.child(Pointers.child("/modules", type), i), "key");
          out.add(new Macro(m, pointer, key.asText()));
        }
      }
    }
    return out;
  }
}
