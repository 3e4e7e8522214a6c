package org.connectverify.core.resources;

import java.nio.file.Path;
import java.util.List;

/**
 * The local folders an app's web server serves its static files from, in search order.
 *
 * @param folders absolute folders; empty when none is known (an in-memory descriptor without {@code --resources})
 * @param explicit true when the user named them ({@code --resources}), false when discovered
 */
public record WebRoots(List<Path> folders, boolean explicit) {
  public WebRoots {
    folders = List.copyOf(folders);
  }

  public static WebRoots none() {
    return new WebRoots(List.of(), false);
  }
}
