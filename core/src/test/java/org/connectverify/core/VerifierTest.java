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
  private static class NoteCheck implements Check {
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

  /** A check that crashes while preparing, before any check reads the descriptor. */
  private static final class EarlyCrashCheck extends NoteCheck {
    @Override
    public void prepare(CheckContext ctx) {
      throw new IllegalArgumentException("early");
    }
  }

  @Test
  void aCheckThatCrashesWhilePreparingIsAnInternalFindingToo() {
    Report report =
        Verifier.withChecks(
                VerifyOptions.builder().build(), services -> List.of(new EarlyCrashCheck(), new NoteCheck()))
            .verify("d.json", DESCRIPTOR);
    List<String> lines = report.findings().stream().map(Finding::toString).sorted().toList();
    // the crashed check's own check still runs after it (its note), as the other checks do
    assertEquals(
        List.of(
            "d.json: error: check EarlyCrashCheck crashed (IllegalArgumentException: early) [internal/check-failed]",
            "d.json:1:9: info: noted [test/note]",
            "d.json:1:9: info: noted [test/note]"),
        lines);
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
  void aFifoNamedLikeADescriptorIsSkippedWithANoteInsteadOfHangingTheRun(@TempDir Path dir) throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("atlassian-connect.json"), "{\"key\": \"a\"}");
    Path fifo = Files.createDirectories(dir.resolve("other")).resolve("atlassian-connect.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
    Report r =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
            () -> Verifier.create(VerifyOptions.builder().baseDir(dir).build()).verify(List.of(dir)));
    assertEquals(1, r.descriptors().size(), r.descriptors().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("not a regular file")), r.notes().toString());
  }

  @Test
  void aDescriptorOverTheSizeLimitIsAFindingAndTheOthersAreStillChecked(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("big-connect.json"), "{\"baseUrl\": \"x\", \"modules\": {}, \"pad\": \""
        + "x".repeat(5000) + "\"}");
    Files.writeString(dir.resolve("atlassian-connect.json"), "{\"key\": \"a\"}");
    Report r =
        Verifier.create(VerifyOptions.builder().baseDir(dir).set("max-descriptor-size", "4KB").build())
            .verify(List.of(dir.resolve("big-connect.json"), dir.resolve("atlassian-connect.json")));
    assertEquals(2, r.descriptors().size());
    assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("json/too-large")
        && f.file().equals("big-connect.json") && f.message().contains("4096 bytes")), r.findings().toString());
  }

  @Test
  void crossAppResultsDoNotDependOnArgumentOrder() throws Exception {
    Path dir = TestPaths.ruleFixtures().resolve("crossapp/duplicate-key/fail");
    Path a = dir.resolve("atlassian-connect-a.json");
    Path b = dir.resolve("atlassian-connect-b.json");
    Verifier v = Verifier.create(VerifyOptions.builder().baseDir(dir).build());
    List<String> ab = v.verify(List.of(a, b)).findings().stream().map(Finding::toString).toList();
    List<String> ba = v.verify(List.of(b, a)).findings().stream().map(Finding::toString).toList();
    assertEquals(ab, ba);
    assertTrue(ab.stream().anyMatch(l -> l.endsWith("[crossapp/duplicate-key]")), ab.toString());
  }

  @Test
  void doesNotRunAChecksWhoseRulesAreAllSkipped() {
    Verifier verifier =
        Verifier.withChecks(
            VerifyOptions.builder().skipRule("test/note").build(), services -> List.of(new ExplodingCheck()));
    assertEquals(List.of(), verifier.verify("d.json", DESCRIPTOR).findings());
  }

  /** Descriptors go in display-path order, whatever the argument order (on one thread; on many, see below). */
  @Test
  void everyDescriptorIsPreparedBeforeAnyCheckReadsOne(@TempDir Path dir) throws Exception {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
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
    Verifier verifier =
        Verifier.withChecks(VerifyOptions.builder().baseDir(dir).build(), services -> List.of(recording));
    List<Path> inputs = List.of(dir.resolve("atlassian-connect.json"), dir.resolve("atlassian-connect-b.json"));
    verifier.withMaxThreads(1).verify(inputs);
    assertEquals(
        List.of(
            "prepare atlassian-connect-b.json",
            "prepare atlassian-connect.json",
            "check atlassian-connect-b.json",
            "check atlassian-connect.json"),
        events);
    events.clear();
    verifier.withMaxThreads(2).verify(inputs); // files in any order, but every prepare before the first check
    assertEquals(
        java.util.Set.of("prepare atlassian-connect-b.json", "prepare atlassian-connect.json"),
        java.util.Set.copyOf(events.subList(0, 2)));
    assertEquals(
        java.util.Set.of("check atlassian-connect-b.json", "check atlassian-connect.json"),
        java.util.Set.copyOf(events.subList(2, 4)));
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
