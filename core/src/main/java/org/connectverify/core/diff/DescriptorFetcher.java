package org.connectverify.core.diff;

import org.connectverify.core.InputException;

/** Fetches a descriptor from a URL (only when the run is online). One instance per run. */
public interface DescriptorFetcher {
  /**
   * The body of a successful GET of {@code url}.
   *
   * @throws InputException with a one-line message when the URL cannot be fetched
   */
  byte[] fetch(String url) throws InputException;
}
