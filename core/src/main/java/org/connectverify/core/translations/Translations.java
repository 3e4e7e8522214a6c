package org.connectverify.core.translations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.CheckContext;
import org.connectverify.core.I18nProperties;
import org.connectverify.core.Position;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.resources.Resolution;
import org.connectverify.core.resources.ResourceResolver;

/** A descriptor's translations as the translation checks see them: each locale's file, resolved and parsed. */
final class Translations {
  private Translations() {}

  /**
   * One {@code translations.paths} entry.
   *
   * @param pointer JSON pointer of the path value in the descriptor
   * @param resolution where the path led among the local web roots; null for a file as the deployment serves it
   * @param parsed the file read as JSON, or null when it was not found or could not be read
   * @param readError why a found file could not be read, or null
   * @param file the file as shown in reports (a local display path, or the URL it was served from), or null when it
   *     was not found
   */
  record Entry(
      String locale,
      String pointer,
      String reference,
      Resolution resolution,
      JsonReader.Result parsed,
      String readError,
      String file) {
    /** The file as the deployment serves it, read from {@code url}; {@code body} null when it is not usable. */
    static Entry served(CheckContext ctx, String locale, String pointer, String url, byte[] body) {
      JsonReader.Result parsed = body == null ? null : ctx.services().json().read(body, url);
      return new Entry(locale, pointer, url, null, parsed, null, url);
    }

    /** True for a file as the deployment serves it. */
    boolean served() {
      return resolution == null;
    }

    /** True when the file is a JSON object (its values may still be of the wrong type). */
    boolean usable() {
      return parsed != null && parsed.parsed() && parsed.root().isObject();
    }

    /** The string for {@code key}, or null. */
    String text(String key) {
      JsonNode v = usable() ? parsed.root().get(key) : null;
      return v != null && v.isTextual() ? v.asText() : null;
    }

    boolean has(String key) {
      return usable() && parsed.root().has(key);
    }

    /** Position of the value of {@code key} in the translation file. */
    Position valueAt(String key) {
      String p = Pointers.child("", key);
      int[] lc = parsed.sourceMap().value(p);
      return new Position(file(), lc[0], lc[1], p);
    }

    /** Position of {@code key} itself in the translation file. */
    Position keyAt(String key) {
      String p = Pointers.child("", key);
      int[] lc = parsed.sourceMap().key(p);
      return new Position(file(), lc[0], lc[1], p);
    }
  }

  /** One i18n key used in the descriptor: where first, with which fallback value, how often. */
  record Usage(String key, String pointer, String value, int count) {}

  /** The {@code translations.paths} entries in descriptor order; empty when there are none. */
  static List<Entry> load(CheckContext ctx) {
    List<Entry> out = new ArrayList<>();
    JsonNode paths = ctx.root().path("translations").path("paths");
    if (!paths.isObject()) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String pointer = Pointers.child("/translations/paths", e.getKey());
      if (!e.getValue().isTextual()) {
        continue;
      }
      String reference = e.getValue().asText();
      Resolution r = ctx.resources().resolve(reference);
      JsonReader.Result parsed = null;
      String readError = null;
      if (r instanceof Resolution.Found found) {
        ResourceResolver.Content content = ctx.resources().read(found);
        if (content.ok()) {
          parsed = ctx.services().json().read(content.bytes(), found.display());
        } else {
          readError = content.error();
        }
      }
      String file = r instanceof Resolution.Found f ? f.display() : null;
      out.add(new Entry(e.getKey(), pointer, reference, r, parsed, readError, file));
    }
    return out;
  }

  /** Every i18n key used in the descriptor (empty keys aside), in document order. */
  static Map<String, Usage> usages(CheckContext ctx) {
    Map<String, Usage> out = new LinkedHashMap<>();
    for (I18nProperties.Property p : I18nProperties.of(ctx)) {
      String key = p.key();
      if (key.isEmpty()) {
        continue;
      }
      Usage previous = out.get(key);
      JsonNode value = p.value();
      out.put(
          key,
          previous == null
              ? new Usage(key, p.pointer() + "/i18n", value != null && value.isTextual() ? value.asText() : null, 1)
              : new Usage(key, previous.pointer(), previous.value(), previous.count() + 1));
    }
    return out;
  }

  /**
   * The locale whose file must hold every key: {@code --default-locale} when it is listed, else en-US when listed,
   * else the first locale listed; null when there are no entries.
   */
  static Entry defaultEntry(List<Entry> entries, String configured) {
    if (entries.isEmpty()) {
      return null;
    }
    for (String wanted : java.util.Arrays.asList(configured, "en-US")) {
      if (wanted == null) {
        continue;
      }
      for (Entry e : entries) {
        if (e.locale().equals(wanted)) {
          return e;
        }
      }
    }
    return entries.get(0);
  }
}
