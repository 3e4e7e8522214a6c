package org.connectverify.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import org.connectverify.core.json.SourceMap;

/**
 * A parsed descriptor as the checks see it: where it came from, its tree (after templating, when that applies), the
 * source map into the original file, and the product it is checked against.
 *
 * @param file display path (relative, {@code /} separators)
 * @param path the file on disk, or null when it did not come from a file
 * @param root the JSON tree
 * @param sourceMap positions of every value in {@code file}
 * @param product the product used for checking
 * @param productReason why that product was chosen, for the report
 */
public record Descriptor(
    String file, Path path, JsonNode root, SourceMap sourceMap, Product product, String productReason) {

  /** The value at a JSON pointer, or a missing node. */
  public JsonNode at(String pointer) {
    return pointer.isEmpty() ? root : root.at(pointer);
  }

  /** The app key, or null when absent or not a string. */
  public String key() {
    JsonNode k = root.path("key");
    return k.isTextual() ? k.asText() : null;
  }

  /** The modules object, or a missing node. */
  public JsonNode modules() {
    JsonNode m = root.path("modules");
    return m.isObject() ? m : MissingNode.getInstance();
  }

  /** Position of the value at pointer. */
  public Position position(String pointer) {
    int[] lc = sourceMap.value(pointer);
    return new Position(file, lc[0], lc[1], pointer);
  }

  /** Position of the key of the member at pointer (its value's for array elements). */
  public Position keyPosition(String pointer) {
    int[] lc = sourceMap.key(pointer);
    return new Position(file, lc[0], lc[1], pointer);
  }
}
