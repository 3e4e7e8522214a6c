package org.connectverify.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @Test
  void writesAReportHoldingAnUnpairedSurrogateInsteadOfFailing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/report.json");
    ReportWriter.writeFile(file, out -> out.write("{\"message\": \"lone \ud800 surrogate\"}"));
    assertEquals("{\"message\": \"lone ? surrogate\"}", Files.readString(file, StandardCharsets.UTF_8));
  }
}
