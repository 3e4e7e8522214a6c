package org.connectverify.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;

/**
 * GitLab Code Quality (a subset of the Code Climate issue format), which GitLab shows in merge requests from a job's
 * {@code artifacts:reports:codequality}: a JSON array with one object per finding holding {@code description} (the
 * canonical message with its rule id), {@code check_name} (the rule id), {@code fingerprint} (a
 * {@link LocationFingerprint}, unique in the report and stable across rewordings), {@code severity} and
 * {@code location.path} (relative to the repository root, as GitLab requires) with {@code location.lines.begin}
 * (1 for a finding without a line). Severities: error is {@code critical} for {@link SecurityRules} and {@code major}
 * otherwise, warning is {@code minor}, info is {@code info}; {@code blocker} is left for nothing, because the tool
 * cannot know what blocks a given team.
 */
public final class CodeQualityReporter implements Reporter {
  private final ReportSettings settings;
  private final JsonFactory factory = new JsonFactory();

  public CodeQualityReporter(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    LocationFingerprint fingerprints = new LocationFingerprint();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (Finding f : report.findings()) {
        String path = settings.sourcePath(f.file());
        g.writeStartObject();
        g.writeStringField("type", "issue");
        g.writeStringField(
            "description", f.message() + (f.hint() == null ? "" : ". Hint: " + f.hint()) + " [" + f.ruleId() + "]");
        g.writeStringField("check_name", f.ruleId());
        g.writeStringField("fingerprint", fingerprints.next(f, path));
        g.writeStringField("severity", severity(f));
        g.writeObjectFieldStart("location");
        g.writeStringField("path", path);
        g.writeObjectFieldStart("lines");
        g.writeNumberField("begin", Math.max(1, f.line()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.write('\n');
  }

  static String severity(Finding f) {
    return switch (f.severity()) {
      case ERROR -> SecurityRules.score(f.ruleId()) != null ? "critical" : "major";
      case WARNING -> "minor";
      case INFO -> "info";
    };
  }
}
