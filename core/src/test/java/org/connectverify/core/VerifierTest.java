package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {
  private static final byte[] DESCRIPTOR =
      "{\"key\": \"a\", \"baseUrl\": \"https://a.example.com\", \"authentication\": {\"type\": \"none\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private static final Rule NOTE = Rule.of("test/note", Severity.INFO, "A note from a test check.");

  /** A check that always crashes. */
  private static final class ExplodingCheck implements Check {
    @Override
    public List<Rule> rules() {
      return List.of(NOTE);
    }

    @Override
    public void check(CheckContext ctx) {
      throw new IllegalStateException("boom");
    }
  }

  /** A check that reports one note at the key. */
  private static final class NoteCheck implements Check {
    @Override
    public List<Rule> rules() {
      return List.of(NOTE);
    }

    @Override
    public void check(CheckContext ctx) {
      ctx.report(NOTE, ctx.at("/key"), "noted");
    }
  }

  @Test
  void turnsACrashingCheckIntoAnInternalFindingAndRunsTheOtherChecks() {
    Verifier verifier =
        Verifier.withChecks(
            VerifyOptions.builder().build(), services -> List.of(new ExplodingCheck(), new NoteCheck()));
    Report report = verifier.verify("atlassian-connect.json", DESCRIPTOR);
    List<String> lines = report.findings().stream().map(Finding::toString).sorted().toList();
    assertEquals(
        List.of(
            "atlassian-connect.json: error: check ExplodingCheck crashed (IllegalStateException: boom)"
                + " [internal/check-failed]",
            "atlassian-connect.json:1:9: info: noted [test/note]"),
        lines);
    Finding crash =
        report.findings().stream().filter(f -> f.ruleId().equals("internal/check-failed")).findFirst().orElseThrow();
    assertEquals(InternalRules.CHECK_FAILED.defaultSeverity(), crash.severity());
    assertTrue(crash.hint().contains("bug in connect-verify"));
  }

  @Test
  void turnsAStackOverflowIntoAnInternalFinding() {
    Check overflowing =
        new Check() {
          @Override
          public List<Rule> rules() {
            return List.of(NOTE);
          }

          @Override
          public void check(CheckContext ctx) {
            throw new StackOverflowError();
          }
        };
    Report report =
        Verifier.withChecks(VerifyOptions.builder().build(), services -> List.of(overflowing))
            .verify("d.json", DESCRIPTOR);
    assertEquals(1, report.findings().size());
    assertEquals("internal/check-failed", report.findings().get(0).ruleId());
  }

  @Test
  void doesNotRunAChecksWhoseRulesAreAllSkipped() {
    Verifier verifier =
        Verifier.withChecks(
            VerifyOptions.builder().skipRule("test/note").build(), services -> List.of(new ExplodingCheck()));
    assertEquals(List.of(), verifier.verify("d.json", DESCRIPTOR).findings());
  }
}
