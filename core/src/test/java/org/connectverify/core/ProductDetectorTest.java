package org.connectverify.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.connectverify.core.schema.SchemaSet;
import org.junit.jupiter.api.Test;

class ProductDetectorTest {
  private static final SchemaSet SCHEMAS = new SchemaSet();
  private final ProductDetector detector = new ProductDetector(SCHEMAS);

  private ProductDetector.Decision detect(String json) throws Exception {
    JsonNode root = new ObjectMapper().readTree(json.replace('\'', '"'));
    return detector.detect(root);
  }

  @Test
  void choosesJiraForAJiraOnlyModuleType() throws Exception {
    ProductDetector.Decision d = detect("{'modules': {'jiraIssueGlances': [], 'generalPages': []}}");
    assertEquals(Product.JIRA, d.product());
    assertEquals("module type \"jiraIssueGlances\" is Jira's", d.reason());
  }

  @Test
  void choosesConfluenceForAConfluenceOnlyModuleType() throws Exception {
    ProductDetector.Decision d = detect("{'modules': {'webItems': [], 'dynamicContentMacros': []}}");
    assertEquals(Product.CONFLUENCE, d.product());
    assertEquals("module type \"dynamicContentMacros\" is Confluence's", d.reason());
  }

  @Test
  void countsModuleTypesAndTheMajorityWins() throws Exception {
    ProductDetector.Decision d =
        detect("{'modules': {'dynamicContentMacros': [], 'jiraIssueGlances': [], 'jiraProjectPages': []}}");
    assertEquals(Product.JIRA, d.product());
  }

  @Test
  void fallsBackToLocationsWhenModuleTypesAreShared() throws Exception {
    ProductDetector.Decision jira =
        detect("{'modules': {'webPanels': [{'key': 'p', 'location': 'atl.jira.view.issue.right.context'}]}}");
    assertEquals(Product.JIRA, jira.product());
    assertEquals("location \"atl.jira.view.issue.right.context\" is Jira's", jira.reason());
    ProductDetector.Decision confluence =
        detect("{'modules': {'webItems': [{'key': 'i', 'location': 'system.content.action'}]}}");
    assertEquals(Product.CONFLUENCE, confluence.product());
  }

  @Test
  void readsLocationsOfSingleObjectModules() throws Exception {
    ProductDetector.Decision d =
        detect("{'modules': {'configurePage': {'key': 'c', 'location': 'system.space.admin'}}}");
    assertEquals(Product.CONFLUENCE, d.product());
  }

  @Test
  void usesProductSpecificAdminScopes() throws Exception {
    assertEquals(Product.JIRA, detect("{'scopes': ['read', 'project_admin']}").product());
    assertEquals(Product.CONFLUENCE, detect("{'scopes': ['SPACE_ADMIN']}").product());
  }

  @Test
  void breaksATieOfModuleTypesWithLocations() throws Exception {
    ProductDetector.Decision d =
        detect(
            "{'modules': {'jiraIssueGlances': [], 'dynamicContentMacros': [],"
                + " 'generalPages': [{'key': 'g', 'location': 'system.top.navigation.bar'}]}}");
    assertEquals(Product.JIRA, d.product());
  }

  @Test
  void checksAgainstWhatBothShareWhenNothingDecides() throws Exception {
    for (String json :
        new String[] {
          "{}",
          "{'modules': {'generalPages': [{'key': 'g', 'location': 'somewhere.else'}]}}",
          "{'modules': {'jiraIssueGlances': [], 'dynamicContentMacros': []}}",
          "{'modules': []}",
          "{'modules': {'webItems': 'not a list'}, 'scopes': 'READ'}"
        }) {
      ProductDetector.Decision d = detect(json);
      assertEquals(Product.COMMON, d.product(), json);
      assertEquals("nothing decides between Jira and Confluence: checked against what both share", d.reason());
    }
  }
}
