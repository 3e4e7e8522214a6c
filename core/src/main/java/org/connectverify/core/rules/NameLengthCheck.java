package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.template.TemplateEngine;

/** The app name is at most 80 characters (the descriptor schema's {@code maxLength}). */
public final class NameLengthCheck implements Check {
  public static final Rule NAME_LENGTH =
      Rule.of("descriptor/name-length", Severity.ERROR, "The app name is longer than 80 characters.");

  static final int MAX = 80;

  @Override
  public List<Rule> rules() {
    return List.of(NAME_LENGTH);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode node = ctx.root().path("name");
    if (!node.isTextual() || TemplateEngine.holdsPlaceholder(node.asText())) {
      return;
    }
    String name = node.asText();
    int length = name.codePointCount(0, name.length());
    if (length > MAX) {
      ctx.report(
          NAME_LENGTH,
          ctx.at("/name"),
          "app name is " + length + " characters long: at most " + MAX + " are allowed",
          "shorten the name; it must match the Marketplace listing name, and is recorded when the app is first"
              + " installed");
    }
  }
}
