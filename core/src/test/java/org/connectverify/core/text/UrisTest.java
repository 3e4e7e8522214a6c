package org.connectverify.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UrisTest {
  private static final List<String> TEXTS =
      List.of(
          "https://a.example.com", "https://1234-56-78-9.ngrok.io/app", "http://127.0.0.1:8080", "/relative?x=1",
          "https:// space", "ht tp://x", "https://[::1]/", "", "https://a.example.com/", "mailto:x@example.com",
          "https://%zz", "1://x");

  /** What {@code new URI(text)} gives: the URI, or the exception's reason and index. */
  private static String outcome(String text) {
    try {
      return "uri " + new URI(text);
    } catch (URISyntaxException e) {
      return "error " + e.getReason() + " at " + e.getIndex();
    }
  }

  private static String outcome(Uris.Parsed p) {
    return p.uri() != null ? "uri " + p.uri() : "error " + p.error().getReason() + " at " + p.error().getIndex();
  }

  @Test
  void givesWhatANewUriGivesWhetherKeptOrNot() {
    // round after round, more texts than are kept: each answer is the parse's, kept or not
    for (int round = 0; round < 3; round++) {
      for (String text : TEXTS) {
        Uris.Parsed p = Uris.parse(text);
        assertEquals(text, p.text());
        assertEquals(outcome(text), outcome(p), text);
        assertEquals(p.uri(), Uris.uriOrNull(text));
      }
    }
    assertNull(Uris.uriOrNull("https:// space"));
  }

  @Test
  void keepsTheLastParseForTheNextAsk() {
    Uris.Parsed first = Uris.parse("https://kept.example.com");
    assertSame(first, Uris.parse("https://kept.example.com"));
  }

  @Test
  void answersRightOnManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        all.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 5_000; i++) {
                    String text = TEXTS.get((i + offset) % TEXTS.size());
                    assertEquals(outcome(text), outcome(Uris.parse(text)), text);
                  }
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
