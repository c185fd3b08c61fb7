package org.gansuite.bench.tables;

import java.util.Locale;
import org.gansuite.bench.results.RunResult;

/**
 * Whether a completed run learned, from its stored result alone: a run whose FID at the end is not
 * below its FID before training ("not learned") is flagged instead of being called completed.
 */
final class Verdict {

  static final String DEFINITION = "'not learned' when the final FID of the evaluations during training is not "
      + "below the first (at iteration 0)";

  private Verdict() {}

  /** Empty for a run that learned (or that has no curve to judge by); the reason otherwise. */
  static String of(RunResult r) {
    if (!r.completed() || r.training() == null || r.training().curve().size() < 2) {
      return "";
    }
    var curve = r.training().curve();
    double first = curve.get(0).value("fid");
    double last = curve.get(curve.size() - 1).value("fid");
    if (!(last < first)) {
      return String.format(Locale.ROOT, "not learned (FID %.1f at iteration 0, %.1f at %d)", first, last,
          curve.get(curve.size() - 1).iteration());
    }
    return "";
  }
}
