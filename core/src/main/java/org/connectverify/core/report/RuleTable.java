package org.connectverify.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.connectverify.core.Rule;

/** The rule catalogue as a text table or JSON ({@code connect-verify rules}). */
public final class RuleTable {
  private RuleTable() {}

  private static List<Rule> sorted(Collection<Rule> rules) {
    List<Rule> list = new ArrayList<>(rules);
    list.sort(Comparator.comparing(Rule::id));
    return list;
  }

  /** Aligned columns: rule, severity, category, network, summary. */
  public static void text(Collection<Rule> rules, Writer out) throws IOException {
    List<Rule> list = sorted(rules);
    int idWidth = "RULE".length();
    int catWidth = "CATEGORY".length();
    for (Rule r : list) {
      idWidth = Math.max(idWidth, r.id().length());
      catWidth = Math.max(catWidth, r.category().length());
    }
    String format = "%-" + idWidth + "s  %-8s  %-" + catWidth + "s  %-7s  %s%n";
    out.write(String.format(format, "RULE", "SEVERITY", "CATEGORY", "NETWORK", "SUMMARY"));
    for (Rule r : list) {
      out.write(
          String.format(
              format, r.id(), r.defaultSeverity().label(), r.category(), r.network() ? "yes" : "no", r.summary()));
    }
    out.write(list.size() + " rules; 'connect-verify explain RULE' shows a rule's page.\n");
  }

  /** {@code {"rules":[{"id","severity","category","network","summary","docUrl"}]}}. */
  public static void json(Collection<Rule> rules, Writer out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("rules");
      for (Rule r : sorted(rules)) {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("severity", r.defaultSeverity().label());
        g.writeStringField("category", r.category());
        g.writeBooleanField("network", r.network());
        g.writeStringField("summary", r.summary());
        g.writeStringField("docUrl", r.docUrl());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }
}
