package org.connectverify.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.Version;

/**
 * The machine-readable contract other tools parse. Field names are stable:
 * {@code {"tool":{"name","version"},"descriptors":[{"file","product","key"}],"findings":[{"rule","severity","file",
 * "line","column","pointer","message","hint"}],"summary":{"errors","warnings","infos"},"notes":[string]}}.
 */
public final class JsonReporter implements Reporter {
  private final JsonFactory factory = new JsonFactory();

  @Override
  public void write(Report report, Writer out) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", Version.NAME);
      g.writeStringField("version", report.toolVersion());
      g.writeEndObject();
      g.writeArrayFieldStart("descriptors");
      for (Report.Checked d : report.descriptors()) {
        g.writeStartObject();
        g.writeStringField("file", d.file());
        g.writeStringField("product", d.product() == null ? null : d.product().label());
        g.writeStringField("key", d.key());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : report.findings()) {
        g.writeStartObject();
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("file", f.file());
        g.writeNumberField("line", f.line());
        g.writeNumberField("column", f.column());
        g.writeStringField("pointer", f.pointer());
        g.writeStringField("message", f.message());
        g.writeStringField("hint", f.hint());
        if (!f.related().isEmpty()) {
          g.writeArrayFieldStart("related");
          for (Finding.Related r : f.related()) {
            g.writeStartObject();
            g.writeStringField("file", r.position().file());
            g.writeNumberField("line", r.position().line());
            g.writeNumberField("column", r.position().column());
            g.writeStringField("message", r.message());
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("errors", report.count(Severity.ERROR));
      g.writeNumberField("warnings", report.count(Severity.WARNING));
      g.writeNumberField("infos", report.count(Severity.INFO));
      g.writeStringField("failOn", report.failOn().label());
      g.writeBooleanField("failed", report.failed());
      g.writeEndObject();
      g.writeArrayFieldStart("notes");
      for (String note : report.notes()) {
        g.writeString(note);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }
}
