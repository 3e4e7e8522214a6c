package org.connectverify.core.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Turns a product schema and the schema documents it references ({@code shared.schema.json#/definitions/x}) into one
 * document whose references are all local ({@code #/definitions/shared.x}). everit fetches and parses a referenced
 * document once per distinct pointer into it, which made compiling the Jira schema parse its module definitions some
 * forty times; one bundled document is parsed once.
 */
final class SchemaBundle {
  private static final String DEFINITIONS = "#/definitions/";

  private SchemaBundle() {}

  /**
   * @param rootName the product schema's file name
   * @param read reads a schema document by file name (fresh, mutable)
   */
  static JSONObject bundle(String rootName, Function<String, JSONObject> read) {
    JSONObject root = read.apply(rootName);
    JSONObject definitions = root.optJSONObject("definitions");
    if (definitions == null) {
      definitions = new JSONObject();
      root.put("definitions", definitions);
    }
    Set<String> done = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    rewrite(root, null, pending);
    while (!pending.isEmpty()) {
      String doc = pending.poll();
      if (!done.add(doc)) {
        continue;
      }
      JSONObject other = read.apply(doc).optJSONObject("definitions");
      if (other == null) {
        continue;
      }
      rewrite(other, doc, pending);
      for (String name : other.keySet()) {
        definitions.put(prefix(doc) + name, other.get(name));
      }
    }
    return root;
  }

  /** The definition-name prefix of a document: {@code shared.schema.json} becomes {@code shared.}. */
  static String prefix(String doc) {
    return doc.substring(0, doc.indexOf('.')) + ".";
  }

  /** Rewrites every {@code $ref} under node; {@code doc} is the document node came from (null for the root). */
  private static void rewrite(Object node, String doc, Deque<String> pending) {
    if (node instanceof JSONObject o) {
      Object ref = o.opt("$ref");
      if (ref instanceof String r) {
        o.put("$ref", local(r, doc, pending));
      }
      for (String key : o.keySet()) {
        if (!key.equals("$ref")) {
          rewrite(o.get(key), doc, pending);
        }
      }
    } else if (node instanceof JSONArray a) {
      for (Object x : a) {
        rewrite(x, doc, pending);
      }
    }
  }

  private static String local(String ref, String doc, Deque<String> pending) {
    int hash = ref.indexOf('#');
    String target = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "#" : ref.substring(hash);
    if (target.isEmpty()) {
      target = doc; // a local reference inside a referenced document
    } else {
      pending.add(target);
    }
    if (target == null) {
      return ref; // a local reference in the root document
    }
    if (!fragment.startsWith(DEFINITIONS)) {
      throw new IllegalStateException("cannot bundle reference " + ref + ": only #/definitions/... is supported");
    }
    return DEFINITIONS + prefix(target) + fragment.substring(DEFINITIONS.length());
  }
}
