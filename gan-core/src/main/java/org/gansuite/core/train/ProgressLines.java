package org.gansuite.core.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines for a process without a terminal (logs, batch jobs): one line whenever
 * the run passes a tenth of its length and, between those, at most one a minute; never a
 * carriage return. E.g. {@code dcgan: iteration 120/1200 (10%), 4.2 it/s, 270 images/s, eta 4 min}.
 * Rates are those of this call (a resumed run counts from where it resumed).
 */
final class ProgressLines {

  static final long MINUTE_NANOS = 60_000_000_000L;

  private final String task;
  private final long first;
  private final long total;
  private final long imagesPerIteration;
  private final PrintStream out;
  private final LongSupplier clock;
  private final long start;
  private long lastLine;

  ProgressLines(String task, long first, long total, long imagesPerIteration, PrintStream out, LongSupplier clock) {
    this.task = task;
    this.first = first;
    this.total = total;
    this.imagesPerIteration = imagesPerIteration;
    this.out = out;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastLine = start;
  }

  /** Called after iteration {@code done} (1-based) completed; prints a line when one is due. */
  void update(long done) {
    long now = clock.getAsLong();
    if (tenth(done) > tenth(done - 1) || now - lastLine >= MINUTE_NANOS) {
      out.println(line(done, now));
      out.flush();
      lastLine = now;
    }
  }

  private long tenth(long done) {
    return done * 10 / total;
  }

  private String line(long done, long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    double rate = (done - first) / seconds;
    String time = done >= total ? "done in " + duration(seconds)
        : rate > 0 ? "eta " + duration((total - done) / rate) : "eta unknown";
    return String.format(Locale.ROOT, "%s: iteration %d/%d (%d%%), %s it/s, %.0f images/s, %s", task, done, total,
        done * 100 / total, rate < 100 ? String.format(Locale.ROOT, "%.1f", rate) : String.format(Locale.ROOT, "%.0f", rate),
        rate * imagesPerIteration, time);
  }

  /** 42 s, 4 min, 2 h 05 min. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    long min = Math.round(seconds / 60);
    if (min < 60) {
      return min + " min";
    }
    return String.format(Locale.ROOT, "%d h %02d min", min / 60, min % 60);
  }
}
