package org.connectverify.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.connectverify.core.TestPaths;
import org.connectverify.core.json.JsonReader;
import org.junit.jupiter.api.Test;

/** The placeholder marks the reader tells while parsing are the marks a walk over the tree finds. */
class MarkersWhileReadingTest {
  private static final JsonReader JSON = new JsonReader();

  private static JsonReader.Result read(String json) {
    return JSON.read(json.getBytes(StandardCharsets.UTF_8), "d.json", TemplateEngine::markers);
  }

  @Test
  void eachSyntaxIsTold() {
    assertEquals(0, read("{\"a\": \"/page?x={issue.key}\", \"n\": 1}").stringMarks());
    assertEquals(TemplateEngine.MUSTACHE_MARK, read("{\"baseUrl\": \"{{localBaseUrl}}\"}").stringMarks());
    assertEquals(TemplateEngine.SPRING_MARK, read("{\"a\": [{\"b\": \"${addon.base-url}/x\"}]}").stringMarks());
    assertEquals(
        TemplateEngine.MAVEN_MARK | TemplateEngine.MUSTACHE_MARK,
        read("{\"v\": \"@project.version@\", \"k\": \"{{appKey}}\"}").stringMarks());
    assertEquals(TemplateEngine.MUSTACHE_MARK, read("\"{{localBaseUrl}}\"").stringMarks()); // a string document
    // keys are not values: templating fills values only
    assertEquals(0, read("{\"{{key}}\": \"x\", \"${k}\": 1}").stringMarks());
  }

  @Test
  void unknownWhenNotAskedOrWhenADuplicateKeyDroppedAValue() {
    assertEquals(-1, JSON.read("{\"a\": \"{{x}}\"}".getBytes(StandardCharsets.UTF_8), "d.json").stringMarks());
    // the first "a" is dropped from the tree, which then holds no placeholder
    JsonReader.Result r = read("{\"a\": \"{{x}}\", \"a\": \"plain\"}");
    assertEquals(0, TemplateEngine.markers(r.root()));
    assertEquals(-1, r.stringMarks());
    assertEquals(-1, read("{\"a\": ").stringMarks()); // not read
  }

  @Test
  void sameAsTheWalkOverFixturesAndTheCorpus() throws IOException {
    List<Path> files = new ArrayList<>();
    collect(TestPaths.root().resolve("core/src/test/resources"), files);
    collect(TestPaths.root().resolve("examples"), files);
    if (TestPaths.shared() != null) {
      collect(TestPaths.shared().resolve("corpus/descriptors"), files);
    }
    int read = 0;
    int marked = 0;
    for (Path f : files) {
      JsonReader.Result r = JSON.read(Files.readAllBytes(f), f.toString(), TemplateEngine::markers);
      if (r.root() == null || r.stringMarks() < 0) {
        continue;
      }
      read++;
      assertEquals(TemplateEngine.markers(r.root()), r.stringMarks(), f.toString());
      if (r.stringMarks() != 0) {
        marked++;
      }
    }
    assertTrue(read > 100 && marked > 10, read + " read, " + marked + " with placeholders");
  }

  private static void collect(Path dir, List<Path> out) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().forEach(out::add);
    }
  }
}
