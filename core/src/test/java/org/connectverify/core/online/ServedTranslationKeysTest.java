package org.connectverify.core.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.connectverify.core.Finding;
import org.connectverify.core.Report;
import org.connectverify.core.TestPaths;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The i18n key checks on translation files as the deployment serves them ({@code --online}), end to end through the
 * verifier with a {@link ScriptedProbe}. Golden folders under {@code served-translations/<case>/}: the descriptor, its
 * local files, {@code responses.txt} and {@code expected.txt} = every finding the online run adds to the offline run
 * of the same folder (so the local translation checks, which have their own fixtures, are left out).
 */
class ServedTranslationKeysTest {

  static Path cases() {
    return TestPaths.root().resolve("core/src/test/resources/served-translations");
  }

  @TestFactory
  Stream<DynamicTest> theKeyChecksRunOnTheServedFilesWithTheirUrlsAsFileNames() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(cases())) {
      dirs = s.filter(p -> Files.isRegularFile(p.resolve("expected.txt"))).sorted().collect(Collectors.toList());
    }
    assertFalse(dirs.isEmpty(), "no cases under " + cases());
    return dirs.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
  }

  private static void runCase(Path caseDir) throws Exception {
    Path descriptor = caseDir.resolve("atlassian-connect.json");
    VerifyOptions offline = VerifyOptions.builder().baseDir(caseDir).build();
    List<String> local = lines(Verifier.create(offline).verify(List.of(descriptor)));
    ScriptedProbe probe = new ScriptedProbe(caseDir.resolve("responses.txt"));
    Report online =
        Verifier.create(offline.toBuilder().online(true).build())
            .withProbes((settings, progress) -> probe)
            .verify(List.of(descriptor));
    assertEquals(List.of(), probe.unscripted(), "requests the script does not answer");
    List<String> added = new ArrayList<>(lines(online));
    local.forEach(added::remove);
    List<String> expected =
        Files.readAllLines(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    assertEquals(String.join("\n", expected), String.join("\n", added), caseDir.toString());
  }

  private static List<String> lines(Report report) {
    return report.findings().stream().map(Finding::toString).toList();
  }
}
