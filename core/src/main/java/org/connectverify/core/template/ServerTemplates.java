package org.connectverify.core.template;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;

/**
 * Recognises a descriptor that is a server-side template, JSON only once a web framework renders it (ERB in Rails,
 * Jinja or Django templates, Go's text/template, Play's Twirl, Maven resource filtering of a whole value). Such a file
 * gets one {@code template/not-rendered} finding in place of a JSON syntax error that would blame the author for a
 * file that is fine. Only files that are not JSON as they stand are looked at: placeholders inside JSON strings are
 * the templating step's business.
 */
public final class ServerTemplates {
  /** A template language: its marker, and a literal every match of the marker holds (a quick test before it). */
  private record Kind(String name, Pattern marker, String literal, String hint) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("an ERB template (<% %>)", Pattern.compile("<%"), "<%", "the Rails view that renders it"),
          new Kind(
              "a Jinja/Django template ({% %})", Pattern.compile("\\{%"), "{%", "the view that renders it"),
          new Kind(
              "a Go template ({{define}}, {{.Name}})",
              Pattern.compile("\\{\\{-?\\s*(define|end|if|range|template|\\.)"),
              "{{",
              "the handler that executes it"),
          new Kind(
              "a Jinja/Django template ({{ value }} outside a JSON string)",
              Pattern.compile("[:\\[,]\\s*\\{\\{[^}\"]*}}"),
              "{{",
              "the view that renders it"),
          new Kind(
              "a Play Twirl template (@(...) / @import)",
              Pattern.compile("(?m)^\\s*@(\\(|import\\b)"),
              "@",
              "the controller that renders it"),
          new Kind(
              "a Maven-filtered resource (@name@ outside a JSON string)",
              Pattern.compile("[:\\[,]\\s*@[A-Za-z0-9_.-]+@"),
              "@",
              "the build (mvn process-resources) and verify target/classes"));

  private ServerTemplates() {}

  /**
   * The not-rendered finding for a file that failed to parse as JSON, or null when it shows no template syntax (then
   * the JSON syntax error stands).
   */
  public static Finding notRendered(String text, String file) {
    for (Kind k : KINDS) {
      if (!text.contains(k.literal())) {
        continue;
      }
      Matcher m = k.marker().matcher(text);
      if (m.find()) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < m.start(); i++) {
          if (text.charAt(i) == '\n') {
            line++;
            col = 1;
          } else {
            col++;
          }
        }
        return new Finding(
            TemplateRules.NOT_RENDERED.id(),
            TemplateRules.NOT_RENDERED.defaultSeverity(),
            new Position(file, line, col, ""),
            "the descriptor is " + k.name() + ", not JSON until it is rendered, so no check ran on it",
            "verify the rendered descriptor: save what " + k.hint() + " serves (or curl the app's descriptor URL)"
                + " and pass that file",
            List.of());
      }
    }
    return null;
  }
}
