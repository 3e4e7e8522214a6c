package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.connectverify.core.Descriptor;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Rule;

/**
 * What a diff check sees: the old and the new descriptor, the module matching between them, and where it reports.
 * Checks claim the pointers they explain (in the old or the new descriptor); a claim covers the whole subtree.
 */
final class DiffContext {
  private final Descriptor older;
  private final Descriptor newer;
  private final List<Finding> sink;
  private final Set<String> claimedOld = new HashSet<>();
  private final Set<String> claimedNew = new HashSet<>();
  private ModuleMatching modules;

  DiffContext(Descriptor older, Descriptor newer, List<Finding> sink) {
    this.older = older;
    this.newer = newer;
    this.sink = sink;
  }

  Descriptor older() {
    return older;
  }

  Descriptor newer() {
    return newer;
  }

  /**
   * True when the new side is a Forge app that kept its Connect key but no Connect modules (a fully adopted app):
   * its Connect remote, lifecycle callbacks and Connect translations retire on purpose, and its modules are judged
   * one by one against the native ones.
   */
  boolean connectRetired() {
    return newer.origin().isManifest()
        && !newer.origin().connect()
        && newer.key() != null
        && older.origin().connect();
  }

  private boolean differentApp;

  /** Marks the new side as another app altogether (no app.connect): the other checks have nothing to compare. */
  void differentApp() {
    differentApp = true;
  }

  boolean isDifferentApp() {
    return differentApp;
  }

  JsonNode oldAt(String pointer) {
    return older.at(pointer);
  }

  JsonNode newAt(String pointer) {
    return newer.at(pointer);
  }

  /** How the modules of both descriptors correspond (computed once). */
  ModuleMatching modules() {
    if (modules == null) {
      modules = ModuleMatching.of(older.root(), newer.root());
    }
    return modules;
  }

  /** Position of the value at pointer in the new descriptor. */
  Position inNew(String pointer) {
    return newer.position(pointer);
  }

  /** Position of the key of the member at pointer in the old descriptor (for removals). */
  Position keyInOld(String pointer) {
    return older.keyPosition(pointer);
  }

  /** Position of the value at pointer in the old descriptor. */
  Position inOld(String pointer) {
    return older.position(pointer);
  }

  /** Position of the key of the member at pointer in the new descriptor. */
  Position keyInNew(String pointer) {
    return newer.keyPosition(pointer);
  }

  void report(Rule rule, Position at, String message, String hint) {
    report(rule, at, message, hint, List.of());
  }

  void report(Rule rule, Position at, String message, String hint, List<Finding.Related> related) {
    sink.add(new Finding(rule.id(), rule.defaultSeverity(), at, message, hint, new ArrayList<>(related)));
  }

  void claimOld(String pointer) {
    claimedOld.add(pointer);
  }

  void claimNew(String pointer) {
    claimedNew.add(pointer);
  }

  /** True when pointer (old descriptor) or one of its ancestors is claimed. */
  boolean isClaimedOld(String pointer) {
    return covered(claimedOld, pointer);
  }

  boolean isClaimedNew(String pointer) {
    return covered(claimedNew, pointer);
  }

  /** True when something strictly inside pointer (old descriptor) is claimed. */
  boolean hasClaimBelowOld(String pointer) {
    return below(claimedOld, pointer);
  }

  boolean hasClaimBelowNew(String pointer) {
    return below(claimedNew, pointer);
  }

  private static boolean covered(Set<String> claims, String pointer) {
    String p = pointer;
    while (true) {
      if (claims.contains(p)) {
        return true;
      }
      if (p.isEmpty()) {
        return false;
      }
      int i = p.lastIndexOf('/');
      p = i <= 0 ? "" : p.substring(0, i);
    }
  }

  private static boolean below(Set<String> claims, String pointer) {
    String prefix = pointer + "/";
    for (String c : claims) {
      if (c.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
