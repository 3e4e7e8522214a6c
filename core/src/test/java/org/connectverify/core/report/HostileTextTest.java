package org.connectverify.core.report;

import static org.connectverify.core.report.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.connectverify.core.FailOn;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.connectverify.core.text.Strings;
import org.junit.jupiter.api.Test;

/**
 * Text from descriptors and servers (terminal escapes, C1 codes, line breaks, bidi overrides, unpaired surrogates)
 * reaches no terminal, CI log or Markdown page as anything but visible escapes.
 */
class HostileTextTest {
  private static final String HOSTILE =
      "value \u001b[2J\u001b[31mRED\u009b0m \u202eevil\u202c line\nbreak lone \ud800 end";

  private static Report report() {
    return new Report(
        "9.9.9",
        List.of(new Report.Checked("app/atlassian-connect.json", null, null, null)),
        List.of(
            new Finding("json/syntax", Severity.ERROR, new Position("app/atlassian-connect.json", 1, 1, ""),
                "server said " + HOSTILE, "hint " + HOSTILE,
                List.of(new Finding.Related(new Position("app/atlassian-connect.json", 2, 2, ""), HOSTILE)))),
        FailOn.ERROR,
        List.of("note " + HOSTILE));
  }

  private static void assertNoControlCharacters(String format, String out) {
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e);
      assertFalse(control, format + ": raw control character U+" + Integer.toHexString(c) + " at " + i + ": " + out);
      assertFalse(Character.isSurrogate(c), format + ": unpaired surrogate at " + i);
    }
  }

  @Test
  void textGithubAndMarkdownShowEscapesInsteadOfObeyingThem() throws Exception {
    String text = render(new TextReporter(SampleReports.settings().build()), report());
    String github = render(new GithubReporter(), report());
    String markdown = render(new MarkdownReporter(SampleReports.settings().build()), report());
    assertNoControlCharacters("text", text);
    assertNoControlCharacters("github", github);
    assertNoControlCharacters("markdown", markdown);
    assertTrue(text.contains("server said value \\u001b[2J\\u001b[31mRED\\u009b0m \\u202eevil\\u202c line"), text);
    assertTrue(text.contains("note: note value \\u001b[2J"), text);
    assertTrue(text.contains("lone \\ud800 end"), text);
    assertTrue(github.contains("\\u001b[31mRED"), github);
    assertTrue(markdown.contains("\\\\u001b"), markdown);
    assertEquals(1, text.lines().filter(l -> l.startsWith("app/atlassian-connect.json:1:1:")).count(), text);
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    String emoji = "ab\ud83d\ude00cd";
    assertEquals("ab", Strings.cut(emoji, 3));
    assertEquals("ab\ud83d\ude00", Strings.cut(emoji, 4));
    assertEquals(emoji, Strings.cut(emoji, 99));
    assertEquals("plain", Strings.printable("plain"));
    assertEquals("\ud83d\ude00", Strings.printable("\ud83d\ude00"));
  }
}
