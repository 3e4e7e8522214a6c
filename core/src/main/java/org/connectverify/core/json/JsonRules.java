package org.connectverify.core.json;

import org.connectverify.core.Rule;
import org.connectverify.core.Severity;

/** The rules the JSON reader itself reports, for descriptors and every JSON file they reference. */
public final class JsonRules {
  private JsonRules() {}

  public static final Rule SYNTAX =
      Rule.of("json/syntax", Severity.ERROR, "The file is not valid JSON (or is empty).");
  public static final Rule DUPLICATE_KEY =
      Rule.of(
          "json/duplicate-key",
          Severity.ERROR,
          "An object has the same key twice; parsers silently keep only one of the values.");
  public static final Rule COMMENTS =
      Rule.of(
          "json/comments",
          Severity.WARNING,
          "The file has // or /* */ comments: atlassian-connect-express strips them, but a descriptor served as-is"
              + " breaks the host product.");
  public static final Rule TOO_LARGE =
      Rule.of(
          "json/too-large",
          Severity.ERROR,
          "The file is larger than the descriptor size limit (max-descriptor-size, default 16MB), so it was not read.");
  public static final Rule ENCODING =
      Rule.of("json/encoding", Severity.ERROR, "The file is not UTF-8 text (another encoding, or binary).");
}
