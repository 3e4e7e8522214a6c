package org.connectverify.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Product;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.text.Strings;

/**
 * Connect scopes in {@code permissions.scopes} (a list, or a map of scope to options): the names Forge knows ({@code
 * read|write|delete|admin|act-as-user|access-email-addresses} with {@code :connect-jira} or {@code :connect-confluence},
 * {@code project-admin:connect-jira}, {@code space-admin:connect-confluence}), and for the product the app's modules
 * are for. A scope of the other product deploys but grants the app's Connect modules nothing.
 */
public final class ConnectScopesCheck implements Check {
  public static final Rule UNKNOWN =
      Rule.of(
          "manifest/connect-scope",
          Severity.ERROR,
          "A :connect-jira or :connect-confluence scope that Forge does not know: forge deploy refuses the manifest.");
  public static final Rule PRODUCT =
      Rule.of(
          "manifest/connect-scope-product",
          Severity.WARNING,
          "A Connect scope for the other product (read:connect-confluence in a Jira app): it grants this app's"
              + " Connect modules nothing.");

  private static final List<String> COMMON = List.of("read", "write", "delete", "admin", "act-as-user",
      "access-email-addresses");
  static final Set<String> VALID = valid();

  /** The scope names of the descriptor schema: a Connect scope of the mapped product outside them is its to report. */
  private static final Set<String> DESCRIPTOR_SCOPES =
      Set.of("NONE", "READ", "WRITE", "DELETE", "PROJECT_ADMIN", "SPACE_ADMIN", "ADMIN", "ACT_AS_USER",
          "ACCESS_EMAIL_ADDRESSES");

  private static Set<String> valid() {
    List<String> all = new ArrayList<>();
    for (String product : List.of("jira", "confluence")) {
      COMMON.forEach(s -> all.add(s + ":connect-" + product));
    }
    all.add("project-admin:connect-jira");
    all.add("space-admin:connect-confluence");
    return Set.copyOf(all);
  }

  @Override
  public List<Rule> rules() {
    return List.of(UNKNOWN, PRODUCT);
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode doc = ManifestDoc.of(ctx);
    if (doc == null) {
      return;
    }
    JsonNode scopes = doc.path("permissions").path("scopes");
    List<String[]> entries = new ArrayList<>();
    if (scopes.isArray()) {
      for (int i = 0; i < scopes.size(); i++) {
        if (scopes.get(i).isTextual()) {
          entries.add(new String[] {scopes.get(i).asText(), "/permissions/scopes/" + i, "value"});
        }
      }
    } else if (scopes.isObject()) {
      for (Iterator<String> it = scopes.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        entries.add(new String[] {name, Pointers.child("/permissions/scopes", name), "key"});
      }
    }
    String product = product(ctx, doc);
    List<String> valid = VALID.stream().sorted().toList();
    for (String[] e : entries) {
      String scope = e[0];
      int at = scope.indexOf(":connect-");
      if (at < 0 || org.connectverify.core.template.TemplateEngine.holdsPlaceholder(scope)) {
        continue;
      }
      var position = e[2].equals("key") ? ManifestDoc.atKey(ctx, e[1]) : ManifestDoc.at(ctx, e[1]);
      String scopeProduct = scope.substring(at + ":connect-".length());
      if (!VALID.contains(scope) && !schemaReports(ctx, doc, scope.substring(0, at), scopeProduct)) {
        List<String> close = Strings.closest(scope, valid);
        ctx.report(
            UNKNOWN,
            position,
            "'" + scope + "' is not a Connect scope Forge knows",
            close.isEmpty()
                ? "Connect scopes: " + String.join(", ", valid)
                : "did you mean '" + close.get(0) + "'?");
        continue;
      }
      if (!VALID.contains(scope)) {
        continue;
      }
      if (product != null && !scopeProduct.equals(product)) {
        ctx.report(
            PRODUCT,
            position,
            "'" + scope + "' is a " + scopeProduct + " scope, but the app's modules are for " + product
                + ": it grants them nothing",
            "use '" + scope.substring(0, at) + ":connect-" + product + "'"
                + (VALID.contains(scope.substring(0, at) + ":connect-" + product) ? "" : " or drop the scope"));
      }
    }
  }

  /**
   * True when the scope became one of the descriptor's scopes (Connect modules, and the mapped product's suffix) and
   * the descriptor's schema refuses its name: {@code schema/enum} reports it there.
   */
  private static boolean schemaReports(CheckContext ctx, JsonNode doc, String name, String scopeProduct) {
    String mapped = ManifestDoc.mappedPrefix(ctx, doc);
    return mapped != null
        && mapped.equals(scopeProduct)
        && !DESCRIPTOR_SCOPES.contains(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }

  /** The app's product: its connectModules prefix, else its native modules' prefix; null when neither says. */
  private static String product(CheckContext ctx, JsonNode doc) {
    Product fromConnect = ConnectParts.productOf(doc);
    if (fromConnect != null) {
      return ctx.descriptor().origin().connect() && ctx.product() != Product.COMMON
          ? ctx.product().label()
          : fromConnect.label();
    }
    int jira = 0;
    int confluence = 0;
    for (Iterator<String> it = doc.path("modules").fieldNames(); it.hasNext(); ) {
      String type = it.next();
      if (type.startsWith("jira:")) {
        jira++;
      } else if (type.startsWith("confluence:")) {
        confluence++;
      }
    }
    if (jira == confluence) {
      return null;
    }
    return jira > confluence ? "jira" : "confluence";
  }
}
