package org.connectverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs the {@code connect-verify . ...} command of every recipe in {@code docs/ci.md}, as written there, from the root
 * of a repository holding the example apps (in a separate JVM, so the working folder is real), and checks the files
 * each writes against what its CI system reads: GitHub workflow commands and SARIF with repository-relative paths,
 * JUnit XML in the Surefire shape, GitLab Code Quality's required fields.
 */
class CiRecipesTest {
  private static final Pattern COMMAND = Pattern.compile("connect-verify \\. [^'\"]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void repositoryWithTheExamples() throws IOException {
    repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    copy(CliRun.root().resolve("examples/broken"), repo.resolve("apps/broken"));
    copy(CliRun.root().resolve("examples/jira-app"), repo.resolve("apps/jira"));
  }

  @Test
  void everyRecipeHasItsCommand() throws IOException {
    assertEquals(List.of("GitHub Actions", "Bitbucket Pipelines", "GitLab CI", "Jenkins"),
        new ArrayList<>(recipes().keySet()));
  }

  @Test
  void githubActionsRecipeWritesAnnotationsSarifAndASummary() throws Exception {
    Path summary = tmp.resolve("step-summary.md");
    Run r = run("GitHub Actions", repo, Map.of("$GITHUB_STEP_SUMMARY", summary.toString()));
    assertEquals(1, r.code(), r.toString());
    List<String> annotations =
        r.out().lines().filter(l -> l.startsWith("::") && !l.startsWith("::notice title=connect-verify::")).toList();
    assertFalse(annotations.isEmpty(), r.toString());
    for (String a : annotations) {
      assertTrue(
          a.matches("::(error|warning|notice) file=apps/broken/atlassian-connect\\.json(,line=\\d+(,col=\\d+)?)?"
              + ",title=[a-z0-9-]+/[a-z0-9-]+::.+"),
          a);
    }
    assertTrue(Files.readString(summary).startsWith("## connect-verify: FAILED"), Files.readString(summary));
    assertSarifMapsToTheRepository(repo.resolve("connect-verify.sarif"), "apps/broken/", "connect-verify/");
  }

  @Test
  void bitbucketRecipeWritesJunitWherePipelinesLooks() throws Exception {
    Run r = run("Bitbucket Pipelines", repo, Map.of());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("[modules/duplicate-key]"), "findings stay in the log: " + r);
    assertJunit(repo.resolve("test-results/connect-verify.xml"));
  }

  @Test
  void gitlabRecipeWritesCodeQualityAndJunit() throws Exception {
    Run r = run("GitLab CI", repo, Map.of());
    assertEquals(1, r.code(), r.toString());
    assertCodeQuality(repo.resolve("gl-code-quality-report.json"));
    assertJunit(repo.resolve("connect-verify-junit.xml"));
  }

  @Test
  void jenkinsRecipeWritesJunitAndSarif() throws Exception {
    Run r = run("Jenkins", repo, Map.of());
    assertEquals(1, r.code(), r.toString());
    assertJunit(repo.resolve("target/connect-verify-junit.xml"));
    assertSarifMapsToTheRepository(repo.resolve("target/connect-verify.sarif"), "apps/broken/", "connect-verify/");
  }

  @Test
  void aRunFromASubfolderStillMapsEveryResultToTheRepository() throws Exception {
    Path sub = repo.resolve("apps/broken");
    Run r = exec(sub, List.of(".", "--report", "sarif=out.sarif", "--report", "codequality=cq.json", "-q"));
    assertEquals(1, r.code(), r.toString());
    assertSarifMapsToTheRepository(sub.resolve("out.sarif"), "apps/broken/", "connect-verify/apps/broken/");
    for (JsonNode issue : JSON.readTree(sub.resolve("cq.json").toFile())) {
      assertEquals("apps/broken/atlassian-connect.json", issue.at("/location/path").asText());
    }
  }

  @Test
  void sourceRootOverridesTheRepository() throws Exception {
    Path sub = repo.resolve("apps/broken");
    Run r = exec(sub, List.of(".", "--report", "sarif=out.sarif", "--source-root", "..", "-q"));
    assertEquals(1, r.code(), r.toString());
    assertSarifMapsToTheRepository(sub.resolve("out.sarif"), "broken/", "connect-verify/broken/");
  }

  private static void assertSarifMapsToTheRepository(Path file, String prefix, String category) throws IOException {
    JsonNode run = JSON.readTree(file.toFile()).at("/runs/0");
    assertEquals(category, run.at("/automationDetails/id").asText());
    assertTrue(run.get("results").size() > 0);
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode result : run.get("results")) {
      JsonNode location = result.at("/locations/0/physicalLocation/artifactLocation");
      assertTrue(location.get("uri").asText().startsWith(prefix), location.toString());
      assertEquals("%SRCROOT%", location.get("uriBaseId").asText());
      assertTrue(fingerprints.add(result.at("/partialFingerprints").toString()), "unique fingerprints");
    }
    for (JsonNode rule : run.at("/tool/driver/rules")) {
      assertFalse(rule.has("helpUri"), "no link that may not resolve");
      assertTrue(rule.at("/help/text").asText().contains("connect-verify explain"), rule.toString());
    }
  }

  /** The JUnit XML shape Jenkins, Bitbucket and GitLab read (Surefire's): counts agree, one failure per test at most. */
  private static void assertJunit(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    Element root = doc.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    NodeList suites = root.getElementsByTagName("testsuite");
    assertTrue(suites.getLength() >= 2, "one suite per descriptor");
    int tests = 0;
    int failures = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      NodeList cases = suite.getElementsByTagName("testcase");
      int suiteFailures = 0;
      Set<String> names = new HashSet<>();
      for (int j = 0; j < cases.getLength(); j++) {
        Element c = (Element) cases.item(j);
        assertFalse(c.getAttribute("classname").isEmpty());
        assertTrue(names.add(c.getAttribute("name")), "unique test names: " + c.getAttribute("name"));
        int failed = c.getElementsByTagName("failure").getLength();
        assertTrue(failed <= 1);
        if (failed == 1) {
          assertTrue(c.getAttribute("name").matches("[a-z0-9-]+/[a-z0-9-]+ .+"), "named by rule and pointer");
          assertTrue(((Element) c.getElementsByTagName("failure").item(0)).getAttribute("message")
              .endsWith("[" + c.getAttribute("name").split(" ")[0] + "]"));
        }
        suiteFailures += failed;
      }
      assertEquals(Integer.parseInt(suite.getAttribute("tests")), cases.getLength());
      assertEquals(Integer.parseInt(suite.getAttribute("failures")), suiteFailures);
      tests += cases.getLength();
      failures += suiteFailures;
    }
    assertEquals(Integer.parseInt(root.getAttribute("tests")), tests);
    assertEquals(Integer.parseInt(root.getAttribute("failures")), failures);
    assertTrue(failures > 0);
  }

  /** GitLab Code Quality: the fields GitLab requires, with their types; unique fingerprints; relative paths. */
  private static void assertCodeQuality(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    assertTrue(root.isArray() && root.size() > 0);
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode issue : root) {
      for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
        assertTrue(issue.path(field).isTextual() && !issue.get(field).asText().isEmpty(), field + " in " + issue);
      }
      assertTrue(fingerprints.add(issue.get("fingerprint").asText()));
      assertTrue(List.of("info", "minor", "major", "critical", "blocker").contains(issue.get("severity").asText()));
      assertEquals("apps/broken/atlassian-connect.json", issue.at("/location/path").asText());
      assertTrue(issue.at("/location/lines/begin").isInt() && issue.at("/location/lines/begin").asInt() >= 1);
    }
  }

  /** The {@code connect-verify . ...} command of each {@code ## } section of docs/ci.md, in order. */
  private static Map<String, String> recipes() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    String section = null;
    for (String line : Files.readAllLines(CliRun.root().resolve("docs/ci.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        section = line.substring(3).trim();
      }
      Matcher m = COMMAND.matcher(line);
      if (section != null && m.find()) {
        out.put(section, m.group().trim());
      }
    }
    return out;
  }

  private Run run(String recipe, Path cwd, Map<String, String> env) throws Exception {
    String command = recipes().get(recipe);
    for (Map.Entry<String, String> e : env.entrySet()) {
      command = command.replace(e.getKey(), e.getValue());
    }
    List<String> words = Arrays.asList(command.split("\\s+"));
    return exec(cwd, words.subList(1, words.size()));
  }

  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** The CLI in its own JVM, with {@code cwd} as working folder. */
  private Run exec(Path cwd, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(args);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("NO_COLOR");
    pb.environment().remove("FORCE_COLOR");
    int code = pb.start().waitFor();
    return new Run(code, Files.readString(out), Files.readString(err));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
