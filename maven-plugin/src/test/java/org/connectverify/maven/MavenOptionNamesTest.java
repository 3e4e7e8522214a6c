package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MavenOptionNamesTest {
  private final MavenOptionNames names = new MavenOptionNames();

  @Test
  void optionsAreNamedByParameterAndUserProperty() {
    assertEquals("<resources> (-Dconnect.resources)", names.of("resources", null));
    assertEquals("<product>jira</product> (-Dconnect.product=jira)", names.of("product", "jira"));
    assertEquals("<varsFiles>FILE</varsFiles> (-Dconnect.varsFiles=FILE)", names.of("vars", "FILE"));
    assertEquals("<online>true</online> (-Dconnect.online)", names.of("online", null));
    assertEquals("<baseUrl> (-Dconnect.baseUrl)", names.of("base-url", null));
  }

  @Test
  void templateValuesAreNamedAsTheVarsMapOrItsProperty() {
    assertEquals("<vars> (-Dconnect.vars)", names.of("var", null));
    assertEquals(
        "<vars><localBaseUrl>https://x</localBaseUrl></vars> (or -Dconnect.vars=localBaseUrl=https://x)",
        names.of("var", "localBaseUrl=https://x"));
  }
}
