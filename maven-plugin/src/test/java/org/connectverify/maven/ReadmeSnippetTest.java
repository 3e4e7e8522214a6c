package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plugin snippets in the READMEs name the version this build produces, so they work as pasted after install. */
class ReadmeSnippetTest {
  private static final Pattern SNIPPET =
      Pattern.compile("<artifactId>connect-maven-plugin</artifactId>\\s*<version>([^<]+)</version>");

  @Test
  void pluginSnippetsNameThisBuildsVersion() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Matcher pom =
        Pattern.compile("<artifactId>connect-verify-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(root.resolve("pom.xml")));
    assertTrue(pom.find());
    List<String> versions = new ArrayList<>();
    for (String readme : List.of("README.md", "maven-plugin/README.md")) {
      Matcher m = SNIPPET.matcher(Files.readString(root.resolve(readme)));
      while (m.find()) {
        versions.add(readme + " " + m.group(1));
      }
    }
    assertTrue(versions.size() >= 2, versions.toString());
    for (String v : versions) {
      assertEquals(pom.group(1), v.substring(v.indexOf(' ') + 1), v);
    }
  }
}
