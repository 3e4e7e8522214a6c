package org.connectverify.core.text;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@link URI}'s parse of a string, the last few kept. A descriptor's baseUrl and {@code links.self} are parsed by the
 * schema's URL format and again, up to twice, by the baseUrl checks; and {@code URI} builds and catches an exception
 * inside for every host that starts with a digit, as ngrok's names do. A parse depends on the text alone and both its
 * outcomes are immutable, so a kept one is as good as a new one, on any thread.
 */
public final class Uris {
  /** How many parses are kept: a descriptor's baseUrl, its links and the absolute URLs its schema parses between. */
  private static final int KEPT = 8;

  /**
   * The newest first; replaced whole (threads may overwrite each other's additions: that only costs a parse). Never
   * null entries once full; null slots before.
   */
  private static volatile Parsed[] recent = new Parsed[KEPT];

  private Uris() {}

  /**
   * One parse: {@code uri} when {@code new URI(text)} succeeds, else {@code error}, what it threw.
   *
   * @param text the parsed text
   */
  public record Parsed(String text, URI uri, URISyntaxException error) {}

  /** {@code new URI(text)}'s outcome. */
  public static Parsed parse(String text) {
    Parsed[] kept = recent;
    for (Parsed p : kept) {
      if (p != null && p.text.equals(text)) {
        return p;
      }
    }
    Parsed p;
    try {
      p = new Parsed(text, new URI(text), null);
    } catch (URISyntaxException e) {
      p = new Parsed(text, null, e);
    }
    Parsed[] next = new Parsed[KEPT];
    next[0] = p;
    System.arraycopy(kept, 0, next, 1, KEPT - 1);
    recent = next;
    return p;
  }

  /** {@code new URI(text)}, or null when it throws. */
  public static URI uriOrNull(String text) {
    return parse(text).uri();
  }
}
