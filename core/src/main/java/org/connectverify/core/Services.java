package org.connectverify.core;

import org.connectverify.core.json.JsonReader;
import org.connectverify.core.schema.SchemaSet;

/** Run-wide services built once per {@link Verifier} and shared by every check (no static state). */
public final class Services {
  private final SchemaSet schemas = new SchemaSet();
  private final JsonReader json = new JsonReader();

  public SchemaSet schemas() {
    return schemas;
  }

  public JsonReader json() {
    return json;
  }
}
