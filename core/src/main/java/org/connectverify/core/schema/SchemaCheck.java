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
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import java.util.TreeSet;
import org.connectverify.core.text.Strings;
import org.everit.json.schema.ObjectSchema;
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
      Rule.of("schema/length", Severity.ERROR, "A string, array or object is too long or too short.");
  public static final Rule RANGE =
      Rule.of("schema/range", Severity.ERROR, "A number is outside its allowed range.");
  public static final Rule FORMAT =
      Rule.of("schema/format", Severity.ERROR, "A string is not in the required format (a URL, for example).");
  public static final Rule INVALID =
      Rule.of(
          "schema/invalid",
          Severity.ERROR,
          "A value fits none of the alternative forms its definition allows (or breaks another schema constraint).");

  private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");
  private static final Pattern TYPE_MESSAGE = Pattern.compile("expected type: (\\w+), found: (\\w+)");
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

  /**
   * Starts compiling the schemas this descriptor's validation needs on the second core; the verifier runs this check
   * after the others, so on a cold start they compile while the other checks run.
   */
  @Override
  public void prepare(CheckContext ctx) {
    if (ctx.product() != null) {
      List<String> types = new ArrayList<>();
      ctx.root().path("modules").fieldNames().forEachRemaining(types::add);
      schemas.prefetch(ctx.product(), types);
    }
  }

  @Override
  public void check(CheckContext ctx) {
    List<ValidationException> failures = schemas.validate(ctx.product(), ctx.root());
    if (!failures.isEmpty()) {
      List<ValidationException> leaves = new ArrayList<>();
      failures.forEach(e -> flatten(e, leaves));
      leaves.sort(Comparator.comparing(ValidationException::getPointerToViolation));
      Set<String> tooShort = new java.util.HashSet<>();
      leaves.stream()
          .filter(l -> "minLength".equals(l.getKeyword()))
          .forEach(l -> tooShort.add(l.getPointerToViolation()));
      for (ValidationException leaf : leaves) {
        if ("pattern".equals(leaf.getKeyword()) && tooShort.contains(leaf.getPointerToViolation())) {
          continue; // an empty key fails its pattern too; the length finding says all there is to say
        }
        report(ctx, leaf);
      }
    }
  }

  /**
   * Collects leaf violations. For anyOf/oneOf it keeps the branch that came closest to matching; when no branch is
   * closest (several fail equally, each at the value itself and for different reasons) the value fits none of the
   * alternative forms, and the anyOf/oneOf itself is kept so the finding can name every form.
   */
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
      if (fitsNoForm(e, score(best))) {
        out.add(e);
        return;
      }
      flatten(best, out);
      return;
    }
    for (ValidationException c : causes) {
      flatten(c, out);
    }
  }

  /** True when several branches tie for best, each failing once at the value itself, for different reasons. */
  private static boolean fitsNoForm(ValidationException e, int bestScore) {
    List<ValidationException> tied =
        e.getCausingExceptions().stream().filter(c -> score(c) == bestScore).toList();
    return tied.size() > 1
        && tied.stream()
            .allMatch(
                c ->
                    c.getCausingExceptions().isEmpty()
                        && c.getPointerToViolation().equals(e.getPointerToViolation()))
        && tied.stream().map(ValidationException::getKeyword).distinct().count() > 1;
  }

  /** What one alternative form lacks, for the message of a value that fits none: {@code missing "condition"}. */
  private static String shortReason(ValidationException v, JsonNode value) {
    String keyword = v.getKeyword() == null ? "" : v.getKeyword();
    Matcher m;
    if (keyword.equals("required") && (m = REQUIRED_KEY.matcher(v.getErrorMessage())).find()) {
      return "missing \"" + m.group(1) + "\"";
    }
    if (keyword.equals("additionalProperties") && (m = EXTRANEOUS.matcher(v.getErrorMessage())).find()) {
      return "property \"" + m.group(1) + "\" not allowed";
    }
    if (keyword.startsWith("min") || keyword.startsWith("max")) {
      return lengthMessage(keyword, value, v.getViolatedSchema(), v.getErrorMessage());
    }
    return v.getErrorMessage();
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
    if (isPropertyName(v)) {
      String names = allowed(v);
      ctx.report(
          UNKNOWN_PROPERTY,
          ctx.atKey(pointer),
          describe(Pointers.parent(pointer)) + " does not allow property \"" + Pointers.lastToken(pointer)
              + "\": the host refuses the descriptor",
          names.isEmpty() ? null : "allowed names: " + names);
      return;
    }
    if ((keyword.equals("anyOf") || keyword.equals("oneOf")) && !v.getCausingExceptions().isEmpty()) {
      List<String> reasons = new ArrayList<>();
      for (ValidationException c : v.getCausingExceptions()) {
        reasons.add(shortReason(c, value));
      }
      ctx.report(
          INVALID,
          ctx.at(pointer),
          where + ": " + quote(value) + " fits none of the " + reasons.size() + " allowed forms ("
              + String.join("; or ", reasons) + ")");
      return;
    }
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
      case "type" -> ctx.report(TYPE, ctx.at(pointer), where + ": " + typeMessage(value, message));
      case "enum", "const" -> {
        if (SCOPE_ITEM.matcher(pointer).matches() && caseVariantOfAllowed(value, v.getViolatedSchema())) {
          return; // reported by scopes/mixed-case
        }
        ctx.report(
            ENUM,
            ctx.at(pointer),
            where + ": " + quote(value) + " is not one of the allowed values " + allowed(v));
      }
      case "pattern" ->
          ctx.report(PATTERN, ctx.at(pointer), where + ": " + quote(value) + " " + patternMessage(message));
      case "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties" ->
          ctx.report(
              LENGTH,
              ctx.at(pointer),
              where + ": " + quote(value) + " " + lengthMessage(keyword, value, v.getViolatedSchema(), message));
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
      case "oneOf" ->
          ctx.report(
              INVALID,
              ctx.at(pointer),
              where + ": " + quote(value) + " fits more than one of the allowed forms; exactly one is allowed");
      default -> ctx.report(INVALID, ctx.at(pointer), where + ": " + message);
    }
  }

  private void unknownProperty(CheckContext ctx, String parent, String name, Schema object) {
    String pointer = Pointers.child(parent, name);
    if (parent.equals("/modules")) {
      if (schemas.productsOf(name).stream().anyMatch(p -> p != ctx.product())) {
        return; // another product's type: reported by modules/other-product, with a better message
      }
      List<String> closest = schemas.closestModuleTypes(ctx.product(), name);
      String typeHint;
      if (schemas.topLevelFields().contains(name)) {
        typeHint = "\"" + name + "\" is a top-level field of the descriptor, not a module type: move it out of \"modules\"";
      } else if (closest.isEmpty()) {
        typeHint = "see the list of " + ctx.product().displayName() + " module types in the Connect documentation";
      } else {
        typeHint = "did you mean \"" + closest.get(0) + "\"?";
      }
      ctx.report(
          UNKNOWN_MODULE_TYPE,
          ctx.atKey(pointer),
          "unknown module type \"" + name + "\" for " + ctx.product().displayName()
              + ": the host refuses to install an unknown module",
          typeHint);
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
    String[] names = o.getPropertySchemas().keySet().toArray(new String[0]);
    java.util.Arrays.sort(names); // a sorted array: the suggestion and the list read in one order every run
    List<String> closest = org.connectverify.core.text.Strings.closest(name, java.util.Arrays.asList(names));
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

  /** A violation of {@code propertyNames}: the member's name, not its value, is not allowed. */
  private static boolean isPropertyName(ValidationException v) {
    String location = v.getSchemaLocation();
    return location != null && location.contains("/propertyNames") && !v.getPointerToViolation().equals("#");
  }

  /**
   * The allowed values of a violated enum (or const, or property-name enum), quoted in schema order: {@code "jwt" or
   * "none" (upper or lower case)}. Empty when they cannot be found.
   */
  private String allowed(ValidationException v) {
    List<String> values = new ArrayList<>();
    Schema schema = v.getViolatedSchema();
    if (schema instanceof org.everit.json.schema.EnumSchema e) {
      e.getPossibleValuesAsList().forEach(x -> values.add(String.valueOf(x)));
    } else if (schema instanceof org.everit.json.schema.ConstSchema c) {
      values.add(String.valueOf(c.getPermittedValue()));
    }
    if (values.isEmpty()) {
      return "";
    }
    java.util.LinkedHashMap<String, String> byLower = new java.util.LinkedHashMap<>();
    for (String value : values) {
      byLower.putIfAbsent(value.toLowerCase(java.util.Locale.ROOT), value);
    }
    boolean bothCases =
        byLower.size() < values.size()
            && byLower.values().stream()
                .allMatch(
                    x ->
                        values.contains(x.toUpperCase(java.util.Locale.ROOT))
                            && values.contains(x.toLowerCase(java.util.Locale.ROOT)));
    List<String> shown = bothCases ? List.copyOf(byLower.values()) : values;
    return Strings.quoteList(shown, "or") + (bothCases ? " (all upper or all lower case)" : "");
  }

  /** {@code "true" is a string; expected a boolean}, from everit's {@code expected type: Boolean, found: String}. */
  private static String typeMessage(JsonNode value, String everitMessage) {
    Matcher m = TYPE_MESSAGE.matcher(everitMessage);
    if (!m.find()) {
      return everitMessage;
    }
    return quote(value) + " is " + article(typeName(m.group(2))) + "; expected " + article(typeName(m.group(1)));
  }

  private static String typeName(String everit) {
    return switch (everit) {
      case "JSONObject" -> "object";
      case "JSONArray" -> "array";
      case "String" -> "string";
      case "Boolean" -> "boolean";
      case "Integer", "Long", "BigInteger" -> "integer";
      case "Null" -> "null";
      case "Number", "Double", "Float", "BigDecimal" -> "number";
      default -> everit.toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String article(String type) {
    return type.equals("null") ? "null" : ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  /** {@code is 0 characters long; at least 1 required}, from the violated schema's limits. */
  private static String lengthMessage(String keyword, JsonNode value, Schema schema, String everitMessage) {
    String unit;
    int actual;
    Number limit;
    if (schema instanceof org.everit.json.schema.StringSchema s && value.isTextual()) {
      unit = "character";
      actual = value.asText().codePointCount(0, value.asText().length());
      limit = keyword.startsWith("min") ? s.getMinLength() : s.getMaxLength();
    } else if (schema instanceof org.everit.json.schema.ArraySchema a && value.isArray()) {
      unit = "item";
      actual = value.size();
      limit = keyword.startsWith("min") ? a.getMinItems() : a.getMaxItems();
    } else if (schema instanceof ObjectSchema o && value.isObject()) {
      unit = "propert";
      actual = value.size();
      limit = keyword.startsWith("min") ? o.getMinProperties() : o.getMaxProperties();
    } else {
      return everitMessage;
    }
    if (limit == null) {
      return everitMessage;
    }
    String has = unit.equals("character") ? "is " + actual + " character" + (actual == 1 ? "" : "s") + " long"
        : "has " + actual + " " + plural(unit, actual);
    return has + ", " + (keyword.startsWith("min") ? "at least " + limit + " required" : "at most " + limit + " allowed");
  }

  private static String plural(String unit, int n) {
    if (unit.equals("propert")) {
      return n == 1 ? "property" : "properties";
    }
    return n == 1 ? unit : unit + "s";
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
    return s.length() > 80 ? Strings.cut(s, 77) + "..." : s;
  }

  /** A readable name for where a pointer points: {@code modules.webItems[0].name}, or {@code descriptor}. */
  static String describe(String pointer) {
    return Pointers.readable(pointer);
  }

  /** Everit's {@code #/a/b} to an RFC 6901 pointer {@code /a/b}. */
  static String toPointer(String everit) {
    if (everit == null || everit.equals("#")) {
      return "";
    }
    return everit.startsWith("#") ? everit.substring(1) : everit;
  }
}
