package org.connectverify.core.product;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.connectverify.core.Product;

/**
 * What Jira and Confluence know beyond the schemas: predefined condition names, URL context parameters and the scope
 * hierarchy. Immutable. Sources: {@code reference/connect-facts.md} (§3 context parameters, §6 scopes, §8 conditions),
 * the Atlassian Connect plugin's conditions and context-parameter documentation, and the webhook module documentation.
 */
public final class ProductFacts {
  private static final ProductFacts STANDARD = new ProductFacts();

  /** Conditions every product knows. */
  private static final Set<String> COMMON_CONDITIONS =
      sorted(
          "addon_is_licensed",
          "addon_property_contains_all",
          "addon_property_contains_any",
          "addon_property_contains_any_user_group",
          "addon_property_contains_context",
          "addon_property_equal_to",
          "addon_property_equal_to_context",
          "addon_property_exists",
          "entity_property_contains_all",
          "entity_property_contains_any",
          "entity_property_contains_any_user_group",
          "entity_property_contains_context",
          "entity_property_equal_to",
          "entity_property_equal_to_context",
          "entity_property_exists",
          "feature_flag",
          "user_is_admin",
          "user_is_logged_in",
          "user_is_sysadmin");

  private static final Set<String> JIRA_CONDITIONS =
      sorted(
          "can_attach_file_to_issue",
          "can_attach_screenshot_to_issue",
          "can_manage_attachments",
          "can_use_application",
          "has_global_permission",
          "has_issue_permission",
          "has_project_permission",
          "has_selected_project",
          "has_sub_tasks_available",
          "has_voted_for_issue",
          "is_admin_mode",
          "is_issue_assigned_to_current_user",
          "is_issue_editable",
          "is_issue_reported_by_current_user",
          "is_issue_unresolved",
          "is_sub_task",
          "is_watching_issue",
          "jira_expression",
          "linking_enabled",
          "project_type",
          "servicedesk.is_agent",
          "servicedesk.is_customer",
          "sub_tasks_enabled",
          "time_tracking_enabled",
          "user_has_issue_history",
          "user_is_project_admin",
          "user_is_the_logged_in_user",
          "voting_enabled",
          "watching_enabled");

  private static final Set<String> CONFLUENCE_CONDITIONS =
      sorted(
          "active_theme",
          "can_edit_space_styles",
          "can_signup",
          "content_has_any_permissions_set",
          "content_property_contains_all",
          "content_property_contains_any",
          "content_property_contains_any_user_group",
          "content_property_contains_context",
          "content_property_equal_to",
          "content_property_equal_to_context",
          "content_property_exists",
          "create_content",
          "email_address_public",
          "favourite_page",
          "favourite_space",
          "following_target_user",
          "has_attachment",
          "has_attachment_permission",
          "has_blog_post",
          "has_page",
          "has_page_permission",
          "has_space",
          "has_space_permission",
          "has_template",
          "latest_version",
          "not_personal_space",
          "printable_version",
          "showing_page_attachments",
          "space_function_permission",
          "space_property_contains_all",
          "space_property_contains_any",
          "space_property_contains_any_user_group",
          "space_property_contains_context",
          "space_property_equal_to",
          "space_property_equal_to_context",
          "space_property_exists",
          "space_sidebar",
          "target_user_can_set_status",
          "target_user_has_personal_blog",
          "target_user_has_personal_space",
          "threaded_comments",
          "tiny_url_supported",
          "user_can_create_personal_space",
          "user_can_update_user_status",
          "user_can_use_confluence",
          "user_favouriting_target_user_personal_space",
          "user_has_personal_blog",
          "user_has_personal_space",
          "user_is_confluence_administrator",
          "user_logged_in_editable",
          "user_watching_page",
          "user_watching_space",
          "user_watching_space_for_content_type",
          "viewing_content",
          "viewing_own_profile");

  /** Context parameters Jira binds in module URLs ({@code {issue.key}}), Jira Software and Service Management included. */
  private static final Set<String> JIRA_PARAMETERS =
      sorted(
          "issue.id",
          "issue.key",
          "issuetype.id",
          "project.id",
          "project.key",
          "version.id",
          "component.id",
          "profileUser.name",
          "profileUser.key",
          "profileUser.accountId",
          "board.id",
          "board.type",
          "board.screen",
          "board.mode",
          "sprint.id",
          "sprint.state",
          "servicedesk.serviceDeskId",
          "servicedesk.requestId",
          "servicedesk.requestTypeId");

  /**
   * Confluence's documented parameters, plus {@code attachment.id}/{@code attachment.name}, which a production app in the
   * corpus (ONLYOFFICE) relies on in pages opened from the attachment menu although the documentation does not list them.
   */
  private static final Set<String> CONFLUENCE_PARAMETERS =
      sorted(
          "attachment.id",
          "attachment.name",
          "content.id",
          "content.version",
          "content.type",
          "content.plugin",
          "space.id",
          "space.key",
          "page.id",
          "page.version",
          "page.type");

  /** Parameters that only some module types get, on top of the product's. */
  private static final Map<String, Set<String>> MODULE_PARAMETERS = moduleParameters();

  private static Map<String, Set<String>> moduleParameters() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put(
        "jiraDashboardItems",
        sorted("dashboardItem.id", "dashboardItem.key", "dashboardItem.viewType", "dashboard.id"));
    m.put("jiraWorkflowPostFunctions", sorted("postFunction.id", "postFunction.config"));
    m.put("jiraWorkflowValidators", sorted("validator.id", "validator.config"));
    m.put("jiraWorkflowConditions", sorted("condition.id", "condition.config"));
    Set<String> macro =
        sorted(
            "macro.id", "macro.hash", "macro.body", "macro.truncated", "output.type", "page.title", "user.id",
            "user.key", "user.accountId");
    m.put("dynamicContentMacros", macro);
    m.put("staticContentMacros", macro);
    return Collections.unmodifiableMap(m);
  }

  /** Scopes in the order of the hierarchy, and what each implies (ScopeName.implies in the Connect plugin). */
  private static final Map<String, Set<String>> SCOPE_IMPLIES = scopeImplies();

  private static Map<String, Set<String>> scopeImplies() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("NONE", Set.of());
    m.put("READ", Set.of("NONE"));
    m.put("WRITE", Set.of("READ", "NONE"));
    m.put("DELETE", Set.of("WRITE", "READ", "NONE"));
    m.put("PROJECT_ADMIN", Set.of("DELETE", "WRITE", "READ", "NONE"));
    m.put("SPACE_ADMIN", Set.of("DELETE", "WRITE", "READ", "NONE"));
    m.put("ADMIN", Set.of("PROJECT_ADMIN", "SPACE_ADMIN", "DELETE", "WRITE", "READ", "NONE"));
    m.put("ACT_AS_USER", Set.of());
    m.put("ACCESS_EMAIL_ADDRESSES", Set.of());
    return Collections.unmodifiableMap(m);
  }

  /** Webhook events both products emit: the app's own lifecycle ones (webhook module documentation of both). */
  private static final Set<String> COMMON_EVENTS = sorted("connect_addon_disabled", "connect_addon_enabled");

  /** Webhook events Jira emits (Jira Connect webhook module documentation). */
  private static final Set<String> JIRA_EVENTS =
      sorted(
          "attachment_created", "attachment_deleted",
          "board_configuration_changed", "board_created", "board_deleted", "board_updated",
          "comment_created", "comment_deleted", "comment_updated",
          "component_created", "component_deleted", "component_updated",
          "filter_created", "filter_deleted", "filter_updated",
          "issue_property_deleted", "issue_property_set",
          "issuelink_created", "issuelink_deleted",
          "issuetype_created", "issuetype_deleted", "issuetype_updated",
          "jira:issue_created", "jira:issue_deleted", "jira:issue_updated", "jira:worklog_updated",
          "jira_expression_evaluation_failed",
          "option_attachments_changed", "option_issuelinks_changed", "option_subtasks_changed",
          "option_timetracking_changed", "option_unassigned_issues_changed", "option_voting_changed",
          "option_watching_changed",
          "project_archived", "project_created", "project_deleted", "project_restored_archived",
          "project_restored_deleted", "project_soft_deleted", "project_updated",
          "sprint_closed", "sprint_created", "sprint_deleted", "sprint_started", "sprint_updated",
          "user_created", "user_deleted", "user_updated",
          "version_created", "version_deleted", "version_merged", "version_moved", "version_released",
          "version_unreleased", "version_updated",
          "worklog_created", "worklog_deleted", "worklog_updated");

  /** Webhook events Confluence emits (Confluence Connect webhook module documentation). */
  private static final Set<String> CONFLUENCE_EVENTS =
      sorted(
          "attachment_archived", "attachment_created", "attachment_removed", "attachment_restored",
          "attachment_trashed", "attachment_unarchived", "attachment_updated", "attachment_viewed",
          "blog_created", "blog_removed", "blog_restored", "blog_trashed", "blog_updated", "blog_viewed",
          "blueprint_page_created",
          "comment_created", "comment_removed", "comment_updated",
          "content_created", "content_permissions_updated", "content_restored", "content_trashed",
          "content_updated",
          "group_created", "group_removed",
          "label_added", "label_created", "label_deleted", "label_removed",
          "login", "login_failed", "logout",
          "page_archived", "page_children_reordered", "page_copied", "page_created", "page_moved",
          "page_removed", "page_restored", "page_trashed", "page_unarchived", "page_updated", "page_viewed",
          "relation_created", "relation_deleted",
          "search_performed",
          "space_created", "space_logo_updated", "space_permissions_updated", "space_removed", "space_updated",
          "theme_enabled",
          "user_created", "user_deactivated", "user_followed", "user_reactivated", "user_removed");

  private ProductFacts() {}

  /** The facts as documented (immutable, shared). */
  public static ProductFacts standard() {
    return STANDARD;
  }

  /** Predefined condition names of a product, sorted; for an undecided product, those of both. */
  public Set<String> conditions(Product product) {
    return CONDITIONS.get(decided(product));
  }

  /** Context parameters a module type's URLs may use in a product (without {@code ac.*} and conditions). */
  public Set<String> contextParameters(Product product, String moduleType) {
    Product p = decided(product);
    Set<String> own = MODULE_PARAMETERS.get(moduleType);
    if (own == null) {
      return PARAMETERS.get(p);
    }
    return MODULE_TYPE_PARAMETERS.get(p).computeIfAbsent(moduleType, t -> sortedUnion(PARAMETERS.get(p), own));
  }

  /**
   * Webhook events a product is documented to emit, sorted; for an undecided product, those of both. The lists name
   * what is documented, not everything a host may emit: an event missing from them is unconfirmed, not wrong.
   */
  public Set<String> webhookEvents(Product product) {
    return EVENTS.get(decided(product));
  }

  /** No product is taken as an undecided one: both products' names. */
  private static Product decided(Product product) {
    return product == null ? Product.COMMON : product;
  }

  // Each product's sets, made once: checks ask for them for every condition, URL and webhook they read.
  private static final Map<Product, Set<String>> CONDITIONS =
      perProduct(COMMON_CONDITIONS, JIRA_CONDITIONS, CONFLUENCE_CONDITIONS);
  private static final Map<Product, Set<String>> PARAMETERS =
      perProduct(Set.of(), JIRA_PARAMETERS, CONFLUENCE_PARAMETERS);
  private static final Map<Product, Set<String>> EVENTS = perProduct(COMMON_EVENTS, JIRA_EVENTS, CONFLUENCE_EVENTS);
  /** Per product, the parameters of module types with their own (known types only: the map stays small). */
  private static final Map<Product, Map<String, Set<String>>> MODULE_TYPE_PARAMETERS =
      new java.util.EnumMap<>(Product.class);

  static {
    for (Product p : Product.values()) {
      MODULE_TYPE_PARAMETERS.put(p, new java.util.concurrent.ConcurrentHashMap<>());
    }
  }

  /** For each product, the shared names with Jira's (unless Confluence) and Confluence's (unless Jira), sorted. */
  private static Map<Product, Set<String>> perProduct(Set<String> shared, Set<String> jira, Set<String> confluence) {
    Map<Product, Set<String>> out = new java.util.EnumMap<>(Product.class);
    for (Product product : Product.values()) {
      TreeSet<String> names = new TreeSet<>(shared);
      if (product != Product.CONFLUENCE) {
        names.addAll(jira);
      }
      if (product != Product.JIRA) {
        names.addAll(confluence);
      }
      out.put(product, Collections.unmodifiableSet(names));
    }
    return out;
  }

  private static Set<String> sortedUnion(Set<String> a, Set<String> b) {
    TreeSet<String> out = new TreeSet<>(a);
    out.addAll(b);
    return Collections.unmodifiableSet(out);
  }

  /** Every scope name, upper case, in hierarchy order. */
  public List<String> scopes() {
    return List.copyOf(SCOPE_IMPLIES.keySet());
  }

  /** True when {@code a} implies {@code b} (both upper case); a scope does not imply itself. */
  public boolean implies(String a, String b) {
    return SCOPE_IMPLIES.getOrDefault(a, Set.of()).contains(b);
  }

  /** True when the scopes (upper case) include {@code needed} or a scope that implies it. */
  public boolean grants(Set<String> scopes, String needed) {
    return scopes.contains(needed) || scopes.stream().anyMatch(s -> implies(s, needed));
  }

  private static Set<String> sorted(String... names) {
    TreeSet<String> s = new TreeSet<>();
    for (String n : names) {
      s.add(n);
    }
    return Collections.unmodifiableSet(s);
  }
}
