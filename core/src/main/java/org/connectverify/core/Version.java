package org.connectverify.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, stamped at build time. */
public final class Version {
  private Version() {}

  public static final String NAME = "connect-verify";

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when run from unbuilt sources. */
  public static String get() {
    return Holder.VERSION;
  }

  /** Read once: every report carries the version, and a warm host verifies many times. */
  private static final class Holder {
    static final String VERSION = read();
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
