package org.connectverify.core.resources;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.connectverify.core.text.FileBytes;

/**
 * The only code that opens files a descriptor refers to. Relative URLs in a descriptor are served from the app's web
 * root, so they are resolved against local folders: the ones given with {@code --resources}, or else folders
 * discovered from the descriptor's location (see {@link #rootsFor}). Absolute URLs under the app's baseUrl map to the
 * same folders; other absolute URLs are left to the online checks. Reads are cached for the run. One instance per run,
 * shared by the threads that verify its files (the caches are concurrent maps; a race only reads a file twice).
 */
public final class ResourceResolver {
  /** Where web servers and frameworks serve static files from, relative to a project (or module) folder. */
  static final List<String> CONVENTIONAL_ROOTS =
      List.of(
          "public",
          "static",
          "src/main/resources/static",
          "src/main/resources/public",
          "src/main/resources/META-INF/resources",
          "src/main/resources/resources",
          "src/main/webapp",
          "target/classes/static",
          "target/classes/public",
          "target/classes/META-INF/resources",
          "target/classes/resources",
          "build/resources/main/static",
          "build/resources/main/public");

  /** Class-path roots: a descriptor there is served by a controller, the folder itself is not a web root. */
  private static final List<String> CLASSPATH_ROOTS =
      List.of("src/main/resources", "target/classes", "build/resources/main");

  /** Files that mark the top of a project: the upward search for web roots stops at a folder holding one. */
  static final List<String> PROJECT_MARKERS =
      List.of(
          "pom.xml",
          "package.json",
          "build.gradle",
          "build.gradle.kts",
          "settings.gradle",
          "settings.gradle.kts",
          ".git");

  /** How far above the descriptor's folder the search goes when nothing else stops it. */
  static final int MAX_LEVELS_UP = 6;

  /** Referenced files larger than this are not read. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final List<Path> explicitRoots;
  private final Map<Path, List<Path>> hostRoots;
  private final Path baseDir;
  private final Map<Path, Content> cache = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Path, Map<String, List<Path>>> names = new java.util.concurrent.ConcurrentHashMap<>();
  /** Roots whose name index was abandoned for holding more than {@link #MAX_INDEXED_FILES} files. */
  private final Set<Path> overflowed = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Folders never searched for moved files. */
  private static final Set<String> SKIP_DIRS =
      Set.of("node_modules", ".git", ".hg", ".svn", "bower_components", ".idea", ".gradle");

  /** How many files one web root's name index may hold; beyond that, moved files are not looked for. */
  static final int MAX_INDEXED_FILES = 20_000;

  /**
   * @param explicitRoots absolute web roots given by the user; empty to discover them per descriptor
   * @param baseDir display paths are relative to this folder
   */
  public ResourceResolver(List<Path> explicitRoots, Path baseDir) {
    this(explicitRoots, Map.of(), baseDir);
  }

  /**
   * @param hostRoots web roots a host knows for particular descriptors (absolute, normalized descriptor path to
   *     absolute roots); they win over {@code explicitRoots} and discovery for those descriptors
   */
  public ResourceResolver(List<Path> explicitRoots, Map<Path, List<Path>> hostRoots, Path baseDir) {
    this.explicitRoots = List.copyOf(explicitRoots);
    this.hostRoots = Map.copyOf(hostRoots);
    this.baseDir = baseDir.toAbsolutePath().normalize();
  }

  /** The content of a referenced file, or why it could not be read. */
  public record Content(byte[] bytes, String error) {
    public boolean ok() {
      return bytes != null;
    }
  }

  /**
   * The web roots for a descriptor file. Those its host gave for it ({@code VerifyOptions.AppFolders}), else with
   * {@code --resources}, exactly those. Otherwise: the descriptor's own
   * folder (unless it is a class-path root such as {@code src/main/resources}, which Spring Boot does not serve), any
   * folder above it that is itself a conventional web root (e.g. {@code src/main/webapp}), and the conventional web
   * roots ({@link #CONVENTIONAL_ROOTS}) inside the descriptor's folder and each folder above it, up to and including
   * the first folder that holds a project marker ({@link #PROJECT_MARKERS}), is the folder the user named, or is the
   * base folder; at most {@link #MAX_LEVELS_UP} levels up.
   *
   * @param descriptorFile the descriptor on disk, or null for an in-memory descriptor
   * @param namedFolder the folder the user named that the descriptor was found in, or null
   */
  public WebRoots rootsFor(Path descriptorFile, Path namedFolder) {
    return rootsFor(descriptorFile, namedFolder, null);
  }

  /**
   * As {@link #rootsFor(Path, Path)}, keeping what discovery found in {@code seen} (by folder and where the search
   * stops): the descriptors of one run that share a folder share its roots, and the file system is asked once. A run
   * keeps its own map, so a later run sees folders made since.
   *
   * @param seen discovered roots of this run, or null to keep nothing
   */
  public WebRoots rootsFor(Path descriptorFile, Path namedFolder, Map<List<Path>, WebRoots> seen) {
    List<Path> known = descriptorFile == null ? null : hostRoots.get(descriptorFile.toAbsolutePath().normalize());
    if (known != null && !known.isEmpty()) {
      return new WebRoots(known, false);
    }
    if (!explicitRoots.isEmpty()) {
      return new WebRoots(explicitRoots, true);
    }
    if (descriptorFile == null) {
      return WebRoots.none();
    }
    Path folder = descriptorFile.toAbsolutePath().normalize().getParent();
    if (folder == null) {
      return WebRoots.none();
    }
    Path stop = namedFolder == null ? null : namedFolder.toAbsolutePath().normalize();
    return seen == null
        ? discover(folder, stop)
        : seen.computeIfAbsent(java.util.Arrays.asList(folder, stop), k -> discover(folder, stop));
  }

  /** The web roots discovery finds for a descriptor in {@code folder}, searching up to {@code stop} (may be null). */
  private WebRoots discover(Path folder, Path stop) {
    Set<Path> roots = new LinkedHashSet<>();
    if (!endsWithAny(folder, CLASSPATH_ROOTS)) {
      roots.add(folder);
    }
    Path at = folder;
    for (int level = 0; at != null && level <= MAX_LEVELS_UP; level++, at = at.getParent()) {
      if (level > 0 && endsWithAny(at, CONVENTIONAL_ROOTS)) {
        roots.add(at);
      }
      addConventionalRoots(at, roots);
      if (at.equals(stop) || at.equals(baseDir) || hasProjectMarker(at)) {
        break;
      }
    }
    return new WebRoots(new ArrayList<>(roots), false);
  }

  /**
   * Adds the conventional web roots inside {@code folder} that exist, in {@link #CONVENTIONAL_ROOTS} order. A root
   * whose first folder is missing is missing too, so one look at {@code src} spares five: a look at the file system
   * costs microseconds, far more than the rest of {@link #rootsFor}.
   */
  private static void addConventionalRoots(Path folder, Set<Path> roots) {
    Map<String, Boolean> present = new java.util.HashMap<>(8);
    for (String conventional : CONVENTIONAL_ROOTS) {
      int slash = conventional.indexOf('/');
      String first = slash < 0 ? conventional : conventional.substring(0, slash);
      if (!present.computeIfAbsent(first, f -> Files.isDirectory(folder.resolve(f)))) {
        continue;
      }
      Path candidate = folder.resolve(conventional);
      if (slash < 0 || Files.isDirectory(candidate)) {
        roots.add(candidate);
      }
    }
  }

  private static boolean hasProjectMarker(Path folder) {
    for (String marker : PROJECT_MARKERS) {
      if (Files.exists(folder.resolve(marker))) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(Path folder, List<String> suffixes) {
    for (String suffix : suffixes) {
      if (folder.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Resolves one URL from a descriptor.
   *
   * @param roots the descriptor's web roots
   * @param baseUrl the descriptor's baseUrl (after templating), or null
   * @param reference the URL as written (relative to baseUrl, or absolute)
   */
  public Resolution resolve(WebRoots roots, String baseUrl, String reference) {
    return resolve(roots, baseUrl, reference, null);
  }

  /**
   * As {@link #resolve(WebRoots, String, String)}, keeping what the file system answered in {@code seen}: a run's map,
   * by web roots and the path looked for, so every URL of the run's descriptors that leads to the same file under the
   * same roots (whatever its baseUrl) asks once. A later run asks again.
   *
   * @param seen answers of this run; null to keep nothing
   */
  public Resolution resolve(WebRoots roots, String baseUrl, String reference, Map<List<Object>, Resolution> seen) {
    Local local = local(baseUrl, reference);
    if (local.unresolved() != null) {
      return local.unresolved();
    }
    if (seen == null) {
      return lookUp(roots, local);
    }
    return seen.computeIfAbsent(List.of(roots, local.segments()), k -> lookUp(roots, local));
  }

  /** Looks for the file a local URL names under the roots. */
  private Resolution lookUp(WebRoots roots, Local local) {
    List<String> segments = local.segments();
    String served = local.servedPath();
    if (roots.folders().isEmpty()) {
      return new Resolution.Unresolvable(served, "no local web root is known for this descriptor");
    }
    String caseMismatch = null;
    for (Path root : roots.folders()) {
      Path candidate;
      try {
        candidate = root.resolve(String.join("/", segments)).normalize();
      } catch (InvalidPathException e) {
        return new Resolution.Unresolvable(served, "the path is not a valid file name here");
      }
      if (!Files.isRegularFile(candidate)) {
        continue;
      }
      if (namesMatchExactly(candidate, segments.size())) {
        return new Resolution.Found(served, candidate, display(candidate), display(root));
      }
      if (caseMismatch == null) {
        caseMismatch = displayReal(candidate);
      }
    }
    List<String> searched = roots.folders().stream().map(this::display).toList();
    String fileName = segments.get(segments.size() - 1);
    return new Resolution.Missing(served, searched, caseMismatch, () -> sameName(roots, fileName));
  }

  /**
   * The path a URL would be served at under the app's web roots ({@code /i18n/en.json}), or null when it names no local
   * file (remote, with placeholders, malformed, the web root itself). Reads nothing: what {@link #resolve} would look
   * up, before it looks.
   */
  public String servedPath(String baseUrl, String reference) {
    Local local = local(baseUrl, reference);
    return local.unresolved() == null ? local.servedPath() : null;
  }

  /** A reference taken apart: the path's segments under the web root, or why it maps to no file. */
  private record Local(List<String> segments, Resolution unresolved) {
    static Local not(Resolution why) {
      return new Local(null, why);
    }

    String servedPath() {
      return "/" + String.join("/", segments);
    }
  }

  private static Local local(String baseUrl, String reference) {
    if (reference == null || reference.isBlank()) {
      return Local.not(new Resolution.Unresolvable("", "the URL is empty"));
    }
    String rest;
    if (SCHEME.matcher(reference).find() || reference.startsWith("//")) {
      rest = underBaseUrl(baseUrl, reference);
      if (rest == null) {
        return Local.not(new Resolution.Remote("", reference));
      }
    } else {
      rest = reference;
    }
    String path = stripQuery(rest);
    if (path.contains("{") || path.contains("}")) {
      return Local.not(new Resolution.Unresolvable(path, "the path has variables or placeholders"));
    }
    List<String> segments = new ArrayList<>();
    for (String raw : path.split("/", -1)) {
      String segment = percentDecode(raw);
      if (segment == null) {
        return Local.not(new Resolution.Unresolvable(path, "the path has a malformed %-escape"));
      }
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return Local.not(new Resolution.Unresolvable(path, "the path climbs above the web root"));
        }
        segments.remove(segments.size() - 1);
        continue;
      }
      if (segment.contains("\\") || segment.indexOf('\0') >= 0) {
        return Local.not(new Resolution.Unresolvable(path, "the path has characters no web server maps to a file"));
      }
      segments.add(segment);
    }
    if (segments.isEmpty()) {
      return Local.not(new Resolution.Unresolvable("/", "the URL names the web root itself, not a file"));
    }
    return new Local(segments, null);
  }

  /**
   * A file called {@code fileName} somewhere under the roots, or null; when several roots hold it, the one it is served
   * from by the shortest path (the most specific root).
   */
  private Resolution.Elsewhere sameName(WebRoots roots, String fileName) {
    Resolution.Elsewhere best = null;
    for (Path root : roots.folders()) {
      List<Path> hits = index(root).getOrDefault(fileName, List.of());
      if (!hits.isEmpty()) {
        Path hit = hits.get(0);
        String served = "/" + root.relativize(hit).toString().replace('\\', '/');
        if (best == null || served.length() < best.servedPath().length()) {
          best = new Resolution.Elsewhere(display(hit), served);
        }
      }
    }
    return best;
  }

  /**
   * Files whose name satisfies {@code wanted} under the given folders (not in {@code node_modules}, VCS or IDE
   * folders), as display paths in sorted order; null when a folder is too large to index, so the answer is unknown.
   */
  public List<String> filesNamed(List<Path> folders, java.util.function.Predicate<String> wanted) {
    List<String> out = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      Map<String, List<Path>> index = index(folder);
      if (index.isEmpty() && overflowed.contains(folder)) {
        return null;
      }
      index.forEach((name, files) -> {
        if (wanted.test(name)) {
          files.forEach(f -> out.add(display(f)));
        }
      });
    }
    out.sort(null);
    return out.stream().distinct().toList();
  }

  /**
   * The folder of the project that holds {@code descriptorFile}: the first folder at or above the descriptor's own that
   * holds a project marker ({@link #PROJECT_MARKERS}) or is the base folder, at most {@link #MAX_LEVELS_UP} levels up;
   * the descriptor's own folder when none is; null for an in-memory descriptor.
   */
  public Path projectFolder(Path descriptorFile) {
    if (descriptorFile == null) {
      return null;
    }
    Path folder = descriptorFile.toAbsolutePath().normalize().getParent();
    Path at = folder;
    for (int level = 0; at != null && level <= MAX_LEVELS_UP; level++, at = at.getParent()) {
      if (at.equals(baseDir) || hasProjectMarker(at)) {
        return at;
      }
    }
    return folder;
  }

  /** File name to files under a root, built once per run; empty when the root is too large to index. */
  private Map<String, List<Path>> index(Path root) {
    Map<String, List<Path>> cached = names.get(root);
    if (cached != null) {
      return cached;
    }
    Map<String, List<Path>> index = new HashMap<>();
    int[] count = {0};
    try {
      Files.walkFileTree(
          root,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
              return !dir.equals(root) && SKIP_DIRS.contains(String.valueOf(dir.getFileName()))
                  ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                  : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
              if (++count[0] > MAX_INDEXED_FILES) {
                return java.nio.file.FileVisitResult.TERMINATE;
              }
              if (attrs.isRegularFile()) {
                index.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(file);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      index.clear();
    }
    if (count[0] > MAX_INDEXED_FILES) {
      index.clear();
      overflowed.add(root);
    }
    index.values().forEach(list -> list.sort(null));
    names.put(root, index);
    return index;
  }

  /** The part of {@code url} after the baseUrl, or null when the URL is not under it. */
  static String underBaseUrl(String baseUrl, String url) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return null;
    }
    String base = stripTrailingSlashes(baseUrl);
    if (url.startsWith(base) && isBoundary(url, base.length())) {
      return url.substring(base.length());
    }
    try {
      URI b = new URI(base);
      URI u = new URI(url.startsWith("//") && b.getScheme() != null ? b.getScheme() + ":" + url : url);
      if (b.getScheme() == null || u.getScheme() == null || b.getHost() == null || u.getHost() == null) {
        return null;
      }
      if (!b.getScheme().equalsIgnoreCase(u.getScheme())
          || !b.getHost().equalsIgnoreCase(u.getHost())
          || port(b) != port(u)) {
        return null;
      }
      String bp = b.getRawPath() == null ? "" : stripTrailingSlashes(b.getRawPath());
      String up = u.getRawPath() == null ? "" : u.getRawPath();
      if (!up.startsWith(bp) || !isBoundary(up, bp.length())) {
        return null;
      }
      String tail = up.substring(bp.length());
      return tail + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean isBoundary(String s, int at) {
    if (at >= s.length()) {
      return true;
    }
    char c = s.charAt(at);
    return c == '/' || c == '?' || c == '#';
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "http".equalsIgnoreCase(u.getScheme()) ? 80 : "https".equalsIgnoreCase(u.getScheme()) ? 443 : -1;
  }

  private static String stripTrailingSlashes(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String stripQuery(String s) {
    int cut = s.length();
    int q = s.indexOf('?');
    int h = s.indexOf('#');
    if (q >= 0) {
      cut = Math.min(cut, q);
    }
    if (h >= 0) {
      cut = Math.min(cut, h);
    }
    return s.substring(0, cut);
  }

  /** Decodes %XX escapes as UTF-8 (no '+' to space: that is for query strings); null when malformed. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          return null;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi * 16 + lo);
        i += 3;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i++;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** False when the file exists only because the file system ignores case (the web server would not find it). */
  private static boolean namesMatchExactly(Path candidate, int depth) {
    try {
      Path real = candidate.toRealPath();
      if (!Files.isSymbolicLink(candidate) && real.getNameCount() >= depth && candidate.getNameCount() >= depth) {
        Path wanted = candidate.subpath(candidate.getNameCount() - depth, candidate.getNameCount());
        Path actual = real.subpath(real.getNameCount() - depth, real.getNameCount());
        if (wanted.toString().equalsIgnoreCase(actual.toString())) {
          return wanted.toString().equals(actual.toString());
        }
      }
      return true;
    } catch (IOException e) {
      return true;
    }
  }

  private String displayReal(Path candidate) {
    try {
      return display(candidate.toRealPath());
    } catch (IOException e) {
      return display(candidate);
    }
  }

  /** Reads a referenced file once per run; never throws. */
  public Content read(Path file) {
    Path key = file.toAbsolutePath().normalize();
    Content cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Content content;
    try {
      byte[] bytes = FileBytes.readAtMost(key, MAX_BYTES);
      content =
          bytes.length > MAX_BYTES
              ? new Content(null, "file is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB")
              : new Content(bytes, null);
    } catch (IOException e) {
      content = new Content(null, "cannot read: " + describe(e));
    }
    cache.put(key, content);
    return content;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
  }

  /** A path as reports show it: relative to the base folder, {@code /} separators, {@code .} for the base itself. */
  public String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    String shown;
    try {
      shown = baseDir.relativize(abs).toString();
    } catch (IllegalArgumentException e) {
      shown = abs.toString();
    }
    shown = shown.replace('\\', '/');
    return shown.isEmpty() ? "." : shown;
  }
}
