package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.connectverify.core.http.HttpProbe;
import org.connectverify.core.http.ProbeRequest;
import org.connectverify.core.http.ProbeResult;
import org.connectverify.core.online.RoutesCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void everyDescriptorIsPreparedBeforeAnyCheckReadsOne(@TempDir Path dir) throws Exception {
    List<String> events = new ArrayList<>();
    Check recording =
        new Check() {
          @Override
          public List<Rule> rules() {
            return List.of(NOTE);
          }

          @Override
          public void prepare(CheckContext ctx) {
            events.add("prepare " + ctx.descriptor().file());
          }

          @Override
          public void check(CheckContext ctx) {
            events.add("check " + ctx.descriptor().file());
          }
        };
    Files.write(dir.resolve("atlassian-connect.json"), DESCRIPTOR);
    Files.write(dir.resolve("atlassian-connect-b.json"), DESCRIPTOR);
    Verifier.withChecks(VerifyOptions.builder().baseDir(dir).build(), services -> List.of(recording))
        .verify(List.of(dir.resolve("atlassian-connect.json"), dir.resolve("atlassian-connect-b.json")));
    assertEquals(
        List.of(
            "prepare atlassian-connect.json",
            "prepare atlassian-connect-b.json",
            "check atlassian-connect.json",
            "check atlassian-connect-b.json"),
        events);
  }

  @Test
  void theOnlineRequestsAreInFlightBeforeTheOfflineChecksRun() {
    List<String> asked = Collections.synchronizedList(new ArrayList<>());
    HttpProbe probe =
        new HttpProbe() {
          @Override
          public CompletableFuture<ProbeResult> submit(ProbeRequest r) {
            asked.add(r.toString());
            return CompletableFuture.completedFuture(ProbeResult.answered(r, 401, "text/html", null));
          }

          @Override
          public void close() {}
        };
    List<Integer> askedWhenOfflineCheckRan = new ArrayList<>();
    Check offline =
        new Check() {
          @Override
          public List<Rule> rules() {
            return List.of(NOTE);
          }

          @Override
          public void check(CheckContext ctx) {
            askedWhenOfflineCheckRan.add(asked.size());
          }
        };
    byte[] descriptor =
        ("{\"key\": \"a\", \"baseUrl\": \"https://a.example.com\", \"authentication\": {\"type\": \"jwt\"},"
                + " \"lifecycle\": {\"installed\": \"/installed\"}}")
            .getBytes(StandardCharsets.UTF_8);
    Verifier.withChecks(
            VerifyOptions.builder().online(true).build(), services -> List.of(offline, new RoutesCheck()))
        .withProbes((settings, progress) -> probe)
        .verify("d.json", descriptor);
    // the base URL, the descriptor and the installed route were all asked before the offline check ran
    assertEquals(List.of(3), askedWhenOfflineCheckRan, asked.toString());
    assertEquals(
        List.of(
            "EXISTS https://a.example.com",
            "GET_BODY https://a.example.com/d.json",
            "POST_EMPTY_JSON https://a.example.com/installed"),
        asked.subList(0, 3));
  }
}
