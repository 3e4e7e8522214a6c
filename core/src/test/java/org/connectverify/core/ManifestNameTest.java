package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which names are read as Forge manifests: the quick path must answer as the full rule does. */
class ManifestNameTest {
  /** The rule as written first: strip a revision or a query, lower-case, look at the extension. */
  private static boolean byTheRule(String name) {
    String n = Pattern.compile("(@[^/]*|[?#].*)$").matcher(name.toLowerCase(Locale.ROOT)).replaceFirst("");
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  @Test
  void theQuickPathAnswersAsTheRule() {
    List<String> names =
        List.of(
            "manifest.yml", "manifest.yaml", "MANIFEST.YML", "app/Manifest.Yaml", "atlassian-connect.json",
            "manifest.yml.json", "yml", ".yml", "", "a.ym", "a.yamll", "dir.yml/atlassian-connect.json",
            "manifest.yml@HEAD~1", "manifest.yml@v1/x", "atlassian-connect.json@main",
            "https://x.test/manifest.yml?v=2",
            "https://x.test/descriptor?format=.yml", "manifest.yml#top", "İmanifest.YML", "manifest.ymİ",
            "\u212Aanifest.yml", "manifest.\u0130ml", "x@y.yml", "x?y.json");
    for (String name : names) {
      assertEquals(byTheRule(name), DescriptorLoader.isManifestName(name), name);
    }
  }
}
