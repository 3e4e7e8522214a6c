package org.connectverify.core;

/**
 * How a host names its options in hints and notes, so that core text says what the user can actually type: the CLI
 * writes {@code --resources DIR}, the Maven plugin {@code <resources> (-Dconnect.resources)}. Core refers to options by
 * their CLI (and configuration file) name; the host renders them.
 */
@FunctionalInterface
public interface OptionNames {
  /**
   * The way to set option {@code name} (the CLI name without dashes, e.g. {@code resources}) to {@code value}.
   *
   * @param value an example or placeholder value ({@code DIR}, {@code NAME=VALUE}); null for the option alone
   */
  String of(String name, String value);

  /** The command line's names: {@code --resources DIR}. */
  OptionNames CLI = (name, value) -> "--" + name + (value == null ? "" : " " + value);
}
