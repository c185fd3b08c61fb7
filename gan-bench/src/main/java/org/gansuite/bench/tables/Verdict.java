package org.gansuite.bench.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.results.TrainingCost;

/**
 * Whether a completed run learned, from its stored result alone: a run whose FID at the end is not
 * below its FID before training ("not learned"), or whose samples cover almost none of the data
 * ("covers no data"), is flagged instead of being called completed.
 */
final class Verdict {

  /** Recall below this: the samples cover almost none of the data (mode collapse or no diversity). */
  static final double COLLAPSED_RECALL = 0.01;

  static final String DEFINITION = "'not learned' when the final FID of the evaluations during training is not "
      + "below the first (at iteration 0); 'covers no data' when the scored samples' recall is below " + COLLAPSED_RECALL
      + " (they reach almost none of the training images' feature space: not yet learned, or collapsed)";

  private Verdict() {}

  /** Empty for a run that learned (or that has no curve to judge by); the reason otherwise. */
  static String of(RunResult r) {
    if (!r.completed()) {
      return "";
    }
    List<String> reasons = new ArrayList<>();
    var curve = r.training() == null ? List.<TrainingCost.CurvePoint>of()
        : r.training().curve();
    if (curve.size() >= 2) {
      double first = curve.get(0).value("fid");
      var lastPoint = curve.get(curve.size() - 1);
      if (!(lastPoint.value("fid") < first)) {
        reasons.add(String.format(Locale.ROOT, "not learned (FID %.1f at iteration 0, %.1f at %d)", first,
            lastPoint.value("fid"), lastPoint.iteration()));
      }
    }
    if (r.evaluation().recall() < COLLAPSED_RECALL) {
      reasons.add(String.format(Locale.ROOT, "covers no data (recall %.3f)", r.evaluation().recall()));
    }
    return String.join("; ", reasons);
  }
}
