package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePositionsTest {
  @TempDir Path base;

  private static final String SOURCE =
      """
      {
        "key": "com.example.app",
        "baseUrl": "${base}",
        "authentication": {"type": "jwt"},
        "lifecycle": {"installed": "${path}/installed", "uninstalled": "${uninstalled}"},
        "apiMigrations": {"signed-install": true, "context-qsh": true}
      }
      """;

  private Report verifyCopy(String sourceText, String copyText) throws Exception {
    Path source = base.resolve("src/main/resources/atlassian-connect.json");
    Path copy = base.resolve("target/classes/atlassian-connect.json");
    Files.createDirectories(source.getParent());
    Files.createDirectories(copy.getParent());
    Files.writeString(source, sourceText);
    Files.writeString(copy, copyText);
    List<Target> targets = List.of(new Target(copy, source));
    Report raw = Verifier.create(VerifyOptions.builder().baseDir(base).build()).verify(List.of(copy));
    return new SourcePositions().mapBack(raw, targets, new Displays(base));
  }

  private static String filtered(String uninstalled) {
    return SOURCE.replace("${base}", "https://app.example.com")
        .replace("${path}", "/c")
        .replace("${uninstalled}", uninstalled);
  }

  @Test
  void placesAFindingInTheCopyAtTheSamePointerInTheSource() throws Exception {
    Report report = verifyCopy(SOURCE, filtered("ftp://app.example.com/gone"));
    Finding f = report.findings().get(0);
    assertEquals("schema/format", f.ruleId());
    assertEquals("src/main/resources/atlassian-connect.json", f.file());
    // in the copy the value starts at column 61; in the source ${path} is longer, so it starts at 66
    assertEquals(5, f.line());
    assertEquals(66, f.column());
    assertEquals("/lifecycle/uninstalled", f.pointer());
    assertEquals("src/main/resources/atlassian-connect.json", report.descriptors().get(0).file());
    assertTrue(
        report.notes().stream().anyMatch(n -> n.startsWith("target/classes/atlassian-connect.json (the filtered copy that ships)")),
        report.notes().toString());
  }

  @Test
  void placesKeyFindingsAndTheirRelatedPositionsAtTheSourceKeys() throws Exception {
    String source = SOURCE.replace("\"baseUrl\"", "\"key\": \"${again}\",\n  \"baseUrl\"");
    Report report = verifyCopy(source, filtered("/u").replace("\"baseUrl\"", "\"key\": \"x\",\n  \"baseUrl\""));
    Finding f = report.findings().get(0);
    assertEquals("json/duplicate-key", f.ruleId());
    assertEquals("src/main/resources/atlassian-connect.json:3:3", f.position().describe());
    assertEquals("src/main/resources/atlassian-connect.json:2:3", f.related().get(0).position().describe());
  }

  @Test
  void leavesAFindingInTheCopyWhenItsPointerDoesNotExistInTheSource() throws Exception {
    // one placeholder expanded into three scopes; the bad third one has no counterpart in the source
    String source = SOURCE.replace("\"authentication\"", "\"scopes\": [\"${scopes}\"],\n  \"authentication\"");
    String copy =
        filtered("/u").replace("\"authentication\"", "\"scopes\": [\"READ\", \"ACT_AS_USER\", \"SUDO\"],\n  \"authentication\"");
    Report report = verifyCopy(source, copy);
    Finding f = report.findings().get(0);
    assertEquals("schema/enum", f.ruleId());
    assertEquals("/scopes/2", f.pointer());
    assertEquals("target/classes/atlassian-connect.json:4:37", f.position().describe());
    assertEquals("src/main/resources/atlassian-connect.json", report.descriptors().get(0).file());
  }

  @Test
  void leavesEverythingInTheCopyWhenTheSourceIsNotJson() throws Exception {
    String source = SOURCE.replace("\"${uninstalled}\"", "${uninstalledObject}");
    Report report = verifyCopy(source, filtered("ftp://app.example.com/gone"));
    assertEquals("target/classes/atlassian-connect.json:5:61", report.findings().get(0).position().describe());
    assertEquals("target/classes/atlassian-connect.json", report.descriptors().get(0).file());
    assertTrue(
        report.notes().stream().anyMatch(n -> n.contains("the source is not plain JSON")), report.notes().toString());
  }

  @Test
  void leavesEverythingInTheCopyWhenTheCopyIsNotJson() throws Exception {
    Report report = verifyCopy(SOURCE, filtered("\"broken"));
    Finding f = report.findings().get(0);
    assertEquals("json/syntax", f.ruleId());
    assertEquals("target/classes/atlassian-connect.json", f.file());
    assertEquals("target/classes/atlassian-connect.json", report.descriptors().get(0).file());
  }

  @Test
  void leavesReportsOfUnfilteredFilesAlone() throws Exception {
    Path file = base.resolve("atlassian-connect.json");
    Files.writeString(file, filtered("ftp://x.example.com/"));
    Report raw = Verifier.create(VerifyOptions.builder().baseDir(base).build()).verify(List.of(file));
    Report mapped = new SourcePositions().mapBack(raw, List.of(Target.of(file)), new Displays(base));
    assertEquals(raw.findings(), mapped.findings());
    assertEquals(raw.descriptors(), mapped.descriptors());
  }
}
