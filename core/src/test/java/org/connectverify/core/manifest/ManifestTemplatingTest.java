package org.connectverify.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.connectverify.core.DescriptorLoader;
import org.connectverify.core.Finding;
import org.connectverify.core.VerifyOptions;
import org.junit.jupiter.api.Test;

/** {@code ${VAR}} in a manifest is filled as forge deploy fills it. */
class ManifestTemplatingTest {
  private static final String MANIFEST =
      """
      environment:
        variables:
          - key: CONNECT_KEY
            default: com.example.app-dev
          - BASE_URL
      app:
        id: ari:cloud:ecosystem::app/0b7d6f0e-1234-4d2c-9d4e-0a1b2c3d4e5f
        connect:
          key: ${CONNECT_KEY}
          remote: connect
      remotes:
        - key: connect
          baseUrl: ${BASE_URL}
      connectModules:
        jira:generalPages: [{key: main, url: /main, name: {value: Main}}]
      """;

  private static DescriptorLoader.Loaded load(VerifyOptions options) throws Exception {
    return DescriptorLoader.create(options)
        .load(null, "manifest.yml", MANIFEST.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> rules(DescriptorLoader.Loaded l) {
    return l.findings().stream().map(f -> f.ruleId() + "@" + f.pointer() + ":" + f.line()).toList();
  }

  @Test
  void aDeclaredDefaultFillsTheVariableAndAMissingOneIsReportedAtItsLine() throws Exception {
    DescriptorLoader.Loaded l = load(VerifyOptions.builder().build());
    assertEquals("com.example.app-dev", l.descriptor().key(), "the default of environment.variables");
    assertEquals(List.of("template/unresolved@/remotes/0/baseUrl:13"), rules(l));
  }

  @Test
  void varsAndTheEnvironmentWinOverTheDefault() throws Exception {
    DescriptorLoader.Loaded withVar =
        load(VerifyOptions.builder().var("CONNECT_KEY", "com.example.app").var("BASE_URL", "https://x.example.com").build());
    assertEquals("com.example.app", withVar.descriptor().key());
    assertTrue(withVar.findings().isEmpty(), rules(withVar)::toString);

    DescriptorLoader.Loaded fromEnv =
        load(
            VerifyOptions.builder()
                .useEnvironment(true)
                .environment(Map.of("CONNECT_KEY", "com.example.app-prod", "BASE_URL", "https://y.example.com"))
                .build());
    assertEquals("com.example.app-prod", fromEnv.descriptor().key());
    assertEquals("https://y.example.com", fromEnv.descriptor().root().path("baseUrl").asText());
    assertTrue(fromEnv.findings().stream().map(Finding::ruleId).noneMatch(r -> r.startsWith("template/")));

    // the environment a host passes (for atlassian-connect-express) fills a manifest only with --env-vars
    DescriptorLoader.Loaded notAsked =
        load(VerifyOptions.builder().environment(Map.of("CONNECT_KEY", "com.example.app-prod")).build());
    assertTrue(
        notAsked.findings().stream().anyMatch(f -> f.message().contains("${CONNECT_KEY}"))
            || !"com.example.app-prod".equals(notAsked.descriptor().key()),
        "the environment filled a manifest without --env-vars");
  }
}
