package org.connectverify.core.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.connectverify.core.Product;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.text.Strings;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Our JSON Schemas (from the {@code schemas} module) for each product, parsed and compiled at most once per instance,
 * on first use (or ahead of it, on a background thread: {@link #prefetch}). Also answers which module types and
 * top-level fields each product knows, read from the same schemas so that nothing is listed twice. Thread-safe.
 */
public final class SchemaSet {
  static final String BASE = "org/connectverify/schemas/";

  /**
   * The schemas are constants of the class path, so one process-wide set serves every verifier: a host that verifies
   * many times (a build, a server, the tests) compiles each product's schema once.
   */
  private static final SchemaSet SHARED = new SchemaSet();

  private final Map<Product, FutureTask<Compiled>> compiled = new ConcurrentHashMap<>();
  /** Each product's bundled schema document (read-only once made: everit's compile and the proof both read it). */
  private final Map<Product, FutureTask<JSONObject>> bundles = new ConcurrentHashMap<>();
  private final Map<Product, FutureTask<SchemaProof>> proofs = new ConcurrentHashMap<>();
  /** Set by {@link #expectMany}: validate with each product's whole schema from the start. */
  private volatile boolean many;

  /** A run with at least this many documents says so with {@link #expectMany}. */
  public static final int MANY_DOCUMENTS = 4;
  /** Names read from the schema documents once, and read without a lock (every descriptor asks, on every thread). */
  private final Map<Product, Set<String>> moduleTypes = new ConcurrentHashMap<>();
  private volatile Set<String> topLevelFields;
  /** The products a {@link #prefetch} thread is compiling for. */
  private final Set<Product> prefetching = ConcurrentHashMap.newKeySet();

  /** The process-wide set. */
  public static SchemaSet shared() {
    return SHARED;
  }

  /**
   * Validates a document against a product's schema and returns the violations, each as everit reports it, with
   * pointers from the document's root: those of {@link #validate(Product, Object)} over its org.json copy. everit
   * validates only what {@link SchemaProof} cannot clear: nothing for a document it proves valid (nine in ten). Of
   * another, while documents are validated in parts: the top level (module types aside) unless the proof clears it,
   * and the module types (of an array type only the items) it cannot clear; else the whole document. The parts are
   * those of {@link #validate(Product, Object)}, whose violations are those of the whole. Once many documents are
   * expected the whole schema is compiled, and validates the whole document: compiling module types one by one as
   * well would cost a cold run more than it saves.
   */
  public List<ValidationException> validate(Product product, JsonNode document) {
    SchemaProof proof = proof(product);
    JsonNode modules = document.get("modules");
    if (many || modules == null || !modules.isObject()) {
      return proof.proves(document) ? List.of() : validate(product, OrgJson.of(document));
    }
    // In parts, the proof clears part after part: a document it clears takes the walks of one proof of the whole, and
    // one it cannot clear is not walked whole first. A type the product does not have is the top level's to report.
    boolean topLevel = proof.provesTopLevel(document);
    List<String> unproven = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = modules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (proof.hasModuleType(e.getKey()) && !proof.provesModuleType(e.getKey(), e.getValue())) {
        (unproven == null ? unproven = new ArrayList<>() : unproven).add(e.getKey());
      }
    }
    if (topLevel && unproven == null) {
      return List.of(); // everit's schema is not waited for
    }
    Compiled c = compiled(product);
    List<ValidationException> out = new ArrayList<>();
    if (!topLevel) { // the shell, as validate(Product, Object) validates it first: not the module types it cleared
      try {
        c.shell().validate(OrgJson.of(document));
      } catch (ValidationException e) {
        out.add(e);
      }
    }
    if (unproven != null) {
      Collections.sort(unproven); // the order of the parts' validation below
      for (String type : unproven) {
        validate(proof, type, c.moduleType(type), modules.get(type), out);
      }
    }
    return out;
  }

  /**
   * everit's violations of one module type's schema in its value: when the type is an array of items and the value an
   * array, those of each item the proof cannot clear against the item schema, as everit's array validation finds them
   * (each prepended with its index); else those of the whole value.
   */
  private static void validate(
      SchemaProof proof, String type, Schema schema, JsonNode value, List<ValidationException> out) {
    Schema items = value.isArray() && proof.isArrayOfItems(type) ? itemsOnly(schema) : null;
    if (items == null) {
      try {
        schema.validate(OrgJson.of(value));
      } catch (ValidationException e) {
        out.add(e.prepend(type).prepend("modules"));
      }
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!proof.provesModuleItem(type, item)) {
        try {
          items.validate(OrgJson.of(item));
        } catch (ValidationException e) {
          out.add(e.prepend(String.valueOf(i)).prepend(type).prepend("modules"));
        }
      }
    }
  }

  /** The item schema of an array schema that checks nothing else, or null. */
  private static Schema itemsOnly(Schema schema) {
    return schema instanceof ArraySchema a
            && a.requiresArray()
            && a.getItemSchemas() == null
            && a.getMinItems() == null
            && a.getMaxItems() == null
            && !a.needsUniqueItems()
            && a.getContainedItemSchema() == null
            && a.getSchemaOfAdditionalItems() == null
        ? a.getAllItemSchema()
        : null;
  }

  /**
   * Validates a document (org.json values, as {@link OrgJson} makes them) against a product's schema and returns the
   * violations, each as everit reports it, with pointers from the document's root. Until many documents are expected
   * (see {@link Compiled}), the document is validated in parts: the top level against the product schema without its
   * module types' schemas, then each module type the document has against that type's schema, compiled on first use.
   * The violations are those of one validation against the whole schema; only a descriptor's own module types are
   * compiled, so a run over one small descriptor compiles a few module definitions rather than all of a product's.
   */
  public List<ValidationException> validate(Product product, Object document) {
    Compiled c = compiled(product);
    List<ValidationException> out = new ArrayList<>();
    Schema whole = c.whole(many);
    if (whole != null) {
      try {
        whole.validate(document);
      } catch (ValidationException e) {
        out.add(e);
      }
      return out;
    }
    try {
      c.shell().validate(document);
    } catch (ValidationException e) {
      out.add(e);
    }
    if (document instanceof JSONObject root && root.opt("modules") instanceof JSONObject modules) {
      List<String> types = new ArrayList<>(modules.keySet());
      Collections.sort(types); // org.json keeps no member order; validate in one order every run
      for (String type : types) {
        Schema schema = c.moduleType(type);
        if (schema == null) {
          continue; // not a module type of the product: the top level reports it
        }
        try {
          schema.validate(modules.get(type));
        } catch (ValidationException e) {
          out.add(e.prepend(type).prepend("modules"));
        }
      }
    }
    return out;
  }

  /**
   * Says that many documents are about to be validated (a run over a folder of descriptors, a build): each product's
   * schema is then compiled whole, in one pass, rather than module type by module type, so that the definitions the
   * module types share compile once. Only the speed changes, never the violations.
   */
  public void expectMany() {
    many = true;
  }

  /**
   * Starts compiling, on a background daemon thread, what validating a document with these module types will use and
   * is not compiled yet: the product's schema and, while documents are validated in parts, the types' own schemas. A
   * verify calls it when it has read a descriptor, and validates it after its other checks, so the schema compiles
   * meanwhile on the second core.
   */
  public void prefetch(Product product, Collection<String> moduleTypes) {
    FutureTask<Compiled> task = task(product);
    if (task.isDone() && done(task).compiled(many, moduleTypes) || !prefetching.add(product)) {
      return; // nothing to compile, or a prefetch of this product is under way (the validation compiles the rest)
    }
    Thread t =
        new Thread(
            () -> {
              try {
                Compiled c = compiled(product);
                if (c.whole(many) == null) {
                  moduleTypes.forEach(c::moduleType);
                }
              } catch (RuntimeException e) {
                // kept by the compile's task: the validation that needs the schema reports it, as a check failure
              } finally {
                prefetching.remove(product);
              }
            },
            "connect-verify-schema-" + product.label());
    t.setDaemon(true);
    t.start();
  }

  /** Compiles a product's schema in this thread, unless it is compiled or compiling. */
  public void warm(Product product) {
    compiled(product);
  }

  private Compiled compiled(Product product) {
    return once(task(product));
  }

  /** Runs a task in this thread, unless it ran or runs on another, and returns its result. */
  private static <T> T once(FutureTask<T> task) {
    task.run(); // does nothing when the task already ran or runs on another thread
    return done(task);
  }

  private JSONObject bundle(Product product) {
    return once(
        bundles.computeIfAbsent(
            product, p -> new FutureTask<>(() -> SchemaBundle.bundle(fileName(p), SchemaSet::document))));
  }

  private static <T> T done(FutureTask<T> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling a schema", e);
    }
  }

  private FutureTask<Compiled> task(Product product) {
    return compiled.computeIfAbsent(product, p -> new FutureTask<>(() -> compile(p)));
  }

  private Compiled compile(Product product) {
    JSONObject bundle = bundle(product);
    return new Compiled(load(shell(bundle)), bundle, bundle.getJSONObject("definitions"), typeSchemas(bundle));
  }

  /** The product's proof, compiled once per instance from the bundle everit's compile reads too. */
  SchemaProof proof(Product product) {
    return once(
        proofs.computeIfAbsent(
            product,
            p ->
                new FutureTask<>(
                    () -> {
                      JSONObject bundle = bundle(p);
                      return SchemaProof.of(bundle, shell(bundle), typeSchemas(bundle));
                    })));
  }

  /** The module types' schemas of a bundled product schema, by type name. */
  private static JSONObject typeSchemas(JSONObject bundle) {
    return bundle.getJSONObject("properties").getJSONObject("modules").getJSONObject("properties");
  }

  /**
   * The shell of a bundled product schema: the same document with every module type's schema replaced by {}
   * (anything), so that unknown module types and the modules object itself are still checked by it.
   */
  private static JSONObject shell(JSONObject bundle) {
    JSONObject anything = new JSONObject();
    JSONObject shellTypes = new JSONObject();
    for (String type : typeSchemas(bundle).keySet()) {
      shellTypes.put(type, anything);
    }
    JSONObject shell = shallowCopy(bundle);
    JSONObject properties = shallowCopy(bundle.getJSONObject("properties"));
    JSONObject modules = shallowCopy(properties.getJSONObject("modules"));
    modules.put("properties", shellTypes);
    properties.put("modules", modules);
    shell.put("properties", properties);
    return shell;
  }

  private static JSONObject shallowCopy(JSONObject o) {
    JSONObject copy = new JSONObject();
    for (String key : o.keySet()) {
      copy.put(key, o.get(key));
    }
    return copy;
  }

  private static Schema load(JSONObject json) {
    SchemaLoader loader =
        SchemaLoader.builder()
            .draftV7Support()
            .schemaClient(SchemaClient.classPathAwareClient())
            .resolutionScope("classpath://" + BASE)
            .addFormatValidator(new ConnectUrlFormat())
            .schemaJson(json)
            .build();
    return loader.load().build();
  }

  /**
   * A product's compiled schema: the shell (everything but the module types' own schemas) and each module type's
   * schema, compiled from the bundle's definitions on first use (once, whichever thread asks first). Each module type
   * compiles the definitions it uses for itself; once a process has needed {@link #WHOLE_AFTER} module types, or
   * expects many documents, the whole schema is compiled in one pass, so that shared definitions compile once, and
   * validates from then on.
   */
  private static final class Compiled {
    static final int WHOLE_AFTER = 8;
    private final Schema shell;
    private final JSONObject definitions;
    private final JSONObject typeSchemas;
    private final Map<String, FutureTask<Schema>> types = new ConcurrentHashMap<>();
    private final FutureTask<Schema> whole;

    Compiled(Schema shell, JSONObject bundle, JSONObject definitions, JSONObject typeSchemas) {
      this.shell = shell;
      this.definitions = definitions;
      this.typeSchemas = typeSchemas;
      this.whole = new FutureTask<>(() -> load(bundle));
    }

    /** The whole schema when many documents are expected or many module types were needed, else null. */
    Schema whole(boolean many) {
      if (!many && types.size() < WHOLE_AFTER) {
        return null;
      }
      return once(whole);
    }

    Schema shell() {
      return shell;
    }

    /**
     * True when what {@link #whole} says validates is compiled: the whole schema, or each of these module types (or it
     * is not the product's).
     */
    boolean compiled(boolean many, Collection<String> moduleTypes) {
      if (many || types.size() >= WHOLE_AFTER) {
        return whole.isDone();
      }
      for (String type : moduleTypes) {
        FutureTask<Schema> task = types.get(type);
        if (typeSchemas.has(type) && (task == null || !task.isDone())) {
          return false;
        }
      }
      return true;
    }

    /** The schema of one module type, or null when the product has no such type. */
    Schema moduleType(String type) {
      if (!typeSchemas.has(type)) {
        return null;
      }
      FutureTask<Schema> task =
          types.computeIfAbsent(
              type,
              t ->
                  new FutureTask<>(
                      () -> {
                        JSONObject json = shallowCopy(typeSchemas.getJSONObject(t));
                        json.put("definitions", definitions);
                        return load(json);
                      }));
      return once(task);
    }
  }

  static String fileName(Product product) {
    return product.label() + ".schema.json";
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = SchemaSet.class.getClassLoader().getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IOException("schema " + BASE + name + " is missing from the class path");
    }
    return in;
  }

  /**
   * A schema document as everit's org.json values, read straight from the class path with org.json's own parser (the
   * compile needs no source positions, and a fresh copy may be changed by the bundler).
   */
  private static JSONObject document(String name) {
    try (InputStream in = open(name)) {
      return new JSONObject(new JSONTokener(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The member names of the object at {@code pointer} (a path of object keys) in a schema document, in document order.
   * Streamed: every other value is skipped, and no tree or source map is built for a list of names.
   */
  private static Set<String> names(String file, String pointer) {
    List<String> path = Pointers.tokens(pointer);
    Set<String> out = new LinkedHashSet<>();
    try (InputStream in = open(file);
        JsonParser p = new JsonFactory().createParser(in)) {
      int depth = 0; // the tokens of path matched so far: the parser is inside the object they name
      JsonToken t = p.nextToken();
      while (t == JsonToken.START_OBJECT && depth < path.size()) {
        t = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals(path.get(depth))) {
            t = value;
            depth++;
            break;
          }
          p.skipChildren();
        }
      }
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalStateException("schema " + BASE + file + " has no object at " + pointer);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        out.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableSet(out);
  }

  /** Module types the product's schema declares, in schema order (read once). */
  public Set<String> moduleTypes(Product product) {
    return moduleTypes.computeIfAbsent(product, p -> names(fileName(p), "/properties/modules/properties"));
  }

  /** The products (Jira, Confluence) whose schema declares this module type, in enum order; empty for none. */
  public Set<Product> productsOf(String moduleType) {
    Set<Product> out = java.util.EnumSet.noneOf(Product.class);
    for (Product p : List.of(Product.JIRA, Product.CONFLUENCE)) {
      if (moduleTypes(p).contains(moduleType)) {
        out.add(p);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** Top-level fields every descriptor may have (from the shared descriptor definition; read once). */
  public Set<String> topLevelFields() {
    Set<String> fields = topLevelFields;
    if (fields == null) {
      fields = names("shared.schema.json", "/definitions/descriptor/properties"); // the same set, whoever reads it
      topLevelFields = fields;
    }
    return fields;
  }

  /** The known module types closest to {@code name} (edit distance), best first. */
  public List<String> closestModuleTypes(Product product, String name) {
    return Strings.closest(name, moduleTypes(product));
  }
}
