package org.connectverify.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhasesTest {
  @Test
  void theFurthestLifecyclePhaseOfTheBuildCounts() {
    int reached = Phases.highestRequested(List.of("clean", "install", "connect:verify"));
    assertTrue(Phases.reached("verify", reached));
    assertTrue(Phases.reached("process-resources", reached));
    assertFalse(Phases.reached("deploy", reached));
  }

  @Test
  void aPackageBuildDoesNotReachTheGoalsDefaultPhase() {
    assertFalse(Phases.reached(Phases.GOAL_DEFAULT, Phases.highestRequested(List.of("package"))));
  }

  @Test
  void onlyPluginGoalsReachNoPhase() {
    assertEquals(-1, Phases.highestRequested(List.of("connect:verify", "dependency:tree")));
    assertFalse(Phases.reached("validate", -1));
  }

  @Test
  void aPhaseOutsideTheDefaultLifecycleCountsAsNotReached() {
    assertFalse(Phases.reached("none", Phases.highestRequested(List.of("deploy"))));
    assertFalse(Phases.reached("site", Phases.highestRequested(List.of("site", "deploy"))));
  }
}
