package org.connectverify.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.json.JsonRules;
import org.connectverify.core.online.BaseUrlCheck;
import org.connectverify.core.online.CertificateCheck;
import org.connectverify.core.online.DeploymentDownCheck;
import org.connectverify.core.online.HttpsCheck;
import org.connectverify.core.online.IconsCheck;
import org.connectverify.core.online.ModulePagesCheck;
import org.connectverify.core.online.RoutesCheck;
import org.connectverify.core.online.ServedDescriptorCheck;
import org.connectverify.core.online.ServedTranslationCheck;
import org.connectverify.core.online.ServedTranslationsCheck;
import org.connectverify.core.schema.SchemaCheck;

/** The explicit list of every check, in one place (no class-path scanning), and the catalogue of their rules. */
public final class Checks {
  private Checks() {}

  /** Every descriptor check, configured with the run's services. */
  public static List<Check> defaults(Services services) {
    List<Check> checks = new ArrayList<>();
    checks.add(new SchemaCheck(services.schemas()));
    // Online checks (rules made with Rule.online): run only with --online; the first starts every request at once.
    checks.add(new DeploymentDownCheck());
    checks.add(new CertificateCheck());
    checks.add(new HttpsCheck());
    checks.add(new BaseUrlCheck());
    checks.add(new ServedDescriptorCheck());
    checks.add(new ServedTranslationsCheck(ServedTranslationCheck.NONE));
    checks.add(new IconsCheck());
    checks.add(new ModulePagesCheck());
    checks.add(new RoutesCheck());
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
