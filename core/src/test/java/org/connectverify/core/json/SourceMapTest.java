package org.connectverify.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceMapTest {
  /** {"a": {"b": [10]}} laid out over three lines; entries are {keyLine, keyCol, valueLine, valueCol}. */
  private static SourceMap sample() {
    Map<String, int[]> entries = new HashMap<>();
    entries.put("", new int[] {0, 0, 1, 1});
    entries.put("/a", new int[] {2, 3, 2, 8});
    entries.put("/a/b", new int[] {3, 5, 3, 10});
    entries.put("/a/b/0", new int[] {0, 0, 3, 11});
    return new SourceMap(entries);
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
}
