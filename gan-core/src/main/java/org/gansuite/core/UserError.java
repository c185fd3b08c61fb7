package org.gansuite.core;

/**
 * A problem with what the user gave (a file, an option, a name), not a bug: the command line
 * prints its message as one line and exits with code 1. The message names the file or option and
 * the problem.
 */
public class UserError extends IllegalArgumentException {

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
