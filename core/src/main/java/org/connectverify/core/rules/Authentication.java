package org.connectverify.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** How a descriptor authenticates, as the rules about JWT and scopes read it. */
enum Authentication {
  /** {@code authentication.type} is {@code jwt}, or the object has no type (jwt is the default). */
  JWT,
  /** {@code authentication.type} is {@code none}. */
  NONE,
  /** No authentication object, or a type the schema rejects: the schema reports it, these rules stay silent. */
  UNKNOWN;

  static Authentication of(JsonNode root) {
    JsonNode auth = root.path("authentication");
    if (!auth.isObject()) {
      return UNKNOWN;
    }
    JsonNode type = auth.path("type");
    if (type.isMissingNode()) {
      return JWT;
    }
    if (!type.isTextual()) {
      return UNKNOWN;
    }
    return switch (type.asText().toLowerCase(Locale.ROOT)) {
      case "jwt" -> JWT;
      case "none" -> NONE;
      default -> UNKNOWN;
    };
  }
}
