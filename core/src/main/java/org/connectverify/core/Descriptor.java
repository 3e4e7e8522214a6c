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
 * @param origin the document the descriptor was read from (itself, or a manifest) and how pointers map back to it
 */
public record Descriptor(
    String file,
    Path path,
    JsonNode root,
    SourceMap sourceMap,
    Product product,
    String productReason,
    Origin origin) {

  /** A descriptor read from {@code atlassian-connect.json}: its own document. */
  public Descriptor(
      String file, Path path, JsonNode root, SourceMap sourceMap, Product product, String productReason) {
    this(file, path, root, sourceMap, product, productReason, Origin.descriptor(root));
  }

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

  /** Position of the value at a descriptor pointer, in the file it was read from (with that file's pointer). */
  public Position position(String pointer) {
    return sourcePosition(origin.toSource(pointer));
  }

  /** Position of the key of the member at a descriptor pointer (its value's for array elements). */
  public Position keyPosition(String pointer) {
    String source = origin.toSource(pointer);
    int[] lc = sourceMap.key(source);
    return new Position(file, lc[0], lc[1], source);
  }

  /** Position of the value at a pointer into the source document itself (the manifest, for a manifest). */
  public Position sourcePosition(String sourcePointer) {
    int[] lc = sourceMap.value(sourcePointer);
    return new Position(file, lc[0], lc[1], sourcePointer);
  }

  /** Position of the key at a pointer into the source document itself. */
  public Position sourceKeyPosition(String sourcePointer) {
    int[] lc = sourceMap.key(sourcePointer);
    return new Position(file, lc[0], lc[1], sourcePointer);
  }
}
