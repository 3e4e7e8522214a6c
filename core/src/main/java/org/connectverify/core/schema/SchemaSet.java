package org.connectverify.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.connectverify.core.Product;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.text.Strings;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

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

  private final Map<Product, FutureTask<Schema>> compiled = new ConcurrentHashMap<>();
  private final Map<Product, Set<String>> moduleTypes = new EnumMap<>(Product.class);
  private Set<String> topLevelFields;
  /** Each schema document parsed once, for the module types, the top-level fields and the compile alike. */
  private final Map<String, JsonNode> trees = new HashMap<>();

  /** The process-wide set. */
  public static SchemaSet shared() {
    return SHARED;
  }

  /** The compiled schema of a product (compiled here, or waited for when another thread is compiling it). */
  public Schema schema(Product product) {
    FutureTask<Schema> task = task(product);
    task.run(); // does nothing when the task already ran or runs on another thread
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
      throw new IllegalStateException("interrupted while compiling the " + product.label() + " schema", e);
    }
  }

  /**
   * Starts compiling a product's schema on a background daemon thread, so that it overlaps other start-up work (the
   * command line, reading the descriptors) on a second core; {@link #schema} then takes the result or waits for it.
   */
  public void prefetch(Product product) {
    FutureTask<Schema> task = task(product);
    if (!task.isDone()) {
      Thread t = new Thread(task, "connect-verify-schema-" + product.label());
      t.setDaemon(true);
      t.start();
    }
  }

  private FutureTask<Schema> task(Product product) {
    return compiled.computeIfAbsent(product, p -> new FutureTask<>(() -> compile(p)));
  }

  private Schema compile(Product product) {
    JSONObject json = SchemaBundle.bundle(fileName(product), name -> (JSONObject) OrgJson.of(tree(name)));
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

  /** A schema document as a tree (parsed on first use; callers must not change it). */
  private synchronized JsonNode tree(String name) {
    JsonNode tree = trees.get(name);
    if (tree == null) {
      byte[] bytes;
      try (InputStream in = open(name)) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      JsonReader.Result r = new JsonReader().read(bytes, BASE + name);
      if (!r.parsed()) {
        throw new IllegalStateException("schema " + BASE + name + " does not parse: " + r.findings());
      }
      tree = r.root();
      trees.put(name, tree);
    }
    return tree;
  }

  /** The member names of the object at {@code pointer} in a schema document, in document order. */
  private Set<String> names(String file, String pointer) {
    Set<String> out = new LinkedHashSet<>();
    tree(file).at(pointer).fieldNames().forEachRemaining(out::add);
    return Collections.unmodifiableSet(out);
  }

  /** Module types the product's schema declares, in schema order (read once). */
  public synchronized Set<String> moduleTypes(Product product) {
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
  public synchronized Set<String> topLevelFields() {
    if (topLevelFields == null) {
      topLevelFields = names("shared.schema.json", "/definitions/descriptor/properties");
    }
    return topLevelFields;
  }

  /** The known module types closest to {@code name} (edit distance), best first. */
  public List<String> closestModuleTypes(Product product, String name) {
    return Strings.closest(name, moduleTypes(product));
  }
}
