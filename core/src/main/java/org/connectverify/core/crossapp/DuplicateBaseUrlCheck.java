package org.connectverify.core.crossapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.SetCheck;
import org.connectverify.core.SetContext;
import org.connectverify.core.Severity;
import org.connectverify.core.template.TemplateEngine;

/**
 * Two apps of one run for the same product with the same baseUrl. Atlassian's documentation requires a unique
 * baseUrl per app (several apps on one host use different paths). Apps for different products are not compared:
 * a Jira app and a Confluence app never share an installation, and real vendors (draw.io) run them on one URL.
 */
public final class DuplicateBaseUrlCheck implements SetCheck {
  public static final Rule DUPLICATE_BASE_URL =
      Rule.of(
          "crossapp/duplicate-base-url",
          Severity.ERROR,
          "Two apps for the same product verified together have the same baseUrl: each app needs a unique one.");

  @Override
  public List<Rule> rules() {
    return List.of(DUPLICATE_BASE_URL);
  }

  @Override
  public void check(SetContext ctx) {
    // earlier members by their normalised baseUrl, in run order: each baseUrl is normalised once, not once per pair
    Map<String, List<SetContext.Member>> seen = new HashMap<>();
    for (SetContext.Member m : ctx.members()) {
      Normalised n = normalised(m);
      String url = n.url();
      if (url == null || !n.distinctApp() || givenEveryFile(ctx, m)) {
        continue;
      }
      List<SetContext.Member> same = seen.computeIfAbsent(url, u -> new ArrayList<>());
      for (SetContext.Member earlier : same) {
        if (Apps.sameProduct(earlier, m) && !Apps.same(earlier, m)) {
          ctx.report(
              DUPLICATE_BASE_URL,
              m.at("/baseUrl"),
              "baseUrl \""
                  + m.descriptor().root().get("baseUrl").asText()
                  + "\" is the same as the baseUrl of "
                  + Apps.describe(earlier)
                  + ": each app needs a unique baseUrl",
              "serve the apps under different paths, e.g. " + url + "/jira and " + url + "/confluence",
              List.of(new Finding.Related(earlier.at("/baseUrl"), "also used by " + Apps.describe(earlier))));
          break;
        }
      }
      same.add(m);
    }
  }

  /**
   * A member's baseUrl as compared ({@link #baseUrl}), and whether it says where a distinct app is served ({@link
   * #distinctApp}): worked out from the member alone, on the verifying threads.
   */
  private record Normalised(String url, boolean distinctApp) {}

  private static final SetContext.Key<Normalised> NORMALISED = new SetContext.Key<>("duplicate-base-url: normalised");

  @Override
  public void prepare(SetContext.Member member) {
    normalised(member);
  }

  private static Normalised normalised(SetContext.Member member) {
    return member.memo(NORMALISED, m -> {
      String url = baseUrl(m);
      return new Normalised(url, url != null && distinctApp(m));
    });
  }

  /** True when the baseUrl is a value one {@code --var} (or environment value) gave every file of the run. */
  private static boolean givenEveryFile(SetContext ctx, SetContext.Member m) {
    String raw = m.descriptor().root().get("baseUrl").asText().trim();
    return ctx.options().vars().containsValue(raw) || ctx.options().environment().containsValue(raw);
  }

  /**
   * True when this member's baseUrl says where a distinct app is served: not a development variant file
   * ({@code connect-dev.json}), not a scaffold key, not a local or tunnel host.
   */
  private static boolean distinctApp(SetContext.Member m) {
    String raw = m.descriptor().root().get("baseUrl").asText().trim();
    String key = m.descriptor().key();
    if (org.connectverify.core.rules.BaseUrlCheck.placeholderReason(raw) != null) {
      return false;
    }
    if (key != null && Apps.scaffoldKey(key)) {
      return false;
    }
    if (Apps.developmentVariant(m)) {
      return false;
    }
    try {
      String host = java.net.URI.create(raw).getHost();
      if (host == null) {
        return false;
      }
      host = host.toLowerCase(Locale.ROOT);
      return !(org.connectverify.core.rules.BaseUrlCheck.isLocalHost(host)
          || org.connectverify.core.rules.BaseUrlCheck.tunnelHost(host) != null);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The baseUrl compared case-insensitively in scheme and host, without trailing slashes; null when unusable. */
  static String baseUrl(SetContext.Member m) {
    JsonNode b = m.descriptor().root().get("baseUrl");
    if (b == null || !b.isTextual() || b.asText().isBlank() || TemplateEngine.holdsPlaceholder(b.asText())) {
      return null;
    }
    String s = b.asText().trim();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    int scheme = s.indexOf("://");
    if (scheme > 0) {
      int pathStart = s.indexOf('/', scheme + 3);
      String head = pathStart < 0 ? s : s.substring(0, pathStart);
      String tail = pathStart < 0 ? "" : s.substring(pathStart);
      s = head.toLowerCase(Locale.ROOT) + tail;
    }
    return s;
  }
}
