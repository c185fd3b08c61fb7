package org.gansuite.core;

/**
 * A problem the user can fix: a missing or malformed file, an unknown option value, a bad
 * hyper-parameter, a hash that differs from the pinned one. Its message names the file or option
 * and the problem, and is complete without a stack trace: the command line prints it as one line
 * and exits with code 1, while any other exception is a bug and is printed with its stack trace.
 * Unchecked, and an {@link IllegalArgumentException}, so validation code throws it where it threw
 * that before.
 */
public class UserError extends IllegalArgumentException {

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
