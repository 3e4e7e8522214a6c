package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.text.Strings;

/**
 * A macro's parameters must agree with each other and with its autoconvert: two parameters with one identifier
 * share one value in the macro's storage, an {@code enum} parameter without values offers nothing to choose, and an
 * autoconvert that puts the pasted URL into a parameter the macro does not declare hands it to a parameter the macro
 * does not know (a warning: the value is still stored, so whether the macro sees it is not confirmed). The schema checks each
 * parameter alone; this check compares them.
 */
public final class MacroParametersCheck implements Check {
  public static final Rule DUPLICATE_PARAMETER =
      Rule.of(
          "modules/macro-duplicate-parameter",
          Severity.ERROR,
          "Two parameters of one macro share an identifier; the macro stores one value for both.");

  public static final Rule ENUM_WITHOUT_VALUES =
      Rule.of(
          "modules/macro-enum-without-values",
          Severity.ERROR,
          "A macro parameter of type enum lists no values, so the macro browser offers nothing to choose.");

  public static final Rule AUTOCONVERT_PARAMETER =
      Rule.of(
          "modules/macro-autoconvert-parameter",
          Severity.WARNING,
          "A macro's autoconvert.urlParameter names no parameter of the macro, so the macro does not know the pasted"
              + " URL.");

  private static final List<String> MACRO_TYPES = List.of("dynamicContentMacros", "staticContentMacros");

  @Override
  public List<Rule> rules() {
    return List.of(DUPLICATE_PARAMETER, ENUM_WITHOUT_VALUES, AUTOCONVERT_PARAMETER);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode modules = ctx.descriptor().modules();
    for (String type : MACRO_TYPES) {
      JsonNode macros = modules.path(type);
      if (!macros.isArray()) {
        continue;
      }
      for (int m = 0; m < macros.size(); m++) {
        check(ctx, macros.get(m), "/modules/" + type + "/" + m);
      }
    }
  }

  private static void check(CheckContext ctx, JsonNode macro, String pointer) {
    String macroKey = macro.path("key").asText("");
    JsonNode parameters = macro.path("parameters");
    Map<String, Integer> first = new LinkedHashMap<>();
    List<String> identifiers = new ArrayList<>();
    for (int i = 0; parameters.isArray() && i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      String at = pointer + "/parameters/" + i;
      JsonNode id = p.path("identifier");
      if (id.isTextual() && !id.asText().isEmpty()) {
        identifiers.add(id.asText());
        Integer earlier = first.putIfAbsent(id.asText(), i);
        if (earlier != null) {
          ctx.report(
              DUPLICATE_PARAMETER,
              ctx.at(at + "/identifier"),
              "macro \"" + macroKey + "\" declares parameter \"" + id.asText() + "\" twice (also parameters["
                  + earlier + "]): both edit one stored value",
              "give each parameter its own identifier, or remove one",
              List.of(new Finding.Related(ctx.at(pointer + "/parameters/" + earlier + "/identifier"),
                  "first declared here")));
        }
      }
      if (p.path("type").asText("").toLowerCase(Locale.ROOT).equals("enum")) {
        JsonNode values = p.path("values");
        if (!values.isArray() || values.isEmpty()) {
          ctx.report(
              ENUM_WITHOUT_VALUES,
              ctx.at(values.isMissingNode() ? at + "/type" : at + "/values"),
              "macro \"" + macroKey + "\" parameter \"" + id.asText("") + "\" is an enum with no values: the"
                  + " macro browser offers nothing to choose",
              "list the choices under \"values\", or use type \"string\"");
        }
      }
    }
    JsonNode url = macro.path("autoconvert").path("urlParameter");
    if (url.isTextual() && !url.asText().isEmpty() && !identifiers.contains(url.asText())) {
      List<String> closest = Strings.closest(url.asText(), identifiers);
      ctx.report(
          AUTOCONVERT_PARAMETER,
          ctx.at(pointer + "/autoconvert/urlParameter"),
          "macro \"" + macroKey + "\" autoconverts a pasted URL into parameter \"" + url.asText() + "\", which it"
              + " does not declare: the macro browser does not show it and the macro's URL cannot name it",
          closest.isEmpty()
              ? "declare a parameter with that identifier, or name one that exists"
              : "did you mean " + Strings.quoteList(closest, "or") + "?");
    }
  }
}
