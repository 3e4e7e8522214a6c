package org.connectverify.core.schema;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.TestPaths;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.json.JsonReader;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;

/**
 * Runs our schemas and the 2019 upstream Jira schema (with its known bugs patched in memory) over the real-world
 * corpus, and compares our verdicts with the known verdicts of Atlassian's own fixtures. Our verdict is "invalid" when
 * a schema/* finding is an error; the product is detected as in a normal run, and a descriptor nothing marks as Jira
 * or Confluence is checked as Jira, like the upstream schema checks everything. Every disagreement is written
 * to {@code target/conformance-disagreements.txt}; each must be justified in the table of {@code schemas/CONFORMANCE.md}
 * (first column: the file name in backticks), and the table must not keep rows for files that no longer disagree.
 * Skipped when {@code ../shared} is absent.
 */
class ConformanceTest {
  /** Atlassian fixture names whose verdict is known from the name (the plugin's own tests assert it). */
  private static final Pattern KNOWN_INVALID =
      Pattern.compile(
          "(invalid|malformed|bad|empty)[A-Z].*|.+Invalid[A-Z].*|descriptorWith(NonObjectModuleList|UnknownModuleType).*");

  private static final Pattern KNOWN_VALID = Pattern.compile("valid[A-Z].*");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|", Pattern.MULTILINE);

  @Test
  void everyDisagreementWithUpstreamOrWithAtlassianFixturesIsJustified() throws Exception {
    Path shared = TestPaths.shared();
    assumeTrue(shared != null, "../shared is absent: conformance run skipped");
    Path corpus = shared.resolve("corpus/descriptors");
    Schema upstream = patchedUpstream(shared.resolve("reference/schemas/jira-global-schema-2019.json"));
    Verifier verifier = Verifier.create(VerifyOptions.builder().baseDir(corpus).build());
    Verifier jira = Verifier.create(VerifyOptions.builder().baseDir(corpus).product(Product.JIRA).build());
    JsonReader reader = new JsonReader();

    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Map<String, String> disagreements = new LinkedHashMap<>();
    int compared = 0;
    int agreeValid = 0;
    int agreeInvalid = 0;
    int unparsed = 0;
    int fixturesKnown = 0;
    int fixturesRight = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      JsonReader.Result parsed = reader.read(Files.readAllBytes(file), name);
      if (!parsed.parsed() || !parsed.root().isObject()) {
        unparsed++;
        continue;
      }
      compared++;
      Report report = verifier.verify(List.of(file));
      if (report.descriptors().get(0).product() == null) {
        unparsed++; // a Bitbucket app: not checked against the Jira/Confluence schemas, so nothing to compare
        compared--;
        continue;
      }
      if (report.descriptors().get(0).product() == Product.COMMON) {
        report = jira.verify(List.of(file)); // the upstream schema is Jira's: compare like with like
      }
      List<String> ours = ourSchemaErrors(report);
      List<String> theirs = upstreamErrors(upstream, parsed.root().toString());
      boolean oursValid = ours.isEmpty();
      boolean theirsValid = theirs.isEmpty();
      Boolean expected = expectedVerdict(name);
      if (expected != null) {
        fixturesKnown++;
        if (expected == oursValid) {
          fixturesRight++;
        } else {
          disagreements.put(
              name,
              "fixture expected " + verdict(expected) + ", ours " + verdict(oursValid) + " " + ours
                  + "; upstream " + verdict(theirsValid) + " " + theirs);
          continue;
        }
      }
      if (oursValid == theirsValid) {
        if (oursValid) {
          agreeValid++;
        } else {
          agreeInvalid++;
        }
      } else {
        disagreements.put(
            name, "ours " + verdict(oursValid) + " " + ours + "; upstream " + verdict(theirsValid) + " " + theirs);
      }
    }

    String summary =
        "files: " + files.size() + ", not JSON objects or Bitbucket apps (skipped): " + unparsed + ", compared: " + compared
            + ", agree valid: " + agreeValid + ", agree invalid: " + agreeInvalid + ", disagreements: "
            + disagreements.size() + ", Atlassian fixtures with a known verdict: " + fixturesKnown
            + " (ours right on " + fixturesRight + ")";
    StringBuilder report = new StringBuilder(summary).append("\n\n");
    disagreements.forEach((f, why) -> report.append(f).append("\n    ").append(why).append("\n"));
    Path out = TestPaths.root().resolve("core/target/conformance-disagreements.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);

    TreeSet<String> justified = justifiedFiles();
    List<String> problems = new ArrayList<>();
    for (String f : disagreements.keySet()) {
      if (!justified.contains(f)) {
        problems.add("unjustified disagreement: " + f + "\n    " + disagreements.get(f));
      }
    }
    for (String f : justified) {
      if (!disagreements.containsKey(f)) {
        problems.add("schemas/CONFORMANCE.md justifies " + f + ", which no longer disagrees: remove its row");
      }
    }
    if (!problems.isEmpty()) {
      fail(summary + "\n" + problems.size() + " conformance problems (full list in " + out + "):\n"
          + String.join("\n", problems));
    }
  }

  private static String verdict(boolean valid) {
    return valid ? "valid" : "invalid";
  }

  /** True/false for Atlassian fixtures whose verdict the file name states; null otherwise. */
  static Boolean expectedVerdict(String fileName) {
    if (!fileName.startsWith("mahmoudimus__ac__")) {
      return null;
    }
    String base = fileName.substring(fileName.lastIndexOf("__") + 2);
    if (KNOWN_VALID.matcher(base).matches()) {
      return true;
    }
    if (KNOWN_INVALID.matcher(base).matches()) {
      return false;
    }
    return null;
  }

  /** Our schema verdict: the error-severity schema/* findings (rule ids and pointers). */
  private static List<String> ourSchemaErrors(Report report) {
    List<String> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (f.ruleId().startsWith("schema/") && f.severity() == Severity.ERROR) {
        out.add(f.ruleId() + "@" + f.pointer());
      }
    }
    if (out.size() > 6) {
      out.subList(6, out.size()).clear();
      out.add("...");
    }
    return out;
  }

  private static List<String> upstreamErrors(Schema schema, String json) {
    try {
      schema.validate(new JSONTokener(json).nextValue());
      return List.of();
    } catch (ValidationException e) {
      List<String> out = new ArrayList<>();
      for (String m : e.getAllMessages()) {
        out.add(m.length() > 120 ? m.substring(0, 117) + "..." : m);
        if (out.size() == 6) {
          out.add("...");
          break;
        }
      }
      return out;
    }
  }

  /**
   * The 2019 upstream schema (draft-04) with its known bugs patched: {@code signed-install} and {@code context-qsh}
   * allowed in apiMigrations, and the {@code $ref: "#"} in composite conditions pointed at the composite definition.
   * Formats it uses ({@code uri}, {@code uri-template}) are left to everit's draft-04 defaults.
   */
  static Schema patchedUpstream(Path file) throws IOException {
    JSONObject json = new JSONObject(new JSONTokener(Files.readString(file, StandardCharsets.UTF_8)));
    JSONObject migrations =
        json.getJSONObject("properties").getJSONObject("apiMigrations").getJSONObject("properties");
    migrations.put("signed-install", new JSONObject().put("type", "boolean"));
    migrations.put("context-qsh", new JSONObject().put("type", "boolean"));
    rewriteRootRefs(json);
    return SchemaLoader.builder().schemaJson(json).build().load().build();
  }

  private static void rewriteRootRefs(Object node) {
    if (node instanceof JSONObject o) {
      if ("#".equals(o.opt("$ref"))) {
        o.put("$ref", "#/definitions/compositeCondition");
      }
      for (String k : o.keySet()) {
        rewriteRootRefs(o.get(k));
      }
    } else if (node instanceof JSONArray a) {
      for (Object x : a) {
        rewriteRootRefs(x);
      }
    }
  }

  /** File names in the first column of the tables in schemas/CONFORMANCE.md. */
  private static TreeSet<String> justifiedFiles() throws IOException {
    Path doc = TestPaths.root().resolve("schemas/CONFORMANCE.md");
    TreeSet<String> out = new TreeSet<>();
    if (!Files.exists(doc)) {
      return out;
    }
    Matcher m = TABLE_ROW.matcher(Files.readString(doc, StandardCharsets.UTF_8));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
