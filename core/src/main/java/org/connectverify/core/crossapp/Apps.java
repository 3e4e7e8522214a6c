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

  /** True when two members are the same descriptor found twice (equal trees): they are one app, not two. */
  static boolean same(SetContext.Member a, SetContext.Member b) {
    return a.descriptor().root().equals(b.descriptor().root());
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
        collect(e.getValue(), Pointers.child(pointer, e.getKey()), e.getKey(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), Pointers.child(pointer, i), name, out);
      }
    }
  }
}
