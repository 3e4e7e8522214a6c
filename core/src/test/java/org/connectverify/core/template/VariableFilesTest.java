package org.connectverify.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.connectverify.core.InputException;
import org.connectverify.core.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableFilesTest {
  @TempDir Path dir;
  private final VariableFiles files = new VariableFiles(new JsonReader());

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsPropertiesJsonAndYamlAsDottedNames() throws Exception {
    assertEquals(
        Map.of("addonKey", "k", "server.contextPath", "/c"),
        files.readVarsFile(write("v.properties", "addonKey=k\nserver.contextPath=/c\n"), "v.properties"));
    assertEquals(
        Map.of("server.contextPath", "/c", "n", "3", "list[0]", "a", "list", "a"),
        files.readVarsFile(write("v.json", "{\"server\": {\"contextPath\": \"/c\"}, \"n\": 3, \"list\": [\"a\"]}"), "v.json"));
    assertEquals(
        Map.of("addon.key", "k"), files.readVarsFile(write("v.yml", "addon:\n  key: k\n"), "v.yml"));
  }

  @Test
  void malformedJsonVarsFileIsAUsageErrorWithItsPosition() throws IOException {
    Path f = write("v.json", "{\n  \"a\": 1,\n}\n");
    InputException e = assertThrows(InputException.class, () -> files.readVarsFile(f, "v.json"));
    assertTrue(e.getMessage().startsWith("v.json:3:1: "), e.getMessage());
    InputException notObject =
        assertThrows(InputException.class, () -> files.readVarsFile(write("w.json", "[1]"), "w.json"));
    assertTrue(notObject.getMessage().contains("one object"));
  }

  @Test
  void malformedYamlVarsFileNamesLineAndColumn() throws IOException {
    Path f = write("v.yml", "a: [1, 2\nb: c\n");
    InputException e = assertThrows(InputException.class, () -> files.readVarsFile(f, "v.yml"));
    assertTrue(e.getMessage().matches("v\\.yml:\\d+:\\d+: invalid YAML: .*"), e.getMessage());
  }

  @Test
  void missingVarsFileIsAUsageError() {
    InputException e =
        assertThrows(InputException.class, () -> files.readVarsFile(dir.resolve("none.properties"), "none.properties"));
    assertEquals("none.properties: no such file", e.getMessage());
  }

  @Test
  void springYamlDocumentsCountOnlyForActiveProfiles() throws Exception {
    Path f =
        write(
            "application.yml",
            "addon:\n  base-url: http://localhost\n---\nspring.config.activate.on-profile: prod\naddon:\n"
                + "  base-url: https://prod.example.com\n---\nspring:\n  profiles: \"!prod\"\nlocal: yes\n");
    Map<String, String> none = files.readSpring(f, "application.yml", List.of());
    assertEquals("http://localhost", none.get("addon.base-url"));
    assertEquals("true", none.get("local"));
    Map<String, String> prod = files.readSpring(f, "application.yml", List.of("prod"));
    assertEquals("https://prod.example.com", prod.get("addon.base-url"));
    assertFalse(prod.containsKey("local"));
  }
}
