package org.connectverify.probeit;

import java.util.Locale;
import org.connectverify.probeit.acsb.AcsbApp;
import org.connectverify.probeit.mini.MiniConnectApp;

/**
 * Starts one probe target by hand, for trying the CLI against it:
 * {@code java -cp <probe-it test classpath> org.connectverify.probeit.Launch acsb|<flaw> KEY_SERVER_PORT [SECONDS]}
 * prints the app's base URL and keeps it up for SECONDS (default 300), then stops. Flaws: none,
 * stores_secret_only_on_first_install, rejects_every_token, non_atomic_rotation, accepts_unsigned_install,
 * accepts_alg_none. Then run {@code connect-verify probe --base-url URL --key-server-port KEY_SERVER_PORT}.
 */
public final class Launch {
  private Launch() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Launch acsb|<flaw> KEY_SERVER_PORT [SECONDS]");
      System.exit(2);
    }
    String keys = "http://127.0.0.1:" + Integer.parseInt(args[1]);
    long seconds = args.length > 2 ? Long.parseLong(args[2]) : 300;
    AutoCloseable app;
    String baseUrl;
    if (args[0].equalsIgnoreCase("acsb")) {
      AcsbApp a = AcsbApp.start(keys);
      app = a;
      baseUrl = a.baseUrl();
    } else {
      MiniConnectApp m = MiniConnectApp.start(MiniConnectApp.Flaw.valueOf(args[0].toUpperCase(Locale.ROOT)), keys);
      app = m;
      baseUrl = m.baseUrl();
    }
    System.out.println(baseUrl);
    System.out.flush();
    try (app) {
      Thread.sleep(seconds * 1000);
    }
    System.exit(0);
  }
}
