package org.connectverify.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.connectverify.core.Checks;
import org.connectverify.core.FailOn;
import org.connectverify.core.Product;
import org.connectverify.core.Severity;
import org.connectverify.core.run.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path tmp;

  private static Config parse(String json) throws ConfigException {
    return Config.parse(Path.of("connect-verify.json"), "connect-verify.json",
        json.getBytes(StandardCharsets.UTF_8), Checks.catalogue());
  }

  private static List<String> problems(String json) {
    return assertThrows(ConfigException.class, () -> parse(json)).problems();
  }

  @Test
  void unknownKeysAreErrorsAtTheirPositionWithASuggestion() {
    assertEquals(
        List.of("connect-verify.json:3:3: unknown key \"suppresion\" (expected rules, suppressions, or an option such"
            + " as product, fail-on, reports, baseline); did you mean \"suppressions\"?"),
        problems("{\n  \"product\": \"jira\",\n  \"suppresion\": []\n}"));
  }

  @Test
  void badValuesAreErrorsAtTheValue() {
    assertEquals(
        List.of(
            "connect-verify.json:1:13: unknown fail-on level 'often' (expected error, warning, info or never)"),
        problems("{\"fail-on\": \"often\"}"));
    assertEquals(
        List.of("connect-verify.json:1:34: rule \"json/duplicate-key\" is set to \"loud\" (expected \"error\","
            + " \"warning\", \"info\" or \"off\")"),
        problems("{\"rules\": {\"json/duplicate-key\": \"loud\"}}"));
  }

  @Test
  void unknownRuleIdsSuggestTheClosest() {
    assertEquals(
        List.of("connect-verify.json:1:12: unknown rule \"json/duplicate-keys\"; did you mean \"json/duplicate-key\"?"),
        problems("{\"rules\": {\"json/duplicate-keys\": \"off\"}}"));
  }

  @Test
  void suppressionsNeedAReasonAndNeverMatchMessages() {
    assertEquals(
        List.of(
            "connect-verify.json:2:3: unknown key \"message\" in a suppression (expected rule, files, pointer,"
                + " reason); suppressions never match message text, which changes",
            "connect-verify.json:1:19: suppression needs a \"reason\": say why these findings are acceptable"),
        problems("{\"suppressions\": [{\"rule\": \"json/duplicate-key\",\n  \"message\": \"duplicate key\"}]}"));
  }

  @Test
  void aSuppressionThatMatchesEverythingIsRefused() {
    String refused =
        "connect-verify.json:1:19: suppression would match every finding (any rule in every file): name a \"rule\" or"
            + " narrow \"files\"; to turn a rule off everywhere, set it to \"off\" under \"rules\"";
    assertEquals(List.of(refused), problems("{\"suppressions\": [{\"reason\": \"too noisy\"}]}"));
    assertEquals(
        List.of(refused), problems("{\"suppressions\": [{\"rule\": \"*\", \"files\": \"**\", \"reason\": \"x\"}]}"));
    assertEquals(
        List.of(refused),
        problems("{\"suppressions\": [{\"rule\": \"*\", \"files\": \"**/*\", \"pointer\": \"\", \"reason\": \"x\"}]}"));
  }

  @Test
  void narrowSuppressionsAreAccepted() throws Exception {
    Config c =
        parse(
            "{\"suppressions\": [{\"files\": \"legacy/**\", \"reason\": \"old app\"},"
                + " {\"rule\": \"schema/*\", \"pointer\": \"/modules/webItems/*/url\", \"reason\": \"r\"}]}");
    assertEquals(2, c.suppressions().size());
    assertEquals("legacy/**", c.suppressions().get(0).files());
    assertEquals(1, c.suppressions().get(1).position().line());
  }

  @Test
  void syntaxErrorsAndDuplicateKeysAreReportedWithPositions() {
    assertEquals(1, problems("{\n  \"product\": \"jira\",\n  \"product\": \"confluence\"\n}").size());
    assertEquals(
        "connect-verify.json:3:3: duplicate key \"product\": the value here replaces the one defined first",
        problems("{\n  \"product\": \"jira\",\n  \"product\": \"confluence\"\n}").get(0));
    String syntax = problems("{\"product\": }").get(0);
    assertEquals("connect-verify.json:1:13", syntax.substring(0, syntax.indexOf(": ")));
  }

  @Test
  void appliesRuleLevelsAndOptionsToTheBuilder() throws Exception {
    Config c =
        parse(
            "{\"product\": \"jira\", \"fail-on\": \"warning\", \"skip-rule\": [\"schema/enum\"],"
                + " \"rules\": {\"json/comments\": \"off\", \"json/duplicate-key\": \"info\"}}");
    RunOptions.Builder b = RunOptions.builder();
    c.applyTo(b, Checks.catalogue());
    RunOptions o = b.build();
    assertEquals(Product.JIRA, o.verify().product());
    assertEquals(FailOn.WARNING, o.verify().failOn());
    assertEquals(true, o.verify().skips("json/comments"));
    assertEquals(true, o.verify().skips("schema/enum"));
    assertEquals(Severity.INFO, o.verify().severities().get("json/duplicate-key"));
  }

  @Test
  void findStopsAtTheRepositoryRoot() throws Exception {
    Path repo = tmp.resolve("repo");
    Path app = Files.createDirectories(repo.resolve("apps/jira"));
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(tmp.resolve(Config.FILE_NAME), "{}");
    assertNull(Config.find(app.resolve("atlassian-connect.json")));
    Files.writeString(repo.resolve(Config.FILE_NAME), "{}");
    assertEquals(repo.resolve(Config.FILE_NAME).toAbsolutePath(), Config.find(app));
    Files.writeString(app.resolve(Config.FILE_NAME), "{}");
    assertEquals(app.resolve(Config.FILE_NAME).toAbsolutePath(), Config.find(app.resolve("atlassian-connect.json")));
  }
}
