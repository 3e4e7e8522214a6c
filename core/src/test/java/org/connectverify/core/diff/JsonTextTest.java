package org.connectverify.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void twoLongStringsWithACommonStartAreShownWhereTheyDiffer() throws Exception {
    String common = "https://example.com/a/very/long/path/that/goes/on/and/on/for/quite/a/while/";
    String[] shown = JsonText.briefPair(node("\"" + common + "old.html\""), node("\"" + common + "new.html\""));
    assertNotEquals(shown[0], shown[1]);
    assertEquals("…n/for/quite/a/while/old.html\"", shown[0]);
    assertEquals("…n/for/quite/a/while/new.html\"", shown[1]);
  }

  @Test
  void twoObjectsOfTheSameSizeAreShownWhereTheyDiffer() throws Exception {
    String a = "{\"first\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"second\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"x\":1}";
    String b = a.replace("\"x\":1", "\"x\":2");
    String[] shown = JsonText.briefPair(node(a), node(b));
    assertNotEquals(shown[0], shown[1]);
    assertEquals("…bbbbbbbbbbbbbb\",\"x\":1}", shown[0]);
  }

  @Test
  void valuesThatAlreadyReadDifferentlyKeepTheirBriefForm() throws Exception {
    String[] shown = JsonText.briefPair(node("\"a\""), node("2"));
    assertEquals("\"a\"", shown[0]);
    assertEquals("2", shown[1]);
  }

  private static JsonNode node(String json) throws Exception {
    return JSON.readTree(json);
  }
}
