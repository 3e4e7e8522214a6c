package org.connectverify.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceMapTest {
  /** {"a": {"b": [10]}} laid out over three lines. */
  private static SourceMap sample() {
    SourceMap.Builder b = SourceMap.builder();
    b.root(1, 1).member("a", 2, 3, 2, 8).member("b", 3, 5, 3, 10).element(3, 11);
    return b.build();
  }

  @Test
  void givesKeyAndValuePositionsOfAMember() {
    SourceMap map = sample();
    assertArrayEquals(new int[] {2, 3}, map.key("/a"));
    assertArrayEquals(new int[] {2, 8}, map.value("/a"));
  }

  @Test
  void givesTheValuePositionAsKeyForArrayElementsAndTheRoot() {
    SourceMap map = sample();
    assertArrayEquals(new int[] {3, 11}, map.key("/a/b/0"));
    assertArrayEquals(new int[] {1, 1}, map.key(""));
  }

  @Test
  void fallsBackToTheNearestExistingAncestor() {
    SourceMap map = sample();
    assertArrayEquals(new int[] {3, 10}, map.value("/a/b/7"));
    assertArrayEquals(new int[] {3, 5}, map.key("/a/b/7/x"));
    assertArrayEquals(new int[] {1, 1}, map.value("/missing"));
  }

  @Test
  void answersZeroesWhenNothingIsKnown() {
    SourceMap empty = SourceMap.empty();
    assertArrayEquals(new int[] {0, 0}, empty.value("/a"));
    assertArrayEquals(new int[] {0, 0}, empty.key(""));
    assertEquals(0, empty.size());
  }

  @Test
  void tellsWhichPointersExist() {
    SourceMap map = sample();
    assertTrue(map.contains("/a/b/0"));
    assertFalse(map.contains("/a/c"));
    assertEquals(4, map.size());
  }

  @Test
  void aKeyGivenAgainReplacesTheFirstAndKeysNeedNoEscapesToBeFound() {
    SourceMap.Builder b = SourceMap.builder();
    SourceMap.Entry root = b.root(1, 1);
    root.member("a/b", 2, 3, 2, 10);
    root.member("x", 3, 3, 3, 8);
    root.member("a/b", 4, 3, 4, 10);
    SourceMap map = b.build();
    assertArrayEquals(new int[] {4, 3}, map.key("/a~1b"), "the last of two equal keys, as the tree keeps it");
    assertEquals("/a~1b", root.member("a/b").pointer());
    assertEquals(3, map.size());
  }

  @Test
  void findsMembersOfLargeObjectsAndElementsOnlyByCanonicalIndex() {
    SourceMap.Builder b = SourceMap.builder();
    SourceMap.Entry root = b.root(1, 1);
    for (int i = 0; i < 50; i++) {
      root.member("k" + i, i + 2, 3, i + 2, 9);
    }
    root.member("k7", 60, 3, 60, 9);
    SourceMap.Entry list = root.member("list", 61, 3, 61, 11);
    list.element(61, 12);
    SourceMap.Entry second = list.element(61, 15);
    SourceMap map = b.build();
    assertArrayEquals(new int[] {45, 3}, map.key("/k43"));
    assertArrayEquals(new int[] {60, 3}, map.key("/k7"));
    assertArrayEquals(new int[] {61, 15}, map.value("/list/1"));
    assertArrayEquals(new int[] {61, 11}, map.value("/list/01"), "not an index: the array itself");
    assertEquals("/list/1", second.pointer());
    assertFalse(map.contains("/list/2"));
    assertTrue(map.contains("/list/0"));
    assertEquals(54, map.size());
  }
}
