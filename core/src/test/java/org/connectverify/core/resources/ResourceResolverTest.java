package org.connectverify.core.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceResolverTest {
  @TempDir Path dir;

  private Path touch(String relative) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "{}");
    return p;
  }

  private ResourceResolver resolver() {
    return new ResourceResolver(List.of(), dir);
  }

  private List<String> roots(Path descriptor, Path named) {
    ResourceResolver r = resolver();
    return r.rootsFor(descriptor, named).folders().stream().map(r::display).toList();
  }

  @Test
  void springBootDescriptorIsServedFromStaticNotFromTheClassPathRoot() throws IOException {
    Path d = touch("app/src/main/resources/atlassian-connect.json");
    touch("app/src/main/resources/static/i18n/en.json");
    touch("app/pom.xml");
    assertEquals(List.of("app/src/main/resources/static"), roots(d, null));
  }

  @Test
  void aRunAsksTheFileSystemOncePerFolderAndALaterRunAsksAgain() throws IOException {
    Path a = touch("app/atlassian-connect.json");
    Path b = touch("app/atlassian-connect-dev.json");
    touch("app/package.json");
    ResourceResolver r = resolver();
    java.util.Map<List<Path>, WebRoots> run = new java.util.HashMap<>();
    WebRoots first = r.rootsFor(a, null, run);
    Files.createDirectories(dir.resolve("app/public")); // made during the run: this run keeps what it found
    assertSame(first, r.rootsFor(b, null, run));
    assertEquals(1, run.size());
    assertEquals(List.of("app", "app/public"), r.rootsFor(b, null, new java.util.HashMap<>()).folders().stream()
        .map(r::display).toList(), "a later run sees the new folder");
    assertEquals(r.rootsFor(b, null), r.rootsFor(b, null, new java.util.HashMap<>()), "the same answer as uncached");
  }

  private static com.fasterxml.jackson.databind.JsonNode withBaseUrl(String baseUrl) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("baseUrl", baseUrl);
  }

  @Test
  void aRunLooksForEachFileOnceUnderTheSameRoots() throws IOException {
    touch("app/public/icon.png");
    touch("other/public/icon.png");
    ResourceResolver r = resolver();
    WebRoots roots = new WebRoots(List.of(dir.resolve("app/public")), false);
    java.util.Map<List<Object>, Resolution> run = new java.util.HashMap<>();
    DescriptorResources a = DescriptorResources.of(r, roots, withBaseUrl("https://a.example.com"), run);
    DescriptorResources b = DescriptorResources.of(r, roots, withBaseUrl("https://b.example.com/x"), run);
    Resolution first = a.resolve("/icon.png");
    assertTrue(first instanceof Resolution.Found, first.toString());
    assertSame(first, b.resolve("https://b.example.com/x/icon.png"), "another baseUrl, the same file: asked once");
    assertEquals(
        first,
        DescriptorResources.of(r, roots, withBaseUrl("https://a.example.com")).resolve("/icon.png"),
        "the same answer as unkept");
    assertTrue(a.resolve("/missing.png") instanceof Resolution.Missing);
    WebRoots otherRoots = new WebRoots(List.of(dir.resolve("other/public")), false);
    Resolution other =
        DescriptorResources.of(r, otherRoots, withBaseUrl("https://a.example.com"), run).resolve("/icon.png");
    assertEquals("other/public/icon.png", ((Resolution.Found) other).display(), "other roots: their own answer");
    assertEquals(3, run.size(), "one entry per roots and file");
  }

  @Test
  void webRootsAreDiscoveredWhenAFileIsFirstLookedForAndOnce() throws IOException {
    touch("app/public/icon.png");
    ResourceResolver r = resolver();
    Path descriptor = dir.resolve("app/atlassian-connect.json");
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    DescriptorResources resources =
        DescriptorResources.of(
            r,
            () -> {
              asked.incrementAndGet();
              return r.rootsFor(descriptor, null);
            },
            withBaseUrl("https://a.example.com"),
            null);
    assertEquals(0, asked.get(), "binding a descriptor looks at no folder");
    assertInstanceOf(Resolution.Found.class, resources.resolve("/icon.png"));
    assertEquals("/icon.png", resources.servedPath("/icon.png"));
    assertEquals(List.of("app", "app/public"), resources.searchedRoots());
    assertFalse(resources.noWebRootFound(descriptor));
    assertEquals(1, asked.get(), "the roots, once found, are kept");
  }

  @Test
  void descriptorInsideAWebappFolderFindsTheWebappRootAbove() throws IOException {
    Path d = touch("drawio/src/main/webapp/connect/confluence/connect.json");
    assertEquals(
        List.of("drawio/src/main/webapp/connect/confluence", "drawio/src/main/webapp"), roots(d, dir.resolve("drawio")));
  }

  @Test
  void searchStopsAtTheFolderWithAProjectMarker() throws IOException {
    touch("outer/public/x.json");
    touch("outer/inner/package.json");
    Path d = touch("outer/inner/atlassian-connect.json");
    assertEquals(List.of("outer/inner"), roots(d, null));
  }

  @Test
  void searchStopsAtTheFolderTheUserNamed() throws IOException {
    touch("outer/public/x.json");
    touch("outer/app/public/y.json");
    Path d = touch("outer/app/atlassian-connect.json");
    assertEquals(List.of("outer/app", "outer/app/public"), roots(d, dir.resolve("outer/app")));
  }

  @Test
  void explicitRootsReplaceDiscovery() throws IOException {
    Path d = touch("app/atlassian-connect.json");
    touch("app/public/x.json");
    Path web = Files.createDirectories(dir.resolve("web"));
    ResourceResolver r = new ResourceResolver(List.of(web), dir);
    WebRoots roots = r.rootsFor(d, null);
    assertTrue(roots.explicit());
    assertEquals(List.of(web), roots.folders());
  }

  @Test
  void relativeUrlWithoutLeadingSlashQueryAndEscapesResolves() throws IOException {
    touch("public/i18n/en US.json");
    WebRoots roots = new WebRoots(List.of(dir.resolve("public")), true);
    Resolution r = resolver().resolve(roots, "https://app.example.com", "i18n/en%20US.json?v=3#x");
    Resolution.Found f = assertInstanceOf(Resolution.Found.class, r);
    assertEquals("/i18n/en US.json", f.servedPath());
    assertEquals("public/i18n/en US.json", f.display());
  }

  @Test
  void absoluteUrlUnderBaseUrlMapsToTheRootsIgnoringHostCaseAndDefaultPort() throws IOException {
    touch("public/i18n/en.json");
    WebRoots roots = new WebRoots(List.of(dir.resolve("public")), true);
    ResourceResolver r = resolver();
    assertInstanceOf(Resolution.Found.class, r.resolve(roots, "https://app.example.com/ctx/", "https://app.example.com/ctx/i18n/en.json"));
    assertInstanceOf(Resolution.Found.class, r.resolve(roots, "https://app.example.com/ctx", "https://APP.example.com:443/ctx/i18n/en.json"));
  }

  @Test
  void absoluteUrlElsewhereIsLeftToTheOnlineChecks() {
    WebRoots roots = new WebRoots(List.of(dir), true);
    ResourceResolver r = resolver();
    assertInstanceOf(Resolution.Remote.class, r.resolve(roots, "https://app.example.com/ctx", "https://cdn.example.net/i18n/en.json"));
    assertInstanceOf(Resolution.Remote.class, r.resolve(roots, "https://app.example.com/ctx", "https://app.example.com/ctxother/en.json"));
    assertInstanceOf(Resolution.Remote.class, r.resolve(roots, "https://app.example.com", "http://app.example.com/en.json"));
  }

  @Test
  void pathsThatClimbAboveTheRootOrHoldVariablesAreNotResolved() {
    WebRoots roots = new WebRoots(List.of(dir), true);
    ResourceResolver r = resolver();
    assertInstanceOf(Resolution.Unresolvable.class, r.resolve(roots, null, "/../secret.json"));
    assertInstanceOf(Resolution.Unresolvable.class, r.resolve(roots, null, "/i18n/{locale}.json"));
    assertInstanceOf(Resolution.Unresolvable.class, r.resolve(roots, null, "/bad%zz.json"));
    assertInstanceOf(Resolution.Unresolvable.class, r.resolve(WebRoots.none(), null, "/i18n/en.json"));
  }

  @Test
  void missingFileListsTheRootsAndAFileOfTheSameNameElsewhere() throws IOException {
    touch("public/locales/v2/en_US.json");
    WebRoots roots = new WebRoots(List.of(dir, dir.resolve("public")), false);
    Resolution.Missing m =
        assertInstanceOf(Resolution.Missing.class, resolver().resolve(roots, null, "/i18n/en_US.json"));
    assertEquals(List.of(".", "public"), m.searched());
    assertEquals("public/locales/v2/en_US.json", m.sameName().display());
    assertEquals("/locales/v2/en_US.json", m.sameName().servedPath());
    assertNull(m.caseMismatch());
  }

  @Test
  void readsAreCachedAndLargeFilesRefused() throws IOException {
    Path f = touch("x.json");
    ResourceResolver r = resolver();
    ResourceResolver.Content first = r.read(f);
    Files.writeString(f, "changed");
    assertEquals("{}", new String(r.read(f).bytes()));
    assertTrue(first.ok());
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[ResourceResolver.MAX_BYTES + 1]);
    assertTrue(r.read(big).error().contains("larger than"));
    assertTrue(r.read(dir.resolve("absent.json")).error().startsWith("cannot read"));
  }

  @Test
  void servedPathIsWhereResolveLooksWithoutLooking() throws IOException {
    touch("public/i18n/en.json");
    ResourceResolver r = resolver();
    WebRoots roots = new WebRoots(List.of(dir.resolve("public")), true);
    String base = "https://app.example.com/base";
    for (String url :
        List.of("/i18n/en.json", "i18n/./x/../en.json?v=2#top", base + "/i18n/en.json", "/i18n/absent.json",
            "/i18n/%65n.json")) {
      Resolution resolved = r.resolve(roots, base, url);
      assertTrue(resolved instanceof Resolution.Found || resolved instanceof Resolution.Missing, url);
      assertEquals(resolved.servedPath(), r.servedPath(base, url), url);
    }
    assertEquals("/i18n/en.json", r.servedPath(base, "/i18n/%65n.json"));
    for (String url : List.of("", "https://elsewhere.example.com/en.json", "/i18n/{lang}.json", "/", "/../x.json",
        "/bad%zz.json")) {
      assertNull(r.servedPath(base, url), url);
      assertFalse(r.resolve(roots, base, url) instanceof Resolution.Found, url);
    }
  }
}
