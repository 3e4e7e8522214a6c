package org.connectverify.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.connectverify.core.json.Pointers;

/**
 * Where a descriptor's values stand in the file they were read from. A descriptor read from {@code
 * atlassian-connect.json} is its own document; one read from a Forge {@code manifest.yml} is derived from the manifest's
 * Connect parts, and every descriptor pointer maps back to its place in the manifest ({@code /modules/generalPages/0}
 * to {@code /connectModules/jira:generalPages/0}), so findings name the manifest's own lines and pointers while checks
 * only ever read the descriptor.
 */
public final class Origin {
  /** The formats a descriptor can be read from. */
  public enum Format {
    /** A Connect descriptor, {@code atlassian-connect.json}. */
    DESCRIPTOR,
    /** A Forge manifest carrying Connect parts, {@code manifest.yml}. */
    MANIFEST
  }

  private final Format format;
  private final JsonNode document;
  private final Map<String, String> prefixes;
  private final boolean connect;

  private Origin(Format format, JsonNode document, Map<String, String> prefixes, boolean connect) {
    this.format = format;
    this.document = document;
    this.prefixes = Map.copyOf(prefixes);
    this.connect = connect;
  }

  /** A descriptor that is its own document. */
  public static Origin descriptor(JsonNode root) {
    return new Origin(Format.DESCRIPTOR, root, Map.of(), true);
  }

  /**
   * A descriptor derived from a manifest.
   *
   * @param manifest the manifest as written (after its placeholders are filled)
   * @param prefixes descriptor pointer prefix to manifest pointer prefix; the longest matching prefix wins
   * @param connect true when the manifest has Connect modules for the descriptor checks to read
   */
  public static Origin manifest(JsonNode manifest, Map<String, String> prefixes, boolean connect) {
    return new Origin(Format.MANIFEST, manifest, prefixes, connect);
  }

  public Format format() {
    return format;
  }

  public boolean isManifest() {
    return format == Format.MANIFEST;
  }

  /** The document as written in the file: the descriptor itself, or the whole manifest. */
  public JsonNode document() {
    return document;
  }

  /**
   * False for a Forge manifest with no Connect modules (a plain Forge app, or one that kept only its Connect key):
   * there is no Connect descriptor to check, only the manifest.
   */
  public boolean connect() {
    return connect;
  }

  /** The pointer in the source document of a descriptor pointer. */
  public String toSource(String pointer) {
    if (prefixes.isEmpty()) {
      return pointer;
    }
    String p = pointer;
    String suffix = "";
    while (true) {
      String mapped = prefixes.get(p);
      if (mapped != null) {
        return mapped + suffix;
      }
      if (p.isEmpty()) {
        return pointer;
      }
      suffix = "/" + Pointers.escape(Pointers.lastToken(p)) + suffix;
      p = Pointers.parent(p);
    }
  }
}
