package org.connectverify.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Report;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.Version;
import org.connectverify.core.baseline.Fingerprint;

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose driver lists the rules that have
 * results (id, descriptions, help, help URI, default level), and one result per finding with its region, its JSON
 * pointer as a logical location, its related locations and the baseline fingerprint as a partial fingerprint. URIs
 * are relative to the run's base folder ({@code %SRCROOT%}); columns count UTF-16 code units, as Java's do.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/connect-verify/connect-verify";
  /** Key of the partial fingerprint; bump the version if {@link Fingerprint} ever changes. */
  static final String FINGERPRINT_KEY = "connectVerifyFindingHash/v1";

  private final ReportSettings settings;
  private final JsonFactory factory = new JsonFactory();

  public SarifReporter(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    Map<String, Rule> rules = new TreeMap<>();
    for (Finding f : report.findings()) {
      rules.put(f.ruleId(), settings.rule(f.ruleId()));
    }
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (String id : rules.keySet()) {
      ruleIndex.put(id, ruleIndex.size());
    }
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(g, report, rules);
      g.writeObjectFieldStart("originalUriBaseIds");
      g.writeObjectFieldStart("%SRCROOT%");
      g.writeObjectFieldStart("description");
      g.writeStringField("text", "The folder connect-verify was run from; every artifact URI is relative to it.");
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
      writeInvocation(g, report);
      g.writeStringField("columnKind", "utf16CodeUnits");
      g.writeArrayFieldStart("results");
      for (Finding f : report.findings()) {
        writeResult(g, f, ruleIndex.get(f.ruleId()));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private void writeTool(JsonGenerator g, Report report, Map<String, Rule> rules) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", Version.NAME);
    g.writeStringField("version", report.toolVersion());
    g.writeStringField("informationUri", INFORMATION_URI);
    g.writeArrayFieldStart("rules");
    for (Rule r : rules.values()) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("name", name(r));
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", firstSentence(r.summary()));
      g.writeEndObject();
      g.writeObjectFieldStart("fullDescription");
      g.writeStringField("text", r.summary());
      g.writeEndObject();
      g.writeObjectFieldStart("help");
      g.writeStringField("text", r.summary() + " See " + r.docUrl());
      String markdown = settings.help(r.id());
      if (markdown != null) {
        g.writeStringField("markdown", markdown);
      }
      g.writeEndObject();
      g.writeStringField("helpUri", r.docUrl());
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", level(r.defaultSeverity()));
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeStringField("category", r.category());
      g.writeBooleanField("needsNetwork", r.network());
      g.writeArrayFieldStart("tags");
      g.writeString(r.category());
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeInvocation(JsonGenerator g, Report report) throws IOException {
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    g.writeBooleanField("executionSuccessful", true);
    if (!report.notes().isEmpty()) {
      g.writeArrayFieldStart("toolExecutionNotifications");
      for (String note : report.notes()) {
        g.writeStartObject();
        g.writeStringField("level", "note");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", note);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void writeResult(JsonGenerator g, Finding f, int ruleIndex) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(f.severity()));
    g.writeObjectFieldStart("message");
    g.writeStringField("text", f.hint() == null ? f.message() : f.message() + ". Hint: " + f.hint());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    writePhysical(g, f.position());
    if (!f.pointer().isEmpty()) {
      g.writeArrayFieldStart("logicalLocations");
      g.writeStartObject();
      g.writeStringField("fullyQualifiedName", f.pointer());
      g.writeStringField("kind", "member");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
    if (!f.related().isEmpty()) {
      g.writeArrayFieldStart("relatedLocations");
      int id = 1;
      for (Finding.Related r : f.related()) {
        g.writeStartObject();
        g.writeNumberField("id", id++);
        writePhysical(g, r.position());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", r.message());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, Fingerprint.of(f));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("pointer", f.pointer());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writePhysical(JsonGenerator g, Position p) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    if (isAbsolute(p.file())) {
      String path = p.file().replace('\\', '/');
      g.writeStringField(
          "uri",
          path.startsWith("/") ? "file://" + uri(path) : "file:///" + path.substring(0, 2) + uri(path.substring(2)));
    } else {
      g.writeStringField("uri", uri(p.file()));
      g.writeStringField("uriBaseId", "%SRCROOT%");
    }
    g.writeEndObject();
    if (p.line() > 0) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", p.line());
      if (p.column() > 0) {
        g.writeNumberField("startColumn", p.column());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Files outside the base folder are shown as given, possibly absolute: those get a {@code file:} URI. */
  static boolean isAbsolute(String file) {
    return file.startsWith("/") || file.matches("[A-Za-z]:[\\\\/].*");
  }

  /** A relative URI reference: each path segment percent-encoded where RFC 3986 requires it. */
  static String uri(String file) {
    StringBuilder sb = new StringBuilder();
    for (byte b : file.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** A PascalCase name from the id ({@code json/duplicate-key} -> {@code JsonDuplicateKey}), as SARIF viewers expect. */
  private static String name(Rule r) {
    StringBuilder sb = new StringBuilder();
    for (String part : r.id().split("[/-]")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static String firstSentence(String summary) {
    int dot = summary.indexOf(". ");
    return dot > 0 ? summary.substring(0, dot + 1) : summary;
  }
}
