package org.connectverify.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.json.JSONArray;
import org.json.JSONObject;

/** Jackson trees as the org.json values everit validates and compiles. */
final class OrgJson {
  private OrgJson() {}

  /**
   * The tree as everit's org.json values, built directly (no text in between). The values are those that
   * {@code new JSONTokener(node.toString()).nextValue()} gives: numbers go through {@link JSONObject#stringToValue} on
   * Jackson's text of the number, exactly as the tokener reads them.
   */
  static Object of(JsonNode node) {
    if (node.isObject()) {
      JSONObject o = new JSONObject();
      node.fields().forEachRemaining(e -> o.put(e.getKey(), of(e.getValue())));
      return o;
    }
    if (node.isArray()) {
      JSONArray a = new JSONArray();
      for (JsonNode item : node) {
        a.put(of(item));
      }
      return a;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNull() || node.isMissingNode()) {
      return JSONObject.NULL;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    // a number's text as Jackson writes it (asText gives the same digits without a serializer)
    return JSONObject.stringToValue(node.isNumber() ? node.asText() : node.toString());
  }
}
