package org.connectverify.core.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.connectverify.core.TestPaths;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Validates SARIF against the official SARIF 2.1.0 JSON schema, as shipped in the {@code @microsoft/sarif-multitool}
 * npm package. The schema is not part of this repository: {@code .ci/sarif-check.sh} installs the package and runs
 * this test with {@code -Dconnectverify.sarif.schema=FILE} (and {@code -Dconnectverify.sarif.files=a,b} for SARIF
 * made by the CLI). Without the property the test is skipped, saying how to run it.
 */
class SarifSchemaTest {

  @Test
  void goldenAndCliSarifConformToTheOfficialSchema() throws Exception {
    String schemaFile = System.getProperty("connectverify.sarif.schema", "");
    Assumptions.assumeFalse(
        schemaFile.isEmpty(), "no SARIF schema given: run .ci/sarif-check.sh to validate SARIF output");
    JSONObject raw = new JSONObject(Files.readString(Path.of(schemaFile), StandardCharsets.UTF_8));
    raw.remove("$schema"); // draft 2020-12 tag on a schema that only uses draft-07 keywords
    Schema schema = SchemaLoader.builder().draftV7Support().schemaJson(raw).build().load().build();

    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestPaths.root().resolve("core/src/test/resources/report-golden"))) {
      s.filter(p -> p.toString().endsWith(".sarif")).sorted().forEach(files::add);
    }
    for (String f : System.getProperty("connectverify.sarif.files", "").split(",")) {
      if (!f.isBlank()) {
        files.add(Path.of(f.trim()));
      }
    }
    assertFalse(files.isEmpty());
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      try {
        schema.validate(new JSONObject(Files.readString(f, StandardCharsets.UTF_8)));
      } catch (ValidationException e) {
        for (String m : e.getAllMessages()) {
          problems.add(f.getFileName() + ": " + m);
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " schema violations:\n" + String.join("\n", problems.subList(0, Math.min(50, problems.size()))));
    }
    System.out.println("SARIF schema check: " + files.size() + " files conform to " + schemaFile);
  }
}
