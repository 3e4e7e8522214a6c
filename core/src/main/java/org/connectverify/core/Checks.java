package org.connectverify.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.json.JsonRules;
import org.connectverify.core.product.ConditionsCheck;
import org.connectverify.core.product.ContextParametersCheck;
import org.connectverify.core.product.ProductFacts;
import org.connectverify.core.product.ScopesCheck;
import org.connectverify.core.schema.SchemaCheck;

/** The explicit list of every check, in one place (no class-path scanning), and the catalogue of their rules. */
public final class Checks {
  private Checks() {}

  /** Every descriptor check, configured with the run's services. */
  public static List<Check> defaults(Services services) {
    List<Check> checks = new ArrayList<>();
    checks.add(new SchemaCheck(services.schemas()));
    checks.add(new ConditionsCheck(ProductFacts.standard()));
    checks.add(new ContextParametersCheck(ProductFacts.standard()));
    checks.add(new ScopesCheck(ProductFacts.standard()));
    return checks;
  }

  /** Every rule connect-verify can report, by id, in catalogue order. */
  public static Map<String, Rule> catalogue() {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Rule r :
        List.of(JsonRules.SYNTAX, JsonRules.DUPLICATE_KEY, JsonRules.COMMENTS, JsonRules.ENCODING,
            InternalRules.CHECK_FAILED)) {
      rules.put(r.id(), r);
    }
    for (Check c : defaults(new Services())) {
      for (Rule r : c.rules()) {
        Rule previous = rules.put(r.id(), r);
        if (previous != null && previous != r) {
          throw new IllegalStateException("rule id used twice: " + r.id());
        }
      }
    }
    return rules;
  }
}
