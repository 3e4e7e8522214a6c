package org.connectverify.core.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.connectverify.core.Report;
import org.connectverify.core.TestPaths;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.Test;

class IconFilesCheckTest {
  private static final Path CASES = TestPaths.ruleFixtures().resolve("icons/missing-file");

  @Test
  void checksOnlyRelativeImageFileUrls() {
    assertTrue(IconFilesCheck.checkable("/images/icon.svg"));
    assertTrue(IconFilesCheck.checkable("images/icon.PNG"));
    assertTrue(IconFilesCheck.checkable("/images/icon.png?v=3#top"));
    assertTrue(IconFilesCheck.checkable(" /icon.jpeg "));
    assertFalse(IconFilesCheck.checkable("https://cdn.example.com/icon.png"), "absolute: the online checks'");
    assertFalse(IconFilesCheck.checkable("//cdn.example.com/icon.png"), "scheme-relative: another host");
    assertFalse(IconFilesCheck.checkable("/connectImage"), "no image file name: may be a route");
    assertFalse(IconFilesCheck.checkable("/icon?size=16"), "a route with a query");
    assertFalse(IconFilesCheck.checkable("/image.php?id=3"), "a script, not an image file");
    assertFalse(IconFilesCheck.checkable("{{localBaseUrl}}/icon.png"), "templated: the templating step's");
    assertFalse(IconFilesCheck.checkable("${server.servlet.context-path}/icons/logo.png"));
    assertFalse(IconFilesCheck.checkable("@contextPath@/icon.png"), "Maven filtering placeholder");
    assertFalse(IconFilesCheck.checkable(""));
  }

  @Test
  void noWebRootSkipsWithANoteNamingResources() throws Exception {
    Report r = verify("no-web-root");
    assertEquals(List.of(), r.findings());
    assertTrue(
        r.notes().stream()
            .anyMatch(n -> n.contains("icon files not checked: the one referenced is not in the app's web roots, and no"
                + " web root was found") && n.contains("pass --resources DIR")),
        r.notes().toString());
  }

  @Test
  void webRootsWithoutAnyPageAssetSkipWithANote() throws Exception {
    Report r = verify("json-only-web-root");
    assertEquals(List.of(), r.findings());
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("hold no image, script, style sheet or page")),
        r.notes().toString());
  }

  @Test
  void aFileOfTheSameNameElsewhereInTheProjectIsANoteNotAFinding() throws Exception {
    Report r = verify("served-by-route");
    assertEquals(List.of(), r.findings());
    assertTrue(
        r.notes().stream()
            .anyMatch(n -> n.contains("icon \"/images/icon.svg\" is in none of the app's web roots, but not reported:"
                + " a file of that name is at assets/icon.svg")),
        r.notes().toString());
  }

  @Test
  void oneFindingPerMissingFileWithEveryOtherUseAsRelatedLocation() throws Exception {
    Report r = verify("fail");
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertEquals(1, r.findings().get(0).related().size());
    assertEquals(39, r.findings().get(0).related().get(0).position().line());
    assertTrue(r.notes().stream().noneMatch(n -> n.contains("icon")), r.notes().toString());
  }

  private static Report verify(String name) throws Exception {
    Path dir = CASES.resolve(name);
    return Verifier.create(VerifyOptions.builder().baseDir(dir).skipRule("online/*").build())
        .verify(List.of(dir.resolve("atlassian-connect.json")));
  }
}
