package org.connectverify.core.text;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@link URI}'s parse of a string, the last few kept. One verify asks again for URLs it has just parsed: the baseUrl
 * checks parse {@code links.self} twice, and the schema's URL format meets the same absolute URL in several modules
 * (over the corpus, verified one file at a time, 230 of 671 parses were repeats). {@code URI} also builds and catches
 * an exception inside for every host that starts with a digit, as ngrok's names do. A parse depends on the text alone
 * and both its outcomes are immutable, so a kept one is as good as a new one, on any thread.
 */
public final class Uris {
  /** How many parses are kept: one descriptor's URLs, not a round of many files. */
  private static final int KEPT = 8;

  /**
   * The newest first, with null slots until eight are kept; replaced whole (threads may overwrite each other's
   * additions: that only costs a parse).
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
