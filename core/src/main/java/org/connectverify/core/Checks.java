package org.connectverify.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.schema.SchemaSet;
import org.connectverify.core.diff.DiffChecks;
import org.connectverify.core.crossapp.DuplicateAppKeyCheck;
import org.connectverify.core.crossapp.DuplicateBaseUrlCheck;
import org.connectverify.core.crossapp.DuplicateMacroKeyCheck;
import org.connectverify.core.crossapp.SharedResourceMissingCheck;
import org.connectverify.core.json.JsonRules;
import org.connectverify.core.rules.AppKeyCheck;
import org.connectverify.core.rules.BaseUrlCheck;
import org.connectverify.core.rules.DuplicateModuleKeyCheck;
import org.connectverify.core.rules.I18nValueCheck;
import org.connectverify.core.rules.JwtLifecycleCheck;
import org.connectverify.core.rules.NameLengthCheck;
import org.connectverify.core.rules.OtherProductModuleCheck;
import org.connectverify.core.rules.ScopesWithoutAuthCheck;
import org.connectverify.core.rules.UnknownTopLevelFieldCheck;
import org.connectverify.core.product.ConditionsCheck;
import org.connectverify.core.product.ContextParametersCheck;
import org.connectverify.core.product.ProductFacts;
import org.connectverify.core.product.ScopesCheck;
import org.connectverify.core.online.CertificateCheck;
import org.connectverify.core.online.DeploymentDownCheck;
import org.connectverify.core.online.HttpsCheck;
import org.connectverify.core.online.IconsCheck;
import org.connectverify.core.online.ModulePagesCheck;
import org.connectverify.core.online.RoutesCheck;
import org.connectverify.core.online.ServedDescriptorCheck;
import org.connectverify.core.online.ServedTranslationsCheck;
import org.connectverify.core.schema.SchemaCheck;
import org.connectverify.core.template.TemplateRules;
import org.connectverify.core.translations.TranslationFilesCheck;
import org.connectverify.core.translations.TranslationKeysCheck;
import org.connectverify.core.translations.TranslationsDeclaredCheck;

/** The explicit list of every check, in one place (no class-path scanning), and the catalogue of their rules. */
public final class Checks {
  private Checks() {}

  /** Every descriptor check, configured with the run's services. */
  public static List<Check> defaults(Services services) {
    List<Check> checks = new ArrayList<>();
    checks.add(new SchemaCheck(services.schemas()));
    checks.add(new AppKeyCheck());
    checks.add(new NameLengthCheck());
    checks.add(new UnknownTopLevelFieldCheck(services.schemas()));
    checks.add(new BaseUrlCheck());
    checks.add(new org.connectverify.core.rules.RelativeUrlCheck());
    checks.add(new JwtLifecycleCheck());
    checks.add(new ScopesWithoutAuthCheck());
    checks.add(new OtherProductModuleCheck(services.schemas()));
    checks.add(new DuplicateModuleKeyCheck());
    checks.add(new org.connectverify.core.rules.DuplicateWebhookCheck());
    checks.add(new org.connectverify.core.product.WebhookEventCheck(ProductFacts.standard()));
    checks.add(new org.connectverify.core.rules.ModuleReferencesCheck());
    checks.add(new org.connectverify.core.rules.MacroParametersCheck());
    checks.add(new I18nValueCheck());
    checks.add(new ConditionsCheck(ProductFacts.standard()));
    checks.add(new org.connectverify.core.product.ConditionParamsCheck());
    checks.add(new ContextParametersCheck(ProductFacts.standard()));
    checks.add(new ScopesCheck(ProductFacts.standard()));
    TranslationKeysCheck translationKeys = new TranslationKeysCheck();
    checks.add(new TranslationFilesCheck());
    checks.add(translationKeys);
    checks.add(new TranslationsDeclaredCheck());
    checks.add(new org.connectverify.core.icons.IconFilesCheck());
    // Manifest checks (rules in category manifest): a Forge manifest's own rules; nothing on a Connect descriptor.
    checks.add(new org.connectverify.core.manifest.AppIdCheck());
    checks.add(new org.connectverify.core.manifest.AppConnectCheck());
    checks.add(new org.connectverify.core.manifest.ModulesDeclaredCheck());
    checks.add(new org.connectverify.core.manifest.ConnectModulesCheck(services.schemas()));
    checks.add(new org.connectverify.core.manifest.ModuleKeysCheck());
    checks.add(new org.connectverify.core.manifest.RemotesCheck());
    checks.add(new org.connectverify.core.manifest.ConnectScopesCheck());
    checks.add(new org.connectverify.core.manifest.ForgeTranslationsCheck());
    checks.add(new org.connectverify.core.manifest.MigrationModuleCheck());
    // End-of-support readiness of a manifest (rules in category migration): what Connect remains before 31 January 2027.
    checks.add(new org.connectverify.core.migration.ConnectRemainsCheck());
    // Online checks (rules made with Rule.online): run only with --online; every request starts before any check runs.
    checks.add(new DeploymentDownCheck());
    checks.add(new CertificateCheck());
    checks.add(new HttpsCheck());
    checks.add(new org.connectverify.core.online.BaseUrlCheck());
    checks.add(new ServedDescriptorCheck());
    checks.add(new ServedTranslationsCheck(translationKeys)); // the i18n key checks on the served files too
    checks.add(new IconsCheck());
    checks.add(new ModulePagesCheck());
    checks.add(new RoutesCheck());
    return checks;
  }

  /** Every check over the run's descriptors together, run after the per-descriptor checks. */
  public static List<SetCheck> setDefaults(Services services) {
    List<SetCheck> checks = new ArrayList<>();
    checks.add(new DuplicateAppKeyCheck());
    checks.add(new DuplicateBaseUrlCheck());
    checks.add(new SharedResourceMissingCheck());
    checks.add(new DuplicateMacroKeyCheck());
    return checks;
  }

  /**
   * Every rule connect-verify can report, by id, in catalogue order (unmodifiable). Built once per process, on first
   * use: the rules are constants, and building them loads and initializes every check class.
   */
  public static Map<String, Rule> catalogue() {
    return Catalogue.RULES;
  }

  /** The catalogue, built when this class initializes: the JVM makes a second caller wait for the first. */
  private static final class Catalogue {
    static final Map<String, Rule> RULES = java.util.Collections.unmodifiableMap(build());
  }

  /**
   * Starts the work every verify needs first on a background daemon thread, so that it runs on a second core while
   * the host parses its command line and finds its inputs: the rule catalogue (which loads and initializes every
   * check), then the product's schema. Whoever needs either later takes the result or waits for it; nothing changes
   * in what a run reports.
   */
  public static void prefetch(Product likely) {
    Thread t =
        new Thread(
            () -> {
              try {
                catalogue();
                SchemaSet.shared().warm(likely);
              } catch (RuntimeException | LinkageError e) {
                // a bug, met again by whoever needs the catalogue or the schema next, who reports it in one line:
                // this daemon thread prints no stack trace
              }
            },
            "connect-verify-prefetch");
    t.setDaemon(true);
    t.start();
  }

  private static Map<String, Rule> build() {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Rule r :
        List.of(JsonRules.SYNTAX, JsonRules.DUPLICATE_KEY, JsonRules.COMMENTS, JsonRules.ENCODING, JsonRules.TOO_LARGE,
            InternalRules.CHECK_FAILED,
            org.connectverify.core.config.ConfigRules.UNUSED_SUPPRESSION,
            TemplateRules.UNRESOLVED, TemplateRules.NOT_RENDERED,
            TemplateRules.ACE_INSTALLED_PATH)) {
      rules.put(r.id(), r);
    }
    for (Rule r : org.connectverify.core.manifest.ManifestRules.reading()) {
      rules.put(r.id(), r);
    }
    for (Rule r : org.connectverify.core.probe.ProbeRules.all()) {
      rules.put(r.id(), r);
    }
    Services services = new Services();
    List<Rule> checkRules = new ArrayList<>();
    defaults(services).forEach(c -> checkRules.addAll(c.rules()));
    setDefaults(services).forEach(c -> checkRules.addAll(c.rules()));
    for (Rule r : checkRules) {
      Rule previous = rules.put(r.id(), r);
      if (previous != null && previous != r) {
        throw new IllegalStateException("rule id used twice: " + r.id());
      }
    }
    for (Rule r : DiffChecks.rules()) {
      if (rules.put(r.id(), r) != null) {
        throw new IllegalStateException("rule id used twice: " + r.id());
      }
    }
    return rules;
  }
}
