package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Bitbucket URL parameters are found wherever the modules' JSON text has them, and only there. */
class BitbucketTest {
  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void aParameterInANestedValueIsFound() throws Exception {
    JsonNode root = json("{\"modules\":{\"webItems\":[{\"key\":\"a\",\"url\":\"/x?r={repository.uuid}&u={user}\"}]}}");
    assertEquals("URL parameter \"{repository.uuid}\"", Bitbucket.signal(root));
  }

  @Test
  void aParameterInAKeyIsFoundAsInTheText() throws Exception {
    JsonNode root = json("{\"modules\":{\"webItems\":[{\"params\":{\"{repo_uuid}\":1}}]}}");
    assertEquals("URL parameter \"{repo_uuid}\"", Bitbucket.signal(root));
  }

  @Test
  void anUnclosedParameterShowsWhatTheTextShows() throws Exception {
    JsonNode root = json("{\"modules\":{\"webItems\":[{\"url\":\"/x?c={commit.hash\"},{\"n\":2}]}}");
    assertEquals("URL parameter \"{commit.hash\"}\"", Bitbucket.signal(root)); // up to the next } of the text
  }

  @Test
  void jiraParametersAndOtherBracesAreNotBitbucket() throws Exception {
    JsonNode root =
        json("{\"modules\":{\"webItems\":[{\"url\":\"/x?i={issue.id}&p={project.key}\",\"{repositoryx}\":[1,{}]}]},"
            + "\"links\":{\"u\":\"{repository.uuid}\"}}");
    assertNull(Bitbucket.signal(root));
  }

  @Test
  void theParameterSearchFindsWhatTheRegularExpressionDid() {
    java.util.regex.Pattern param =
        java.util.regex.Pattern.compile("\\{(repository|repo_uuid|target_user|pullrequest|commit)[.}_]");
    String[] parts = {"{", "}", ".", "_", "repo", "repository", "repo_uuid", "commit", "target_user", "pull", "x"};
    java.util.Random random = new java.util.Random(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(6); i > 0; i--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String s = b.toString();
      java.util.regex.Matcher m = param.matcher(s);
      assertEquals(m.find() ? m.start() : -1, Bitbucket.paramAt(s), s);
    }
  }
}
