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

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose driver lists the rules that have
 * results (id, descriptions, the rule's packaged page as help, default level, and {@code security-severity} for
 * {@link SecurityRules}), and one result per finding with its region, its JSON pointer as a logical location, its
 * related locations and a {@link LocationFingerprint} as partial fingerprint. URIs are relative to the source root
 * ({@code %SRCROOT%}, the repository: see {@link ReportSettings#sourcePath}), so code scanning maps them to files
 * whatever folder the tool ran from; {@code automationDetails.id} names the run's category ({@code connect-verify/}
 * plus the base folder), so reports uploaded from different folders of one repository do not replace each other.
 * Columns count UTF-16 code units, as Java's do. No help URI: the rule pages ship inside the tool
 * ({@code connect-verify explain RULE}) and in the SARIF itself, and have no public address that is sure to resolve.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  /** Key of the partial fingerprint; bump the version if {@link LocationFingerprint} ever changes. */
  static final String FINGERPRINT_KEY = "connectVerifyLocation/v1";

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
      g.writeObjectFieldStart("automationDetails");
      g.writeStringField("id", settings.category());
      g.writeEndObject();
      g.writeObjectFieldStart("originalUriBaseIds");
      g.writeObjectFieldStart("%SRCROOT%");
      g.writeObjectFieldStart("description");
      g.writeStringField(
          "text", "The source root (the repository, or --source-root); every relative artifact URI is relative to it.");
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
      writeInvocation(g, report);
      g.writeStringField("columnKind", "utf16CodeUnits");
      g.writeArrayFieldStart("results");
      LocationFingerprint fingerprints = new LocationFingerprint();
      for (Finding f : report.findings()) {
        writeResult(g, f, ruleIndex.get(f.ruleId()), fingerprints);
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
      g.writeStringField(
          "text", r.summary() + " Run 'connect-verify explain " + r.id() + "' for the rule's page.");
      String markdown = settings.help(r.id());
      if (markdown != null) {
        g.writeStringField("markdown", markdown);
      }
      g.writeEndObject();
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", level(r.defaultSeverity()));
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeStringField("category", r.category());
      g.writeBooleanField("needsNetwork", r.network());
      String score = SecurityRules.score(r.id());
      if (score != null) {
        g.writeStringField("security-severity", score);
      }
      g.writeArrayFieldStart("tags");
      g.writeString(r.category());
      if (score != null) {
        g.writeString("security");
      }
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

  private void writeResult(JsonGenerator g, Finding f, int ruleIndex, LocationFingerprint fingerprints)
      throws IOException {
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
    g.writeStringField(FINGERPRINT_KEY, fingerprints.next(f, settings.sourcePath(f.file())));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("pointer", f.pointer());
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writePhysical(JsonGenerator g, Position p) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    if (isAbsolute(p.file())) {
      String path = p.file().replace('\\', '/');
      g.writeStringField(
          "uri",
          path.startsWith("/") ? "file://" + uri(path) : "file:///" + path.substring(0, 2) + uri(path.substring(2)));
    } else {
      g.writeStringField("uri", uri(settings.sourcePath(p.file())));
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
