package org.connectverify.probeit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.connectverify.maven.ProbeMojo;
import org.connectverify.probeit.mini.MiniConnectApp;
import org.connectverify.probeit.mini.MiniConnectApp.Flaw;
import org.junit.jupiter.api.Test;

/** {@code connect:probe} over the same core: passes a correct app, fails the build for a broken one. */
class ProbeMojoTest {

  private static ProbeMojo mojo(String baseUrl, int keyServerPort) throws Exception {
    ProbeMojo mojo = new ProbeMojo();
    set(mojo, "baseUrl", baseUrl);
    set(mojo, "keyServerPort", keyServerPort);
    set(mojo, "concurrency", 4);
    set(mojo, "installTimeout", 10);
    set(mojo, "failOn", "error");
    return mojo;
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void passesACorrectAppAndFailsTheBuildForABrokenOne() throws Exception {
    KeyPorts.withFreePort(keys -> {
      try (MiniConnectApp good = MiniConnectApp.start(Flaw.NONE, "http://127.0.0.1:" + keys)) {
        mojo(good.baseUrl(), keys).execute(); // a correct app passes: no exception
      }
      return null;
    });
    MojoFailureException e =
        KeyPorts.withFreePort(keys -> {
          try (MiniConnectApp bad = MiniConnectApp.start(Flaw.ACCEPTS_ALG_NONE, "http://127.0.0.1:" + keys)) {
            return assertThrows(MojoFailureException.class, mojo(bad.baseUrl(), keys)::execute);
          }
        });
    assertTrue(e.getMessage().contains("2 errors"), e.getMessage());
  }

  @Test
  void refusedTargetIsAConfigurationError() throws Exception {
    MojoExecutionException e =
        assertThrows(MojoExecutionException.class, mojo("https://acme.atlassian.net", 0)::execute);
    assertTrue(e.getMessage().contains("Atlassian host"), e.getMessage());
  }
}
