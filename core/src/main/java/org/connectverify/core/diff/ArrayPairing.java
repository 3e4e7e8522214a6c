package org.connectverify.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How the elements of an old and a new JSON array correspond, so that a change is reported once where it happened
 * rather than as a shift of every later index. Elements that are all objects with a string {@code key} pair by key;
 * otherwise equal elements pair first (order does not matter), and what is left pairs by order when both sides have
 * as many left, or stays unpaired (removed or added).
 */
final class ArrayPairing {
  /** Indexes into the old and the new array; -1 on one side means removed or added. */
  record Pair(int older, int newer) {}

  private ArrayPairing() {}

  static List<Pair> pair(JsonNode older, JsonNode newer) {
    int n = older.size();
    int m = newer.size();
    boolean[] usedOld = new boolean[n];
    boolean[] usedNew = new boolean[m];
    List<Pair> pairs = new ArrayList<>();
    if (allKeyed(older) && allKeyed(newer)) {
      for (int i = 0; i < n; i++) {
        String key = older.get(i).get("key").asText();
        for (int j = 0; j < m; j++) {
          if (!usedNew[j] && newer.get(j).get("key").asText().equals(key)) {
            usedOld[i] = true;
            usedNew[j] = true;
            pairs.add(new Pair(i, j));
            break;
          }
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          if (!usedNew[j] && older.get(i).equals(newer.get(j))) {
            usedOld[i] = true;
            usedNew[j] = true;
            pairs.add(new Pair(i, j));
            break;
          }
        }
      }
      List<Integer> leftOld = unused(usedOld);
      List<Integer> leftNew = unused(usedNew);
      if (leftOld.size() == leftNew.size()) {
        for (int k = 0; k < leftOld.size(); k++) {
          usedOld[leftOld.get(k)] = true;
          usedNew[leftNew.get(k)] = true;
          pairs.add(new Pair(leftOld.get(k), leftNew.get(k)));
        }
      }
    }
    for (int i : unused(usedOld)) {
      pairs.add(new Pair(i, -1));
    }
    for (int j : unused(usedNew)) {
      pairs.add(new Pair(-1, j));
    }
    return pairs;
  }

  private static boolean allKeyed(JsonNode array) {
    if (array.size() == 0) {
      return true;
    }
    for (JsonNode e : array) {
      if (!e.isObject() || !e.path("key").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static List<Integer> unused(boolean[] used) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < used.length; i++) {
      if (!used[i]) {
        out.add(i);
      }
    }
    return out;
  }
}
