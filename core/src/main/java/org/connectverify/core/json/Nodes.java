package org.connectverify.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;

/**
 * The kind of a tree node as a class test, for the walks that ask it of every node. {@code JsonNode.isTextual()},
 * {@code isContainerNode()} and the like call {@code getNodeType()}, which every node class overrides: inside them
 * that call meets every kind of node from every walk, so the JIT makes it a virtual call through a table, about 4% of
 * a warm verify. A class test costs a compare. The answers are those of the {@code is...} methods for every node
 * Jackson's {@code JsonNodeFactory} makes, which is every node of a tree here (read, filled or copied).
 */
public final class Nodes {
  private Nodes() {}

  /** {@code n.isTextual()}. */
  public static boolean isText(JsonNode n) {
    return n instanceof TextNode;
  }

  /** {@code n.isObject()}. */
  public static boolean isObject(JsonNode n) {
    return n instanceof ObjectNode;
  }

  /** {@code n.isArray()}. */
  public static boolean isArray(JsonNode n) {
    return n instanceof ArrayNode;
  }

  /** {@code n.isContainerNode()}: an object or an array. */
  public static boolean isContainer(JsonNode n) {
    return n instanceof ContainerNode;
  }

  /** {@code n.isValueNode()}: neither a container nor missing. */
  public static boolean isValue(JsonNode n) {
    return n instanceof ValueNode && !(n instanceof MissingNode);
  }
}
