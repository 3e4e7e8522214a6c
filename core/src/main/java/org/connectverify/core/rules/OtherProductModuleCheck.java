package org.connectverify.core.rules;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Product;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.schema.SchemaSet;

/**
 * Module types of the other product: a Confluence module in a descriptor checked as Jira (or the reverse), or, when
 * the descriptor was checked against what both share, modules of both products in one descriptor. The host refuses
 * to install a module type it does not know. The schema check leaves these to this rule and reports only types that
 * no product knows ({@code schema/unknown-module-type}).
 */
public final class OtherProductModuleCheck implements Check {
  public static final Rule OTHER_PRODUCT =
      Rule.of(
          "modules/other-product",
          Severity.ERROR,
          "A module type that belongs to the other product (a Confluence module in a Jira app, or the reverse).");

  private final SchemaSet schemas;

  public OtherProductModuleCheck(SchemaSet schemas) {
    this.schemas = schemas;
  }

  @Override
  public List<Rule> rules() {
    return List.of(OTHER_PRODUCT);
  }

  @Override
  public void check(CheckContext ctx) {
    Product product = ctx.product();
    Set<String> own = schemas.moduleTypes(product);
    Iterator<String> types = ctx.descriptor().modules().fieldNames();
    while (types.hasNext()) {
      String type = types.next();
      if (own.contains(type)) {
        continue;
      }
      Set<Product> owners = schemas.productsOf(type);
      if (owners.isEmpty()) {
        continue; // no product knows it: schema/unknown-module-type
      }
      Product owner = owners.iterator().next();
      String message;
      String hint;
      if (product == Product.COMMON) {
        message =
            "module type \"" + type + "\" is " + owner.displayName() + "'s, but this descriptor also has "
                + owner.other().displayName() + " module types: one app cannot extend both products";
        hint =
            "split the descriptor into a Jira app and a Confluence app, or check it with "
                + ctx.options().optionNames().of("product", "jira|confluence");
      } else {
        message =
            "module type \"" + type + "\" belongs to " + owner.displayName() + ", but this descriptor is checked as "
                + product.displayName() + " (" + ctx.descriptor().productReason() + "): " + product.displayName()
                + " refuses to install it";
        hint =
            "remove the module, move it to a separate " + owner.displayName() + " app, or check with "
                + ctx.options().optionNames().of("product", owner.label()) + " if this is a " + owner.displayName()
                + " app";
      }
      ctx.report(OTHER_PRODUCT, ctx.atKey(Pointers.child("/modules", type)), message, hint);
    }
  }
}
