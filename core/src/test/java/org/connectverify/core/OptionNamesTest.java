package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Hints and notes name options the way the host lets users set them. */
class OptionNamesTest {
  private static final OptionNames PARAMETERS = (name, value) -> "<" + name + ">" + (value == null ? "" : value);

  private static byte[] aceDescriptor() throws Exception {
    String base = Files.readString(TestPaths.root().resolve("core/src/test/resources/rules/base-jira.json"));
    return base.replace("\"https://issue-helper.example.com\"", "\"{{localBaseUrl}}\"").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theCommandLineNamesAreTheDefault() {
    assertEquals("--resources DIR", OptionNames.CLI.of("resources", "DIR"));
    assertEquals("--online", OptionNames.CLI.of("online", null));
  }

  @Test
  void hintsUseTheHostsNames() throws Exception {
    Report r =
        Verifier.create(VerifyOptions.builder().optionNames(PARAMETERS).build())
            .verify("atlassian-connect.json", aceDescriptor());
    Finding f = r.findings().stream().filter(x -> x.ruleId().equals("template/unresolved")).findFirst().orElseThrow();
    assertTrue(f.hint().startsWith("pass <var>localBaseUrl="), f.hint());
    assertFalse(f.hint().contains("--"), f.hint());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("pass <online> to verify")), r.notes().toString());
  }

  @Test
  void aValueSetFromAnOriginIsDescribedByIt() throws Exception {
    VerifyOptions.Builder b = VerifyOptions.builder().optionNames(PARAMETERS);
    b.origin("-Dconnect.vars").set("var", "localBaseUrl=https://issue-helper.example.com");
    Report r = Verifier.create(b.origin(null).build()).verify("atlassian-connect.json", aceDescriptor());
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("filled {{localBaseUrl}} from -Dconnect.vars")), r.notes().toString());
  }
}
