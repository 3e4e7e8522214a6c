package org.connectverify.core.report;

import static org.connectverify.core.report.SampleReports.assertGolden;
import static org.connectverify.core.report.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

  @Test
  void outputMatchesGolden() throws Exception {
    assertGolden("report.json", render(new JsonReporter(), SampleReports.findings()));
  }

  @Test
  void keepsTheContractNames() throws Exception {
    JsonNode root = new ObjectMapper().readTree(render(new JsonReporter(), SampleReports.findings()));
    for (String field : List.of("tool", "descriptors", "findings", "summary", "notes")) {
      assertTrue(root.has(field), field);
    }
    JsonNode f = root.get("findings").get(0);
    for (String field : List.of("rule", "severity", "file", "line", "column", "pointer", "message", "hint")) {
      assertTrue(f.has(field), field);
    }
    assertEquals(3, root.at("/summary/errors").asInt());
    assertEquals("warning", f.get("severity").asText(), "sorted by file and line: the key-length warning first");
  }
}
