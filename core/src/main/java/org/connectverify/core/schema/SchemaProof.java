package org.connectverify.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.everit.json.schema.FormatValidator;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A quick proof that a document breaks nothing in a product's schema, so that everit need not run. Nine descriptors in
 * ten have no schema violation, yet each was copied into org.json values and walked by everit; this proof walks the
 * Jackson tree once, with no copy and no failure objects (warm, over the corpus, the schema check's validation fell
 * from 11.3 to 6.2 µs a descriptor).
 *
 * <p>everit stays the validator of record: when the proof does not say {@link Verdict#PASS}, everit validates the
 * document and its violations become the findings, as before. So the proof only has to be right when it says PASS,
 * and it says so only for what it mirrors exactly: the keywords our schemas use, with everit's semantics (a pattern
 * is {@code find()}, lengths count code points, {@code $ref} ignores its siblings, an enum compares strings with
 * {@code equals}, our {@link ConnectUrlFormat} for {@code connect-url}). A schema with any other keyword, format or
 * form, and a value whose org.json form is not plain (a number with a fraction or an exponent), make the verdict
 * {@link Verdict#UNKNOWN}, and everit decides. {@code not}, {@code oneOf} and {@code if} turn a FAIL into a PASS or
 * back, so FAIL is exact too. {@code SchemaProofTest} holds the proof to everit over every fixture, the corpus and
 * mutants of them.
 */
final class SchemaProof {
  enum Verdict {
    PASS,
    FAIL,
    UNKNOWN
  }

  /** Keywords that only annotate: everit ignores them, and so does the proof. */
  private static final Set<String> ANNOTATIONS =
      Set.of("description", "title", "$schema", "$comment", "definitions", "examples", SchemaCheck.STRICT);

  /** The one format our schemas use; stateless, so every node shares it. */
  private static final FormatValidator CONNECT_URL = new ConnectUrlFormat();

  private static final int K_OBJECT = 1;
  private static final int K_ARRAY = 2;
  private static final int K_STRING = 4;
  private static final int K_INTEGER = 8;
  private static final int K_NUMBER = 16;
  private static final int K_BOOLEAN = 32;
  private static final int K_NULL = 64;
  private static final Map<String, Integer> TYPES =
      Map.of(
          "object", K_OBJECT, "array", K_ARRAY, "string", K_STRING, "integer", K_INTEGER,
          "number", K_NUMBER | K_INTEGER, "boolean", K_BOOLEAN, "null", K_NULL);

  private final Node root;
  private final Node topLevel;
  private final Map<String, Node> moduleTypes;

  private SchemaProof(Node root, Node topLevel, Map<String, Node> moduleTypes) {
    this.root = root;
    this.topLevel = topLevel;
    this.moduleTypes = moduleTypes;
  }

  /**
   * Compiles the proofs of a bundled product schema ({@link SchemaBundle}: every reference is to its own definitions),
   * of its shell (the top level, with every module type's schema {@code {}}) and of each module type's schema.
   */
  static SchemaProof of(JSONObject bundle, JSONObject shell, JSONObject typeSchemas) {
    Compiler compiler = new Compiler(bundle);
    Map<String, Node> types = new HashMap<>();
    for (String type : typeSchemas.keySet()) {
      types.put(type, compiler.compile(typeSchemas.get(type)));
    }
    return new SchemaProof(compiler.compile(bundle), compiler.compile(shell), types);
  }

  /** True only when everit would find no violation of the schema in this document. */
  boolean proves(JsonNode document) {
    return verdict(document) == Verdict.PASS;
  }

  Verdict verdict(JsonNode document) {
    return root.test(document);
  }

  /** True only when everit would find no violation of the shell in this document. */
  boolean provesTopLevel(JsonNode document) {
    return topLevel.test(document) == Verdict.PASS;
  }

  /** True only when everit would find no violation of a module type's schema in its value (false for no such type). */
  boolean provesModuleType(String type, JsonNode value) {
    Node n = moduleTypes.get(type);
    return n != null && n.test(value) == Verdict.PASS;
  }

  /** True when the product has this module type (its schema names it under {@code modules}). */
  boolean hasModuleType(String type) {
    return moduleTypes.containsKey(type);
  }

  /** True when a module type's schema is {@code {"type": "array", "items": ...}} and nothing else. */
  boolean isArrayOfItems(String type) {
    Node n = moduleTypes.get(type);
    return n != null && n.items() != null;
  }

  /** True only when everit would find no violation of an array module type's item schema in this item. */
  boolean provesModuleItem(String type, JsonNode item) {
    Node n = moduleTypes.get(type);
    return n != null && n.items() != null && n.items().test(item) == Verdict.PASS;
  }

  /** The kind of a value as everit sees its org.json form, or 0 when that form is not plain enough to judge here. */
  private static int kind(JsonNode v) {
    // class tests, not getNodeType(): that virtual call meets every kind of node here (see Nodes)
    if (v instanceof ObjectNode) {
      return K_OBJECT;
    }
    if (v instanceof ArrayNode) {
      return K_ARRAY;
    }
    if (v instanceof TextNode) {
      return K_STRING;
    }
    if (v instanceof BooleanNode) {
      return K_BOOLEAN;
    }
    if (v instanceof NullNode) {
      return K_NULL;
    }
    if (v instanceof NumericNode) {
      // integers become Integer, Long or BigInteger in org.json; other numbers go through its number parsing
      return v.isIntegralNumber() ? K_INTEGER : 0;
    }
    return 0;
  }

  /**
   * For a pattern of the form {@code ^[set]+$} whose set is ASCII letters, digits, ranges of them and {@code -}, as
   * the module key's {@code ^[a-zA-Z0-9-]+$}: the characters of the set, indexed by code. A string of one or more of
   * them matches the pattern, so {@link #allIn} clears it without the regular expression; any other string is left to
   * the pattern (which, with {@code $}, also matches before a final line break). Null for any other pattern.
   */
  static boolean[] quickChars(String pattern) {
    if (!pattern.startsWith("^[") || !pattern.endsWith("]+$") || pattern.length() < 6) {
      return null;
    }
    String set = pattern.substring(2, pattern.length() - 3);
    boolean[] in = new boolean[128];
    for (int i = 0; i < set.length(); i++) {
      char c = set.charAt(i);
      if (!(c == '-' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return null; // an escape, a negation, a nested class or anything else this does not read
      }
      if (c != '-' && i + 2 < set.length() && set.charAt(i + 1) == '-') {
        char to = set.charAt(i + 2);
        if (to == '-' || to < c || Character.getType(to) != Character.getType(c) || !Character.isLetterOrDigit(to)) {
          return null; // a range such as "0-z" or "z-a": left to the regular expression
        }
        for (char x = c; x <= to; x++) {
          in[x] = true;
        }
        i += 2;
      } else if (c == '-' && i != 0 && i != set.length() - 1) {
        return null; // a '-' that is neither first nor last nor in a range
      } else {
        in[c] = true;
      }
    }
    return in;
  }

  /** True when {@code s} is not empty and every character of it is in {@code chars} (see {@link #quickChars}). */
  static boolean allIn(String s, boolean[] chars) {
    if (chars == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || !chars[c]) {
        return false;
      }
    }
    return true;
  }

  private static Verdict and(Verdict a, Verdict b) {
    return a == Verdict.FAIL || b == Verdict.FAIL
        ? Verdict.FAIL
        : a == Verdict.UNKNOWN || b == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.PASS;
  }

  /** One schema object: each keyword a test of the value, all of which must pass (a JSON Schema's meaning). */
  private static final class Node {
    /** A keyword or form the proof does not mirror: every verdict is UNKNOWN. */
    boolean unknown;
    /** Nothing to test: {@code {}} or {@code true}. */
    boolean empty = true;
    /** {@code false}: nothing is valid. */
    boolean nothing;
    /** How many keywords it has. */
    int keywords;
    int types; // 0: any type
    Set<String> enumStrings;
    boolean enumHasOthers;
    int minLength = -1;
    int maxLength = -1;
    Pattern pattern;
    /** {@link #quickChars} of {@link #pattern}, or null. */
    boolean[] patternChars;
    FormatValidator format;
    BigDecimal minimum;
    Map<String, Node> properties;
    String[] required;
    boolean noAdditional;
    Node additional;
    Pattern[] patterns;
    Node[] patternSchemas;
    Node propertyNames;
    Node items;
    int minItems = -1;
    int maxItems = -1;
    Node[] allOf;
    Node[] anyOf;
    Node[] oneOf;
    Node not;
    Node ifSchema;
    Node thenSchema;
    Node elseSchema;

    /** The item schema of {@code {"type": "array", "items": ...}} with no other keyword, else null. */
    Node items() {
      return keywords == 2 && !unknown && types == K_ARRAY ? items : null;
    }

    Verdict test(JsonNode v) {
      if (empty) {
        return Verdict.PASS;
      }
      if (unknown) {
        return Verdict.UNKNOWN;
      }
      if (nothing) {
        return Verdict.FAIL;
      }
      int kind = kind(v);
      if (kind == 0) {
        return Verdict.UNKNOWN;
      }
      if (types != 0 && (types & kind) == 0) {
        return Verdict.FAIL;
      }
      Verdict out = Verdict.PASS;
      if (enumStrings != null) {
        if (kind == K_STRING) {
          if (!enumStrings.contains(v.textValue())) {
            return Verdict.FAIL;
          }
        } else if (enumHasOthers) {
          out = Verdict.UNKNOWN;
        } else {
          return Verdict.FAIL;
        }
      }
      switch (kind) {
        case K_STRING:
          if (!string(v.textValue())) {
            return Verdict.FAIL;
          }
          break;
        case K_INTEGER:
          if (minimum != null && new BigDecimal(v.bigIntegerValue()).compareTo(minimum) < 0) {
            return Verdict.FAIL;
          }
          break;
        case K_OBJECT:
          out = and(out, object(v));
          break;
        case K_ARRAY:
          out = and(out, array(v));
          break;
        default:
          break;
      }
      if (out == Verdict.FAIL) {
        return out;
      }
      return and(out, combined(v));
    }

    private boolean string(String s) {
      if (minLength >= 0 || maxLength >= 0) {
        int length = s.codePointCount(0, s.length());
        if (minLength >= 0 && length < minLength || maxLength >= 0 && length > maxLength) {
          return false;
        }
      }
      if (pattern != null && !allIn(s, patternChars) && !pattern.matcher(s).find()) {
        return false;
      }
      return format == null || format.validate(s).isEmpty();
    }

    private Verdict object(JsonNode v) {
      if (required != null) {
        for (String name : required) {
          if (!v.has(name)) {
            return Verdict.FAIL;
          }
        }
      }
      if (properties == null && patterns == null && !noAdditional && additional == null && propertyNames == null) {
        return Verdict.PASS;
      }
      Verdict out = Verdict.PASS;
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        boolean declared = false;
        if (properties != null) {
          Node p = properties.get(key);
          if (p != null) {
            declared = true;
            out = and(out, p.test(value));
          }
        }
        if (patterns != null) {
          for (int i = 0; i < patterns.length; i++) {
            if (patterns[i].matcher(key).find()) {
              declared = true;
              out = and(out, patternSchemas[i].test(value));
            }
          }
        }
        if (!declared) {
          if (noAdditional) {
            return Verdict.FAIL;
          }
          if (additional != null) {
            out = and(out, additional.test(value));
          }
        }
        if (propertyNames != null) {
          out = and(out, propertyNames.test(TextNode.valueOf(key)));
        }
        if (out == Verdict.FAIL) {
          return out;
        }
      }
      return out;
    }

    private Verdict array(JsonNode v) {
      int size = v.size();
      if (minItems >= 0 && size < minItems || maxItems >= 0 && size > maxItems) {
        return Verdict.FAIL;
      }
      Verdict out = Verdict.PASS;
      if (items != null) {
        for (JsonNode item : v) {
          out = and(out, items.test(item));
          if (out == Verdict.FAIL) {
            return out;
          }
        }
      }
      return out;
    }

    private Verdict combined(JsonNode v) {
      Verdict out = Verdict.PASS;
      if (allOf != null) {
        for (Node n : allOf) {
          out = and(out, n.test(v));
          if (out == Verdict.FAIL) {
            return out;
          }
        }
      }
      if (anyOf != null) {
        Verdict any = Verdict.FAIL;
        for (Node n : anyOf) {
          Verdict r = n.test(v);
          if (r == Verdict.PASS) {
            any = Verdict.PASS;
            break;
          }
          if (r == Verdict.UNKNOWN) {
            any = Verdict.UNKNOWN;
          }
        }
        out = and(out, any);
      }
      if (oneOf != null) {
        int passed = 0;
        boolean unsure = false;
        for (Node n : oneOf) {
          Verdict r = n.test(v);
          passed += r == Verdict.PASS ? 1 : 0;
          unsure |= r == Verdict.UNKNOWN;
        }
        Verdict one = passed > 1 ? Verdict.FAIL : unsure ? Verdict.UNKNOWN : passed == 1 ? Verdict.PASS : Verdict.FAIL;
        out = and(out, one);
      }
      if (not != null) {
        Verdict r = not.test(v);
        out = and(out, r == Verdict.PASS ? Verdict.FAIL : r == Verdict.FAIL ? Verdict.PASS : Verdict.UNKNOWN);
      }
      if (ifSchema != null) {
        Verdict r = ifSchema.test(v);
        Node branch = r == Verdict.PASS ? thenSchema : r == Verdict.FAIL ? elseSchema : null;
        if (r == Verdict.UNKNOWN) {
          out = and(out, Verdict.UNKNOWN);
        } else if (branch != null) {
          out = and(out, branch.test(v));
        }
      }
      return out;
    }
  }

  /** Compiles schema objects into nodes, each object once (references may be cyclic: a condition holds conditions). */
  private static final class Compiler {
    private final JSONObject bundle;
    private final Map<Object, Node> done = new IdentityHashMap<>();
    /** The {@code $ref} objects being resolved (by identity). */
    private final Set<Object> resolving = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Compiler(JSONObject bundle) {
      this.bundle = bundle;
    }

    Node compile(Object schema) {
      if (schema instanceof Boolean b) {
        Node n = new Node();
        n.empty = b;
        n.nothing = !b;
        return n;
      }
      if (!(schema instanceof JSONObject o)) {
        return unknown();
      }
      Node n = done.get(o);
      if (n != null) {
        return n;
      }
      if (o.has("$ref")) {
        if (!resolving.add(o)) {
          return unknown(); // a reference that leads only to references, back to itself
        }
        try {
          n = reference(o.get("$ref"));
        } finally {
          resolving.remove(o);
        }
        done.put(o, n);
        return n;
      }
      n = new Node();
      done.put(o, n);
      for (String key : o.keySet()) {
        if (!ANNOTATIONS.contains(key) && !keyword(n, key, o.get(key), o)) {
          n.unknown = true;
        }
      }
      return n;
    }

    /**
     * A {@code $ref} (everit ignores the keywords beside it): one of the bundle's definitions. Any other reference (the
     * root, a deeper or escaped pointer, another document) is not in our bundles, and UNKNOWN.
     */
    private Node reference(Object ref) {
      String prefix = "#/definitions/";
      JSONObject definitions = bundle.optJSONObject("definitions");
      if (!(ref instanceof String r) || !r.startsWith(prefix) || definitions == null) {
        return unknown();
      }
      String name = r.substring(prefix.length());
      if (name.contains("/") || name.contains("~") || name.contains("%")) {
        return unknown(); // a deeper or escaped pointer: not in our bundles
      }
      Object target = definitions.opt(name);
      return target == null ? unknown() : compile(target);
    }

    private static Node unknown() {
      Node n = new Node();
      n.empty = false;
      n.unknown = true;
      return n;
    }

    /** Sets one keyword on the node; false when the proof does not mirror it (or its value's form). */
    private boolean keyword(Node n, String key, Object value, JSONObject schema) {
      n.empty = false;
      n.keywords++;
      switch (key) {
        case "type":
          return types(n, value);
        case "enum":
          if (!(value instanceof JSONArray a)) {
            return false;
          }
          n.enumStrings = new HashSet<>();
          for (Object x : a) {
            if (x instanceof String s) {
              n.enumStrings.add(s);
            } else {
              n.enumHasOthers = true;
            }
          }
          return true;
        case "minLength":
          return (n.minLength = count(value)) >= 0;
        case "maxLength":
          return (n.maxLength = count(value)) >= 0;
        case "minItems":
          return (n.minItems = count(value)) >= 0;
        case "maxItems":
          return (n.maxItems = count(value)) >= 0;
        case "pattern":
          if (!(value instanceof String p)) {
            return false;
          }
          n.pattern = Pattern.compile(p);
          n.patternChars = quickChars(p);
          return true;
        case "format":
          if (!CONNECT_URL.formatName().equals(value)) {
            return false;
          }
          n.format = CONNECT_URL;
          return true;
        case "minimum":
          if (!(value instanceof Integer || value instanceof Long)) {
            return false;
          }
          n.minimum = BigDecimal.valueOf(((Number) value).longValue());
          return true;
        case "required":
          if (!(value instanceof JSONArray a)) {
            return false;
          }
          List<String> names = new ArrayList<>();
          for (Object x : a) {
            if (!(x instanceof String s)) {
              return false;
            }
            names.add(s.intern()); // as the reader's keys are: a look-up then finds the same instance
          }
          n.required = names.toArray(String[]::new);
          return true;
        case "properties":
          if (!(value instanceof JSONObject p)) {
            return false;
          }
          n.properties = new HashMap<>();
          for (String name : p.keySet()) {
            // interned, as Jackson interns the keys it reads: each look-up of a key meets the same instance and is
            // settled without comparing characters
            n.properties.put(name.intern(), compile(p.get(name)));
          }
          return true;
        case "patternProperties":
          if (!(value instanceof JSONObject p)) {
            return false;
          }
          List<String> regexes = new ArrayList<>(p.keySet());
          n.patterns = new Pattern[regexes.size()];
          n.patternSchemas = new Node[regexes.size()];
          for (int i = 0; i < regexes.size(); i++) {
            n.patterns[i] = Pattern.compile(regexes.get(i));
            n.patternSchemas[i] = compile(p.get(regexes.get(i)));
          }
          return true;
        case "additionalProperties":
          if (Boolean.FALSE.equals(value)) {
            n.noAdditional = true;
          } else if (!Boolean.TRUE.equals(value)) {
            n.additional = compile(value);
          }
          return true;
        case "propertyNames":
          n.propertyNames = compile(value);
          return true;
        case "items":
          if (value instanceof JSONArray) {
            return false; // a tuple: not in our schemas
          }
          n.items = compile(value);
          return true;
        case "allOf":
          return (n.allOf = all(value)) != null;
        case "anyOf":
          return (n.anyOf = all(value)) != null;
        case "oneOf":
          return (n.oneOf = all(value)) != null;
        case "not":
          n.not = compile(value);
          return true;
        case "if":
          n.ifSchema = compile(value);
          return true;
        case "then":
          n.thenSchema = compile(value);
          return schema.has("if"); // without "if": not in our schemas
        case "else":
          n.elseSchema = compile(value);
          return schema.has("if");
        default:
          return false;
      }
    }

    private Node[] all(Object value) {
      if (!(value instanceof JSONArray a) || a.isEmpty()) {
        return null;
      }
      Node[] out = new Node[a.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = compile(a.get(i));
      }
      return out;
    }

    private static int count(Object value) {
      return value instanceof Integer i && i >= 0 ? i : -1;
    }

    private static boolean types(Node n, Object value) {
      if (value instanceof String s) {
        Integer t = TYPES.get(s);
        n.types = t == null ? -1 : t;
        return t != null;
      }
      if (value instanceof JSONArray a && !a.isEmpty()) {
        for (Object x : a) {
          Integer t = x instanceof String s ? TYPES.get(s) : null;
          if (t == null) {
            return false;
          }
          n.types |= t;
        }
        return true;
      }
      return false;
    }
  }
}
