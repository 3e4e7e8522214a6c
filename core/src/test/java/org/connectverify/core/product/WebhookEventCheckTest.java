package org.connectverify.core.product;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookEventCheckTest {

  @Test
  void oneEditApartAcceptsOneInsertionDeletionSubstitutionOrSwap() {
    assertTrue(WebhookEventCheck.oneEditApart("jira:issue_create", "jira:issue_created"));
    assertTrue(WebhookEventCheck.oneEditApart("jira:issues_created", "jira:issue_created"));
    assertTrue(WebhookEventCheck.oneEditApart("page_creatad", "page_created"));
    assertTrue(WebhookEventCheck.oneEditApart("jira:isuse_created", "jira:issue_created"));
  }

  @Test
  void oneEditApartRefusesEqualOrFartherEvents() {
    assertFalse(WebhookEventCheck.oneEditApart("page_created", "page_created"));
    assertFalse(WebhookEventCheck.oneEditApart("page_created", "page_updated"));
    assertFalse(WebhookEventCheck.oneEditApart("page_archived", "page_unarchived"));
    assertFalse(WebhookEventCheck.oneEditApart("comment_deleted", "comment_created"));
  }
}
