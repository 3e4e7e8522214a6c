package org.connectverify.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Product;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.json.JSONTokener;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;

/**
 * Validates a descriptor against our schema for its product. Schema validation is just another check: each violation
 * becomes a finding located at the offending value, a missing property at its parent object, an unknown property at
 * its key.
 */
public final class SchemaCheck implements Check {
  public static final Rule REQUIRED =
      Rule.of("schema/required", Severity.ERROR, "A required property is missing.");
  public static final Rule UNKNOWN_PROPERTY =
      Rule.of(
          "schema/unknown-property",
          Severity.ERROR,
          "An object has a property its definition does not allow (often a typo or a field in the wrong place).");
  public static final Rule IGNORED_PROPERTY =
      Rule.of(
          "schema/ignored-property",
          Severity.WARNING,
          "An object has a property its definition does not know; the host ignores it (often a typo).");
  public static final Rule UNKNOWN_MODULE_TYPE =
      Rule.of(
          "schema/unknown-module-type",
          Severity.ERROR,
          "A module type the product does not know: the host refuses to install an unknown module.");
  public static final Rule TYPE =
      Rule.of("schema/type", Severity.ERROR, "A value has the wrong JSON type.");
  public static final Rule ENUM =
      Rule.of("schema/enum", Severity.ERROR, "A value is not one of the allowed values.");
  public static final Rule PATTERN =
      Rule.of("schema/pattern", Severity.ERROR, "A string does not match the required pattern.");
  public static final Rule LENGTH =
      Rule.of("schema/length", Severity.ERROR, "A string or array is too long or too short.");
  public static final Rule RANGE =
      Rule.of("schema/range", Severity.ERROR, "A number is outside its allowed range.");
  public static final Rule FORMAT =
      Rule.of("schema/format", Severity.ERROR, "A string is not in the required format (a URL, for example).");
  public static final Rule INVALID =
      Rule.of("schema/invalid", Severity.ERROR, "A value does not match its schema in some other way.");

  private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");
  private static final Pattern REQUIRED_KEY = Pattern.compile("required key \\[(.*)] not found");
  private static final Pattern SCOPE_ITEM = Pattern.compile("/scopes/\\d+");
  /** Annotation on objects the host validates strictly: an unknown property there fails the install. */
  static final String STRICT = "x-strict";

  private final SchemaSet schemas;

  public SchemaCheck(SchemaSet schemas) {
    this.schemas = schemas;
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        REQUIRED, UNKNOWN_PROPERTY, IGNORED_PROPERTY, UNKNOWN_MODULE_TYPE, TYPE, ENUM, PATTERN, LENGTH, RANGE, FORMAT,
        INVALID);
  }

  @Override
  public void check(CheckContext ctx) {
    Schema schema = schemas.schema(ctx.product());
    Object subject = new JSONTokener(ctx.root().toString()).nextValue();
    try {
      schema.validate(subject);
    } catch (ValidationException e) {
      List<ValidationException> leaves = new ArrayList<>();
      flatten(e, leaves);
      leaves.sort(Comparator.comparing(ValidationException::getPointerToViolation));
      for (ValidationException leaf : leaves) {
        report(ctx, leaf);
      }
    }
  }

  /** Collects leaf violations; for anyOf/oneOf keeps the branch that came closest to matching. */
  private static void flatten(ValidationException e, List<ValidationException> out) {
    List<ValidationException> causes = e.getCausingExceptions();
    if (causes.isEmpty()) {
      out.add(e);
      return;
    }
    String keyword = e.getKeyword();
    if ("anyOf".equals(keyword) || "oneOf".equals(keyword)) {
      ValidationException best = null;
      for (ValidationException c : causes) {
        if (best == null || score(c) < score(best)) {
          best = c;
        }
      }
      flatten(best, out);
      return;
    }
    for (ValidationException c : causes) {
      flatten(c, out);
    }
  }

  /** Fewer and deeper violations mean a branch was closer to the intended shape. */
  private static int score(ValidationException e) {
    int depth = e.getPointerToViolation().split("/").length;
    int typeMismatch = "type".equals(e.getKeyword()) && e.getCausingExceptions().isEmpty() ? 1000 : 0;
    return e.getViolationCount() * 10 - depth + typeMismatch;
  }

  private void report(CheckContext ctx, ValidationException v) {
    String pointer = toPointer(v.getPointerToViolation());
    String keyword = v.getKeyword() == null ? "" : v.getKeyword();
    String message = v.getErrorMessage();
    JsonNode value = ctx.descriptor().at(pointer);
    String where = describe(pointer);
    switch (keyword) {
      case "required" -> {
        Matcher m = REQUIRED_KEY.matcher(message);
        String name = m.find() ? m.group(1) : "?";
        ctx.report(REQUIRED, ctx.at(pointer), where + " is missing required property \"" + name + "\"");
      }
      case "additionalProperties" -> {
        Matcher m = EXTRANEOUS.matcher(message);
        String name = m.find() ? m.group(1) : "?";
        unknownProperty(ctx, pointer, name, v.getViolatedSchema());
      }
      case "type" -> ctx.report(TYPE, ctx.at(pointer), where + ": " + message);
      case "enum", "const" -> {
        if (SCOPE_ITEM.matcher(pointer).matches() && caseVariantOfAllowed(value, v.getViolatedSchema())) {
          return; // reported by scopes/mixed-case
        }
        ctx.report(
            ENUM,
            ctx.at(pointer),
            where + ": " + quote(value) + " is not one of the allowed values " + allowed(v.getViolatedSchema()));
      }
      case "pattern" ->
          ctx.report(PATTERN, ctx.at(pointer), where + ": " + quote(value) + " " + patternMessage(message));
      case "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties" ->
          ctx.report(LENGTH, ctx.at(pointer), where + ": " + message);
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" ->
          ctx.report(RANGE, ctx.at(pointer), where + ": " + message);
      case "format" -> ctx.report(FORMAT, ctx.at(pointer), where + ": " + message);
      case "not" -> {
        String why = v.getViolatedSchema() == null ? null : v.getViolatedSchema().getDescription();
        ctx.report(
            INVALID,
            ctx.at(pointer),
            where + ": " + quote(value) + " is not allowed here" + (why == null ? "" : ": " + why));
      }
      default -> ctx.report(INVALID, ctx.at(pointer), where + ": " + message);
    }
  }

  private void unknownProperty(CheckContext ctx, String parent, String name, Schema object) {
    String pointer = Pointers.child(parent, name);
    if (parent.equals("/modules")) {
      Product other = ctx.product().other();
      if (other != null && schemas.moduleTypes(other).contains(name)) {
        return; // reported by modules/other-product, with a better message
      }
      if (other == null
          && (schemas.moduleTypes(Product.JIRA).contains(name)
              || schemas.moduleTypes(Product.CONFLUENCE).contains(name))) {
        return; // undecided product: a Jira or Confluence module type is not unknown
      }
      List<String> closest = schemas.closestModuleTypes(ctx.product(), name);
      String hint;
      if (schemas.topLevelFields().contains(name)) {
        hint = "\"" + name + "\" is a top-level field of the descriptor, not a module type: move it out of \"modules\"";
      } else if (closest.isEmpty()) {
        hint = "see the list of " + ctx.product().label() + " module types in the Connect documentation";
      } else {
        hint = "did you mean \"" + closest.get(0) + "\"?";
      }
      ctx.report(
          UNKNOWN_MODULE_TYPE,
          ctx.atKey(pointer),
          "unknown module type \"" + name + "\" for " + ctx.product().label()
              + ": the host refuses to install an unknown module",
          hint);
      return;
    }
    if (strict(object)) {
      ctx.report(
          UNKNOWN_PROPERTY,
          ctx.atKey(pointer),
          describe(parent) + " does not allow property \"" + name + "\": the host refuses the descriptor",
          closestProperty(object, name));
    } else {
      ctx.report(
          IGNORED_PROPERTY,
          ctx.atKey(pointer),
          describe(parent) + " has unknown property \"" + name + "\", which the host ignores",
          closestProperty(object, name));
    }
  }

  /** A hint naming the closest known property of the object, or listing them when none is close. */
  private static String closestProperty(Schema object, String name) {
    if (!(object instanceof org.everit.json.schema.ObjectSchema o) || o.getPropertySchemas().isEmpty()) {
      return null;
    }
    java.util.Set<String> names = new java.util.TreeSet<>(o.getPropertySchemas().keySet());
    List<String> closest = org.connectverify.core.text.Strings.closest(name, names);
    return closest.isEmpty()
        ? "known properties: " + String.join(", ", names)
        : "did you mean \"" + closest.get(0) + "\"?";
  }

  /** True when the object schema carries the {@code x-strict} annotation. */
  private static boolean strict(Schema schema) {
    return schema != null && Boolean.TRUE.equals(schema.getUnprocessedProperties().get(STRICT));
  }

  /** True when the value differs from an allowed value only in letter case. */
  private static boolean caseVariantOfAllowed(JsonNode value, Schema schema) {
    if (value == null || !value.isTextual() || !(schema instanceof org.everit.json.schema.EnumSchema e)) {
      return false;
    }
    return e.getPossibleValuesAsList().stream()
        .anyMatch(v -> v instanceof String s && s.equalsIgnoreCase(value.asText()));
  }

  private static String allowed(Schema schema) {
    String text = schema == null ? "" : schema.toString();
    int i = text.indexOf("\"enum\":");
    if (i >= 0) {
      int end = text.indexOf(']', i);
      if (end > i) {
        return text.substring(i + 7, end + 1);
      }
    }
    i = text.indexOf("\"const\":");
    if (i >= 0) {
      int end = text.indexOf(',', i);
      return "[" + text.substring(i + 8, end < 0 ? text.length() - 1 : end) + "]";
    }
    return "";
  }

  private static String patternMessage(String everitMessage) {
    int i = everitMessage.indexOf("does not match pattern");
    return i >= 0 ? everitMessage.substring(i) : everitMessage;
  }

  private static String quote(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "value";
    }
    String s = value.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** A readable name for where a pointer points: {@code modules.webItems[0].name}, or {@code descriptor}. */
  static String describe(String pointer) {
    if (pointer.isEmpty()) {
      return "descriptor";
    }
    StringBuilder b = new StringBuilder();
    for (String token : Pointers.tokens(pointer)) {
      if (token.chars().allMatch(Character::isDigit) && !token.isEmpty()) {
        b.append('[').append(token).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(token);
      }
    }
    return b.toString();
  }

  /** Everit's {@code #/a/b} to an RFC 6901 pointer {@code /a/b}. */
  static String toPointer(String everit) {
    if (everit == null || everit.equals("#")) {
      return "";
    }
    return everit.startsWith("#") ? everit.substring(1) : everit;
  }

  /** Module types of the product, for other checks that need them. */
  public Set<String> moduleTypes(Product product) {
    return schemas.moduleTypes(product);
  }
}
