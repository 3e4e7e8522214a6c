package org.connectverify.core.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.connectverify.core.Finding;
import org.connectverify.core.InputException;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.json.SourceMap;

/**
 * The findings a team has accepted for now, by {@link Fingerprint}: a later run reports only findings that are not in
 * it, and says how many known ones remain and how many were fixed. Identical fingerprints are counted, so a third
 * copy of a problem the baseline knew twice is new. File paths are stored relative to the baseline's folder, so the
 * baseline works from any working folder. The file is sorted JSON meant to be committed and reviewed:
 * {@code {"connectVerifyBaseline":1,"findings":[{"fingerprint","rule","file","pointer","message"}]}}.
 */
public final class Baseline {
  static final String FORMAT_KEY = "connectVerifyBaseline";
  static final int FORMAT_VERSION = 1;

  /** One accepted finding; everything but the fingerprint is there for human readers. */
  public record Entry(String fingerprint, String rule, String file, String pointer, String message) {}

  /** What applying a baseline left: the new findings, how many known ones were hidden, and how many are gone. */
  public record Outcome(List<Finding> fresh, int known, int fixed) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::file)
          .thenComparing(Entry::rule)
          .thenComparing(Entry::pointer)
          .thenComparing(Entry::message)
          .thenComparing(Entry::fingerprint);

  private final List<Entry> entries;

  private Baseline(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    this.entries = List.copyOf(sorted);
  }

  /**
   * A baseline of these findings.
   *
   * @param fileKey maps a finding's display path to the path stored in the baseline (relative to its folder)
   */
  public static Baseline of(List<Finding> findings, UnaryOperator<String> fileKey) {
    List<Entry> entries = new ArrayList<>();
    for (Finding f : findings) {
      String file = fileKey.apply(f.file());
      entries.add(
          new Entry(
              Fingerprint.of(f.ruleId(), file, f.pointer(), f.message()),
              f.ruleId(),
              file,
              f.pointer(),
              f.message()));
    }
    return new Baseline(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Splits findings into new ones and known ones; {@code fileKey} as for {@link #of}. */
  public Outcome apply(List<Finding> findings, UnaryOperator<String> fileKey) {
    Map<String, Integer> remaining = new LinkedHashMap<>();
    for (Entry e : entries) {
      remaining.merge(e.fingerprint(), 1, Integer::sum);
    }
    List<Finding> fresh = new ArrayList<>();
    int known = 0;
    for (Finding f : findings) {
      String fp = Fingerprint.of(f.ruleId(), fileKey.apply(f.file()), f.pointer(), f.message());
      Integer left = remaining.get(fp);
      if (left != null && left > 0) {
        remaining.put(fp, left - 1);
        known++;
      } else {
        fresh.add(f);
      }
    }
    int fixed = remaining.values().stream().mapToInt(Integer::intValue).sum();
    return new Outcome(fresh, known, fixed);
  }

  public void write(Writer out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField(FORMAT_KEY, FORMAT_VERSION);
      g.writeArrayFieldStart("findings");
      for (Entry e : entries) {
        g.writeStartObject();
        g.writeStringField("fingerprint", e.fingerprint());
        g.writeStringField("rule", e.rule());
        g.writeStringField("file", e.file());
        g.writeStringField("pointer", e.pointer());
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /**
   * Reads a baseline file.
   *
   * @param display the file's display path, used in error messages
   * @throws InputException with {@code file:line:col: message} when it is not a baseline
   */
  public static Baseline read(byte[] bytes, String display) throws InputException {
    JsonReader.Result r = new JsonReader().read(bytes, display);
    if (!r.parsed() || !r.findings().isEmpty()) {
      String why = r.findings().isEmpty() ? display + ": cannot read" : r.findings().get(0).toString();
      throw new InputException("not a connect-verify baseline: " + why);
    }
    SourceMap map = r.sourceMap();
    JsonNode root = r.root();
    if (!root.isObject() || root.path(FORMAT_KEY).asInt(-1) != FORMAT_VERSION) {
      throw error(display, map, "", "not a connect-verify baseline (expected \"" + FORMAT_KEY + "\": " + FORMAT_VERSION + ")");
    }
    JsonNode list = root.path("findings");
    if (!list.isArray()) {
      throw error(display, map, "/findings", "\"findings\" must be an array");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      JsonNode fp = e.path("fingerprint");
      if (!fp.isTextual() || fp.asText().isEmpty()) {
        throw error(display, map, "/findings/" + i, "each finding needs a \"fingerprint\" string");
      }
      entries.add(
          new Entry(
              fp.asText(),
              e.path("rule").asText(""),
              e.path("file").asText(""),
              e.path("pointer").asText(""),
              e.path("message").asText("")));
    }
    return new Baseline(entries);
  }

  private static InputException error(String file, SourceMap map, String pointer, String message) {
    int[] at = map.value(pointer);
    return new InputException(file + ":" + at[0] + ":" + at[1] + ": " + message);
  }
}
