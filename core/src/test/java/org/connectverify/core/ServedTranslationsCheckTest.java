package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.connectverify.core.http.HttpProbe;
import org.connectverify.core.http.ProbeRequest;
import org.connectverify.core.http.ProbeResult;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.online.ServedTranslationCheck;
import org.connectverify.core.online.ServedTranslationsCheck;
import org.junit.jupiter.api.Test;

/**
 * The seam for the i18n key checks: every translation path is handed to the {@link ServedTranslationCheck} once all are
 * probed, with the body of each served file that is a JSON object of strings (and none for the others, which this
 * check reports itself), and findings it reports land in the run. (In this package because it builds a
 * {@link CheckContext} directly.)
 */
class ServedTranslationsCheckTest {

  @Test
  void handsEveryServedFileToTheFurtherCheckWithTheBodiesOfTheValidOnes() throws Exception {
    byte[] local = Files.readAllBytes(TestPaths.root().resolve("core/src/test/resources/online-rules/base-online.json"));
    String withTwoLocales =
        new String(local, StandardCharsets.UTF_8)
            .replace("\"paths\": {\"en-US\": \"/i18n/en_US.json\"}",
                "\"paths\": {\"en-US\": \"/i18n/en_US.json\", \"de-DE\": \"/i18n/de_DE.json\"}");
    JsonReader.Result parsed = new JsonReader().read(withTwoLocales.getBytes(StandardCharsets.UTF_8), "atlassian-connect.json");
    Descriptor d = new Descriptor("atlassian-connect.json", null, parsed.root(), parsed.sourceMap(), Product.JIRA, "test");
    HttpProbe probe = new HttpProbe() {
      @Override
      public CompletableFuture<ProbeResult> submit(ProbeRequest r) {
        byte[] body =
            r.url().endsWith("/en_US.json") ? "{\"issue-helper.name\": \"Issue Helper\"}".getBytes(StandardCharsets.UTF_8)
                : r.url().endsWith("/de_DE.json") ? "[\"not an object\"]".getBytes(StandardCharsets.UTF_8) : null;
        int status = r.url().endsWith(".json") ? 200 : 401;
        return CompletableFuture.completedFuture(
            ProbeResult.answered(r, status, "application/json", r.method() == ProbeRequest.Method.GET_BODY ? body : null));
      }

      @Override
      public void close() {}
    };
    List<Finding> sink = new ArrayList<>();
    CheckContext ctx =
        new CheckContext(d, VerifyOptions.builder().online(true).build(), new Services(), sink, probe, new LinkedHashSet<>());
    List<String> handed = new ArrayList<>();
    ServedTranslationCheck keys = (c, files) -> {
      for (ServedTranslationCheck.Served f : files) {
        handed.add(f.locale() + " " + f.pointer() + " " + f.url() + " "
            + (f.usable() ? new String(f.body(), StandardCharsets.UTF_8) : "(not usable)"));
        if (f.usable()) {
          c.report(Rule.of("translations/missing-key", Severity.ERROR, "test"), Position.ofFile(f.url()), "key missing");
        }
      }
    };
    new ServedTranslationsCheck(keys).check(ctx);
    assertEquals(
        List.of(
            "en-US /translations/paths/en-US https://issue-helper.example.com/i18n/en_US.json"
                + " {\"issue-helper.name\": \"Issue Helper\"}",
            "de-DE /translations/paths/de-DE https://issue-helper.example.com/i18n/de_DE.json (not usable)"),
        handed);
    assertEquals(
        List.of(
            "atlassian-connect.json:24:53: error: translation file for de-DE served at"
                + " https://issue-helper.example.com/i18n/de_DE.json is a JSON array, not an object"
                + " [online/translation-invalid]",
            "https://issue-helper.example.com/i18n/en_US.json: error: key missing [translations/missing-key]"),
        sink.stream().map(Finding::toString).toList());
  }
}
