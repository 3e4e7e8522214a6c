package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.connectverify.core.crossapp.DuplicateBaseUrlCheck;
import org.connectverify.core.crossapp.DuplicateMacroKeyCheck;
import org.connectverify.core.crossapp.SharedResourceMissingCheck;
import org.connectverify.core.resources.DescriptorResources;
import org.junit.jupiter.api.Test;

/** What set checks keep on members, and that keeping it ahead of the set changes no finding. */
class SetContextTest {
  private static final SetContext.Key<String> NAME = new SetContext.Key<>("name");
  private static final SetContext.Key<String> OTHER = new SetContext.Key<>("other");

  @Test
  void aMemoIsMadeOncePerMemberAndKey() throws Exception {
    List<SetContext.Member> members = members("shared-resource-missing/fail");
    SetContext.Member m = members.get(0);
    AtomicInteger made = new AtomicInteger();
    String first = m.memo(NAME, x -> "made " + made.incrementAndGet());
    assertSame(first, m.memo(NAME, x -> "made " + made.incrementAndGet()));
    assertEquals("made 2", m.memo(OTHER, x -> "made " + made.incrementAndGet()), "another key: its own value");
    assertEquals("made 3", members.get(1).memo(NAME, x -> "made " + made.incrementAndGet()), "another member");
    assertThrows(NullPointerException.class, () -> m.memo(new SetContext.Key<String>("null"), x -> null));
  }

  @Test
  void setChecksFindTheSameWithAndWithoutPrepare() throws Exception {
    for (String fixture :
        List.of("shared-resource-missing/fail", "duplicate-base-url/fail", "duplicate-macro-key/fail")) {
      for (SetCheck check :
          List.of(new SharedResourceMissingCheck(), new DuplicateBaseUrlCheck(), new DuplicateMacroKeyCheck())) {
        List<Finding> without = run(check, members(fixture), false);
        List<Finding> with = run(check, members(fixture), true);
        assertEquals(without, with, fixture + " " + check.getClass().getSimpleName());
      }
    }
    assertFalse(
        run(new SharedResourceMissingCheck(), members("shared-resource-missing/fail"), true).isEmpty(),
        "the fixture has a finding to compare");
    assertFalse(
        run(new DuplicateBaseUrlCheck(), members("duplicate-base-url/fail"), true).isEmpty(),
        "the fixture has a finding to compare");
    assertFalse(
        run(new DuplicateMacroKeyCheck(), members("duplicate-macro-key/fail"), true).isEmpty(),
        "the fixture has a finding to compare");
  }

  private static List<Finding> run(SetCheck check, List<SetContext.Member> members, boolean prepare) {
    if (prepare) {
      members.forEach(check::prepare);
    }
    List<Finding> found = new ArrayList<>();
    Path base = TestPaths.ruleFixtures();
    VerifyOptions options = VerifyOptions.builder().baseDir(base).build();
    check.check(new SetContext(members, options, new Services(options), found));
    return found;
  }

  /** The Connect descriptors of a rule fixture under rules/crossapp, read as a run reads them. */
  private static List<SetContext.Member> members(String fixture) throws Exception {
    Path base = TestPaths.ruleFixtures();
    VerifyOptions options = VerifyOptions.builder().baseDir(base).build();
    Services services = new Services(options);
    DescriptorLoader loader = DescriptorLoader.create(options);
    List<SetContext.Member> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(base.resolve("crossapp").resolve(fixture))) {
      files = s.filter(p -> p.getFileName().toString().matches("atlassian-connect.*\\.json")).sorted().toList();
    }
    for (Path file : files) {
      Descriptor d = loader.load(file, base.relativize(file).toString(), Files.readAllBytes(file)).descriptor();
      DescriptorResources resources =
          DescriptorResources.of(services.resources(), services.resources().rootsFor(file, null), d.root());
      out.add(new SetContext.Member(d, resources));
    }
    assertEquals(2, out.size(), fixture);
    return out;
  }
}
