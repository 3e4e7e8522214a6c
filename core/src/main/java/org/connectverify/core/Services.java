package org.connectverify.core;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.connectverify.core.json.JsonReader;
import org.connectverify.core.json.YamlReader;
import org.connectverify.core.manifest.ManifestRules;
import org.connectverify.core.resources.ResourceResolver;
import org.connectverify.core.schema.SchemaSet;

/**
 * Run-wide services built once per {@link Verifier} and shared by every check (no static state but the process-wide
 * {@link SchemaSet}, whose schemas are class-path constants).
 */
public final class Services {
  private final SchemaSet schemas = SchemaSet.shared();
  private final JsonReader json = new JsonReader();
  private final ResourceResolver resources;
  private volatile YamlReader yaml;

  public Services() {
    this(VerifyOptions.builder().build());
  }

  public Services(VerifyOptions options) {
    Map<Path, List<Path>> hostRoots = new HashMap<>();
    options.appFolders().forEach((descriptor, folders) -> hostRoots.put(descriptor, folders.webRoots()));
    this.resources = new ResourceResolver(options.resources(), hostRoots, options.baseDir());
  }

  public SchemaSet schemas() {
    return schemas;
  }

  public JsonReader json() {
    return json;
  }

  /** The YAML reader for manifests, made on first use (a run over descriptors never loads the YAML parser). */
  public YamlReader yaml() {
    YamlReader y = yaml;
    if (y == null) {
      synchronized (this) {
        if (yaml == null) {
          yaml = new YamlReader(ManifestRules.YAML_SYNTAX, ManifestRules.DUPLICATE_KEY);
        }
        y = yaml;
      }
    }
    return y;
  }

  /** The only way checks open files a descriptor refers to. */
  public ResourceResolver resources() {
    return resources;
  }
}
