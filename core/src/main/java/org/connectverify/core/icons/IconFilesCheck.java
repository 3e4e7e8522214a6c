package org.connectverify.core.icons;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.connectverify.core.Check;
import org.connectverify.core.CheckContext;
import org.connectverify.core.Finding;
import org.connectverify.core.Rule;
import org.connectverify.core.Severity;
import org.connectverify.core.json.Nodes;
import org.connectverify.core.json.Pointers;
import org.connectverify.core.resources.Resolution;
import org.connectverify.core.template.TemplateEngine;

/**
 * Every module icon given by a relative URL ({@code icon.url}, {@code icons.*.url}, {@code imagePlaceholder.url},
 * {@code iconUrl}) names an image file that is in the app's web roots, found the way translation files are. Only what
 * can be known offline is reported: an absolute URL is left to {@code online/icon-unavailable}, a URL that is not an
 * image file name ({@code /connectImage}, {@code /icon?size=16}) may be a route of the app's server, a template
 * placeholder is the templating step's, and a file of the same name elsewhere in the project may be served from
 * there by a route. When no icon is found and there is nowhere known to look (no web root, or web roots without a
 * single image, script, style sheet or page), the check is skipped with a note naming {@code --resources}.
 */
public final class IconFilesCheck implements Check {
  public static final Rule MISSING_FILE =
      Rule.of(
          "icons/missing-file",
          Severity.WARNING,
          "A module icon's relative URL names an image that is not in the app's web roots: the product shows a broken"
              + " image.");

  /** File names web servers serve as images. */
  private static final Pattern IMAGE =
      Pattern.compile("(?i).+\\.(png|svg|jpe?g|gif|ico|webp|bmp|avif|apng)");

  /** Other files a web page is built from (with {@link #IMAGE}): what a web root that serves the app's pages holds. */
  private static final Pattern ASSET = Pattern.compile("(?i).+\\.(css|js|mjs|html?|woff2?|ttf|otf|eot)");

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  /**
   * Members of a module whose object holds an icon's {@code url} (also what the online icon check fetches, so both
   * read the same icons).
   */
  public static final Set<String> ICON_OBJECTS = Set.of("icon", "icons", "imagePlaceholder");

  @Override
  public List<Rule> rules() {
    return List.of(MISSING_FILE);
  }

  /** One icon URL in the descriptor. */
  private record Icon(String pointer, String reference) {}

  /** The uses of one missing file, by the path the app's server would be asked for. */
  private record Missing(Resolution.Missing resolution, List<Icon> uses) {}

  @Override
  public void check(CheckContext ctx) {
    List<Icon> icons = new ArrayList<>();
    collect(ctx.root().path("modules"), "/modules", false, icons);
    int found = 0;
    Map<String, Missing> missing = new LinkedHashMap<>();
    for (Icon icon : icons) {
      if (!checkable(icon.reference())) {
        continue;
      }
      Resolution r = ctx.resources().resolve(icon.reference().trim());
      if (r instanceof Resolution.Found) {
        found++;
      } else if (r instanceof Resolution.Missing m) {
        missing.computeIfAbsent(m.servedPath(), k -> new Missing(m, new ArrayList<>())).uses().add(icon);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    if (found == 0) {
      String unknown = nowhereToLook(ctx);
      if (unknown != null) {
        ctx.note(
            ctx.descriptor().file()
                + ": icon files not checked: "
                + (missing.size() == 1
                    ? "the one referenced is not"
                    : "none of the " + missing.size() + " referenced is")
                + " in the app's web roots, and "
                + unknown
                + "; pass "
                + ctx.options().optionNames().of("resources", null)
                + " DIR with the folder the app serves them from");
        return;
      }
    }
    for (Missing m : missing.values()) {
      report(ctx, m);
    }
  }

  /** Why there is nowhere known to look for the app's images, or null when there is. */
  private static String nowhereToLook(CheckContext ctx) {
    if (ctx.resources().noWebRootFound(ctx.descriptor().path())) {
      return "no web root was found (public/, static/, src/main/webapp, ...)";
    }
    // Web roots without a single image, script, style sheet or page (only descriptors, translation files) are a copy
    // without the app's static files, or a build not yet run: a missing icon there says nothing about the release.
    List<String> assets = ctx.resources().filesInRoots(IconFilesCheck::staticFile);
    if (assets == null || assets.isEmpty()) {
      return "those ("
          + String.join(", ", ctx.resources().searchedRoots())
          + ") hold no image, script, style sheet or page";
    }
    return null;
  }

  private static void report(CheckContext ctx, Missing m) {
    Icon first = m.uses().get(0);
    Resolution.Missing r = m.resolution();
    String name = r.servedPath().substring(r.servedPath().lastIndexOf('/') + 1);
    String hint;
    if (r.caseMismatch() != null) {
      hint =
          "a file "
              + r.caseMismatch()
              + " exists, but its name differs in letter case: web servers on case-sensitive file systems will not"
              + " serve it";
    } else {
      List<String> elsewhere =
          r.sameName() != null
              ? List.of(r.sameName().display())
              : ctx.resources().filesInProject(ctx.descriptor().path(), name::equals);
      if (elsewhere == null || !elsewhere.isEmpty()) {
        // a file of that name elsewhere in the project: the app's server may well serve it at this URL (a route, a
        // static mount of another folder, a build step that copies it), which cannot be known offline
        ctx.note(
            ctx.descriptor().file()
                + ": icon \""
                + first.reference()
                + "\" is in none of the app's web roots, but not reported: "
                + (elsewhere == null
                    ? "the project is too large to look for it elsewhere"
                    : "a file of that name is at " + elsewhere.get(0) + ", which the app's server may serve there"));
        return;
      }
      hint =
          "add the image there, fix the URL, or point "
              + ctx.options().optionNames().of("resources", null)
              + " at the folder the app serves";
    }
    String served =
        r.servedPath().equals(first.reference().trim())
            ? ""
            : " (path " + r.servedPath() + " under the app's baseUrl)";
    List<Finding.Related> related = new ArrayList<>();
    for (Icon other : m.uses().subList(1, m.uses().size())) {
      related.add(new Finding.Related(ctx.at(other.pointer()), "the same icon, also used here"));
    }
    ctx.report(
        MISSING_FILE,
        ctx.at(first.pointer()),
        "icon \""
            + first.reference()
            + "\""
            + served
            + " is in none of the app's web roots ("
            + ctx.resources().describeRoots(ctx.options().optionNames())
            + "): the product shows a broken image"
            + (m.uses().size() > 1 ? " in " + m.uses().size() + " places" : ""),
        hint,
        related);
  }

  /** True for a file a web page is built from: an image, script, style sheet, page or web font. */
  private static boolean staticFile(String name) {
    return IMAGE.matcher(name).matches() || ASSET.matcher(name).matches();
  }

  /**
   * True for a URL that names a file offline: relative (no scheme, not {@code //host}), no template placeholder, and a
   * last path segment that is an image file name. Anything else may be a route of the app's server.
   */
  static boolean checkable(String reference) {
    String ref = reference.trim();
    if (ref.isEmpty() || SCHEME.matcher(ref).find() || ref.startsWith("//") || TemplateEngine.holdsPlaceholder(ref)) {
      return false;
    }
    int cut = ref.length();
    for (char c : new char[] {'?', '#'}) {
      int i = ref.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    String path = ref.substring(0, cut);
    String last = path.substring(path.lastIndexOf('/') + 1);
    return IMAGE.matcher(last.toLowerCase(Locale.ROOT)).matches();
  }

  /** Every icon URL under {@code node}: {@code url} inside an icon object, and {@code iconUrl} (Jira project pages). */
  private static void collect(JsonNode node, String pointer, boolean insideIcon, List<Icon> out) {
    if (Nodes.isArray(node)) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), Pointers.child(pointer, i), insideIcon, out);
      }
      return;
    }
    if (!Nodes.isObject(node)) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (Nodes.isText(value)) {
        if ((insideIcon && key.equals("url")) || key.equals("iconUrl")) {
          out.add(new Icon(Pointers.child(pointer, key), value.asText()));
        }
      } else if (Nodes.isContainer(value) && !key.equals("conditions")) {
        collect(value, Pointers.child(pointer, key), insideIcon || ICON_OBJECTS.contains(key), out);
      }
    }
  }
}
