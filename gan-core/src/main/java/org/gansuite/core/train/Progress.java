package org.gansuite.core.train;

/** How the trainer reports its progress on stderr. */
public enum Progress {
  /** A progress bar on a terminal; plain lines when the process has none ({@code System.console() == null}). */
  AUTO,
  /** A progress bar redrawn in place (carriage returns): for a terminal. */
  BAR,
  /**
   * Plain lines, no carriage returns: one at every tenth of the run and, between them, at most one
   * a minute; for logs and batch jobs.
   */
  LINES,
  /** Nothing. */
  NONE;

  /** BAR or LINES for AUTO, by whether this process has a terminal; the mode itself otherwise. */
  public Progress resolve() {
    if (this != AUTO) {
      return this;
    }
    return System.console() == null ? LINES : BAR;
  }
}
