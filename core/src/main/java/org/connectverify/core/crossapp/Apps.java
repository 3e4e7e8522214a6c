package org.connectverify.core.crossapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.connectverify.core.Product;
import org.connectverify.core.SetContext;
import org.connectverify.core.json.Pointers;

/** Helpers the cross-app checks share. */
final class Apps {
  private Apps() {}

  /** Words that name an environment, in app keys ({@code com.acme.app.staging}) and file names ({@code connect-dev.json}). */
  private static final java.util.regex.Pattern ENV_WORD =
      java.util.regex.Pattern.compile(
          "(?i)([._-])(dev|development|local|staging|stage|stg|test|testing|qa|uat|preprod|prod|production)(?=$|[._-])");
  /** Keys from tutorials and scaffolds, not chosen for an app: they say nothing about which app a file is. */
  private static final java.util.regex.Pattern SCAFFOLD_KEY =
      java.util.regex.Pattern.compile(
          "(?i)(com\\.example\\.)?my[-_.]?(app|add-?on|plugin)([-_.]?key)?|app[-_.]?key|example[-_.]?(app|add-?on)");

  /**
   * True when two members are one app: the same descriptor found twice (equal trees), or the same key, or keys that
   * differ only by an environment word ({@code com.acme.app} and {@code com.acme.app.staging}), or a key from a
   * tutorial on either side (a scaffold, not a second app). A folder holding dev and prod variants, a template and
   * its build output, or a stale copy, holds one app in several environments, not apps in conflict.
   */
  static boolean same(SetContext.Member a, SetContext.Member b) {
    if (a.descriptor().root().equals(b.descriptor().root())) {
      return true;
    }
    String ka = a.descriptor().key();
    String kb = b.descriptor().key();
    if (ka == null || kb == null || ka.isBlank() || kb.isBlank()) {
      return false;
    }
    if (scaffoldKey(ka) || scaffoldKey(kb)) {
      return true;
    }
    return family(ka).equalsIgnoreCase(family(kb));
  }

  /** True for a key a tutorial or scaffold chose ({@code my-app-key}, {@code com.example.myapp}). */
  static boolean scaffoldKey(String key) {
    return SCAFFOLD_KEY.matcher(key.trim()).matches();
  }

  /** The key without environment words: what the dev, staging and production variants of one app share. */
  static String family(String key) {
    return ENV_WORD.matcher(key.trim()).replaceAll("");
  }

  /**
   * True for a file that is an environment variant for development or testing ({@code connect-dev.json},
   * {@code atlassian-connect.local.json}, {@code atlassian-connect-test.json}): customers never install it.
   */
  static boolean developmentVariant(SetContext.Member m) {
    String file = m.descriptor().file();
    String name = file.substring(file.lastIndexOf('/') + 1);
    name = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    java.util.regex.Matcher e = ENV_WORD.matcher(name);
    while (e.find()) {
      String w = e.group(2).toLowerCase(java.util.Locale.ROOT);
      if (!w.startsWith("prod")) {
        return true;
      }
    }
    return false;
  }

  /** True when the two apps can be installed in the same product (Jira with Jira, either with an undecided one). */
  static boolean sameProduct(SetContext.Member a, SetContext.Member b) {
    Product pa = a.descriptor().product();
    Product pb = b.descriptor().product();
    return pa == pb || pa == Product.COMMON || pb == Product.COMMON;
  }

  /** How a related location names the other app: its key and file. */
  static String describe(SetContext.Member m) {
    String key = m.descriptor().key();
    return key != null && !key.isBlank() ? "app \"" + key + "\" (" + m.descriptor().file() + ")" : m.descriptor().file();
  }

  /** A URL the descriptor refers to, and where. */
  record Reference(String pointer, String url) {}

  /**
   * The URLs that may name files: translation paths, and every {@code url} or {@code *Url} member (icons, pages,
   * thumbnails), except the app-level baseUrl, regionBaseUrls and vendor url.
   */
  static List<Reference> references(JsonNode root) {
    List<Reference> out = new ArrayList<>();
    collect(root, "", null, out);
    return out;
  }

  private static void collect(JsonNode n, String pointer, String name, List<Reference> out) {
    if (n.isTextual()) {
      boolean translation = pointer.startsWith("/translations/paths/");
      boolean urlField =
          name != null
              && (name.equals("url") || name.endsWith("Url"))
              && !pointer.equals("/baseUrl")
              && !pointer.startsWith("/regionBaseUrls")
              && !pointer.equals("/vendor/url");
      if (translation || urlField) {
        out.add(new Reference(pointer, n.asText()));
      }
    } else if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v.isContainerNode() || v.isTextual() && mayReference(pointer, e.getKey())) {
          collect(v, Pointers.child(pointer, e.getKey()), e.getKey(), out);
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        JsonNode v = n.get(i);
        if (v.isContainerNode() || v.isTextual() && mayReference(pointer, name)) {
          collect(v, Pointers.child(pointer, i), name, out);
        }
      }
    }
  }

  /**
   * Whether a string under {@code parent}, named {@code name}, can be a reference {@link #collect} keeps: a URL member,
   * or under the translation paths. Most strings are neither, and get no pointer.
   */
  private static boolean mayReference(String parent, String name) {
    return name != null && (name.equals("url") || name.endsWith("Url"))
        || parent.equals("/translations/paths")
        || parent.startsWith("/translations/paths/");
  }
}
