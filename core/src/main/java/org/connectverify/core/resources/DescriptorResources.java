package org.connectverify.core.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One descriptor's view of the {@link ResourceResolver}: its web roots and its baseUrl, bound once. The roots may be
 * given as a way to find them, asked the first time a check needs them: most descriptors name no file to look for, and
 * discovering roots looks at the file system.
 */
public final class DescriptorResources {
  private final ResourceResolver resolver;
  private final Supplier<WebRoots> discover;
  private final String baseUrl;
  private final Map<List<Object>, Resolution> seen;
  /** The roots, once asked (immutable, so a second thread at worst discovers them again). */
  private WebRoots roots;

  public DescriptorResources(ResourceResolver resolver, WebRoots roots, String baseUrl) {
    this(resolver, () -> roots, baseUrl, null);
  }

  private DescriptorResources(
      ResourceResolver resolver, Supplier<WebRoots> discover, String baseUrl, Map<List<Object>, Resolution> seen) {
    this.resolver = resolver;
    this.discover = discover;
    this.baseUrl = baseUrl;
    this.seen = seen;
  }

  private WebRoots roots() {
    WebRoots r = roots;
    if (r == null) {
      r = discover.get();
      roots = r;
    }
    return r;
  }

  /** Binds a resolver to a descriptor tree (its baseUrl is read from the tree, after templating). */
  public static DescriptorResources of(ResourceResolver resolver, WebRoots roots, JsonNode root) {
    return of(resolver, roots, root, null);
  }

  /**
   * As {@link #of(ResourceResolver, WebRoots, JsonNode)}, keeping resolutions in {@code seen}: a run's map, so the
   * checks of its descriptors that look for the same file under the same roots (an icon every check and every app of
   * a folder names) ask the file system once (see {@link ResourceResolver#resolve(WebRoots, String, String, Map)}).
   *
   * @param seen resolutions of this run; null to keep nothing
   */
  public static DescriptorResources of(
      ResourceResolver resolver, WebRoots roots, JsonNode root, Map<List<Object>, Resolution> seen) {
    return of(resolver, () -> roots, root, seen);
  }

  /**
   * As {@link #of(ResourceResolver, WebRoots, JsonNode, Map)} with the roots found by {@code discover} when a check
   * first needs them (called once, or twice when two threads ask together: it must give the same answer each time).
   */
  public static DescriptorResources of(
      ResourceResolver resolver, Supplier<WebRoots> discover, JsonNode root, Map<List<Object>, Resolution> seen) {
    JsonNode b = root == null ? null : root.path("baseUrl");
    return new DescriptorResources(resolver, discover, b != null && b.isTextual() ? b.asText() : null, seen);
  }

  /** Resolves a URL as written in the descriptor. */
  public Resolution resolve(String reference) {
    return resolver.resolve(roots(), baseUrl, reference, seen);
  }

  /**
   * The path {@link #resolve} would look for under the web roots, or null when it would look for none (see {@link
   * ResourceResolver#servedPath}); reads nothing.
   */
  public String servedPath(String reference) {
    return roots().folders().isEmpty() ? null : resolver.servedPath(baseUrl, reference);
  }

  /** Reads a file that {@link #resolve} found. */
  public ResourceResolver.Content read(Resolution.Found found) {
    return resolver.read(found.file());
  }

  /**
   * Files under the web roots whose file name satisfies {@code wanted}, as display paths; null when a root is too large
   * to index.
   */
  public List<String> filesInRoots(java.util.function.Predicate<String> wanted) {
    return resolver.filesNamed(roots().folders(), wanted);
  }

  /**
   * Files anywhere in the project that holds the descriptor (see {@link ResourceResolver#projectFolder}) whose file
   * name satisfies {@code wanted}, as display paths; empty for an in-memory descriptor, null when the project is too
   * large to index.
   */
  public List<String> filesInProject(java.nio.file.Path descriptorFile, java.util.function.Predicate<String> wanted) {
    java.nio.file.Path project = resolver.projectFolder(descriptorFile);
    return project == null ? List.of() : resolver.filesNamed(List.of(project), wanted);
  }

  /** The web roots, as display paths, in search order. */
  public List<String> searchedRoots() {
    return roots().folders().stream().map(resolver::display).toList();
  }

  /**
   * True when no web root was found: none given ({@code --resources}, a host) and none discovered beyond the
   * descriptor's own folder, so a missing file may only mean connect-verify does not know where the app serves from.
   */
  public boolean noWebRootFound(java.nio.file.Path descriptorFile) {
    if (roots().explicit()) {
      return false;
    }
    if (roots().folders().isEmpty()) {
      return true;
    }
    java.nio.file.Path folder =
        descriptorFile == null ? null : descriptorFile.toAbsolutePath().normalize().getParent();
    return roots().folders().size() == 1 && roots().folders().get(0).equals(folder);
  }

  /** How to describe the roots in a message: {@code "searched: a, b"} plus where they came from. */
  public String describeRoots() {
    return describeRoots(org.connectverify.core.OptionNames.CLI);
  }

  /** {@link #describeRoots()} naming the option as the host does. */
  public String describeRoots(org.connectverify.core.OptionNames names) {
    List<String> shown = searchedRoots();
    if (shown.isEmpty()) {
      return "no web root known";
    }
    String searched = roots().explicit() ? "searched " + names.of("resources", null) + " " : "searched ";
    return searched + String.join(", ", shown);
  }
}
