package org.connectverify.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesTest {
  @Test
  void answersAsTheNodesOwnMethodsForEveryKindOfNode() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<JsonNode> all =
        List.of(
            f.objectNode(), f.arrayNode(), f.textNode("x"), f.textNode(""), f.booleanNode(true), f.nullNode(),
            f.numberNode(1), f.numberNode(1L), f.numberNode((short) 1), f.numberNode(1.5), f.numberNode(1.5f),
            f.numberNode(BigInteger.TEN), f.numberNode(new BigDecimal("1.25")), f.binaryNode(new byte[] {1}),
            f.pojoNode(new Object()), f.missingNode(), MissingNode.getInstance(), f.objectNode().path("absent"),
            f.arrayNode().path(3), new JsonReader().read("{\"a\": [1, \"b\", null, {}]}".getBytes(), "t.json").root());
    for (JsonNode n : all) {
      String kind = n.getClass().getSimpleName() + " " + n.getNodeType();
      assertEquals(n.isTextual(), Nodes.isText(n), kind);
      assertEquals(n.isObject(), Nodes.isObject(n), kind);
      assertEquals(n.isArray(), Nodes.isArray(n), kind);
      assertEquals(n.isContainerNode(), Nodes.isContainer(n), kind);
      assertEquals(n.isValueNode(), Nodes.isValue(n), kind);
    }
  }
}
