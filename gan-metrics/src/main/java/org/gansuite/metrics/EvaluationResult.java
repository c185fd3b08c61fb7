package org.gansuite.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers of one evaluation and their protocol. {@code kid}/{@code kidStd} and
 * {@code isMean}/{@code isStd} are NaN when not computed (no KID requested, extractor without
 * classes), as are the four PRDC values when a set had no more than {@code nearestK} samples, and
 * {@code modeCoverage} is -1 when the extractor does not classify; such values are left out of
 * {@link #toJson()}.
 *
 * @param fidComparable false below {@link Evaluation#COMPARABLE_SAMPLES} samples: FID is biased
 *     upwards at small N, so such a value must not be set beside published numbers
 * @param clarityDiff |clarity mean of the generated images - clarity mean of the reference|
 * @param precision {@link Prdc} precision (generated = fake, reference = real)
 * @param recall {@link Prdc} recall
 * @param density {@link Prdc} density
 * @param coverage {@link Prdc} coverage
 * @param nearestK PRDC's k
 * @param modeCoverage {@link ModeCoverage}: classes covered, -1 when the extractor does not classify
 */
public record EvaluationResult(double fid, boolean fidComparable, double kid, double kidStd, double isMean,
    double isStd, Summary clarity, double clarityReferenceMean, double clarityDiff, double precision, double recall,
    double density, double coverage, int nearestK, int modeCoverage, int n, Protocol protocol,
    List<String> warnings) {

  public EvaluationResult {
    Objects.requireNonNull(clarity, "clarity");
    Objects.requireNonNull(protocol, "protocol");
    warnings = List.copyOf(warnings);
  }

  /**
   * Keys {@code fid, kid, kid_std, is_mean, is_std, precision, recall, density, coverage, nearest_k,
   * mode_coverage, clarity_mean, clarity_std, n, protocol}, ...
   */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fid", fid);
    m.put("fid_comparable", fidComparable);
    if (!Double.isNaN(kid)) {
      m.put("kid", kid);
      m.put("kid_std", kidStd);
    }
    if (!Double.isNaN(isMean)) {
      m.put("is_mean", isMean);
      m.put("is_std", isStd);
    }
    if (!Double.isNaN(precision)) {
      m.put("precision", precision);
      m.put("recall", recall);
      m.put("density", density);
      m.put("coverage", coverage);
      m.put("nearest_k", nearestK);
    }
    if (modeCoverage >= 0) {
      m.put("mode_coverage", modeCoverage);
    }
    m.put("clarity_mean", clarity.mean());
    m.put("clarity_std", clarity.std());
    m.put("clarity_reference_mean", clarityReferenceMean);
    m.put("clarity_diff", clarityDiff);
    m.put("n", n);
    m.put("warnings", warnings);
    m.put("protocol", protocol.toJson());
    return m;
  }
}
