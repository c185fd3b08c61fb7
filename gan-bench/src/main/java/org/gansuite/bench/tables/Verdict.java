package org.gansuite.bench.tables;

import java.util.Locale;
import org.gansuite.bench.results.RunResult;

/**
 * Whether a completed run learned, from its stored result alone: a run whose FID at the end is not
 * below its FID before training ("not learned"), or whose samples cover almost none of the data
 * ("collapsed"), is flagged instead of being called completed.
 */
final class Verdict {

  /** Recall below this: the samples cover almost none of the data (mode collapse or no diversity). */
  static final double COLLAPSED_RECALL = 0.01;

  static final String DEFINITION = "'not learned' when the final FID of the evaluations during training is not "
      + "below the first (at iteration 0); 'collapsed' when the scored samples' recall is below " + COLLAPSED_RECALL
      + " (they cover almost none of the training images' feature space)";

  private Verdict() {}

  /** Empty for a run that learned (or that has no curve to judge by); the reason otherwise. */
  static String of(RunResult r) {
    if (!r.completed()) {
      return "";
    }
    if (r.evaluation().recall() < COLLAPSED_RECALL) {
      return String.format(Locale.ROOT, "collapsed (recall %.3f)", r.evaluation().recall());
    }
    if (r.training() == null || r.training().curve().size() < 2) {
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
