package org.connectverify.core;

/** An input the user named cannot be used (missing, unreadable, not a descriptor): a usage error, not a finding. */
public final class InputException extends Exception {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
