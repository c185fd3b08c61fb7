package org.gansuite.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers of one evaluation and their protocol. {@code kid}/{@code kidStd} and
 * {@code isMean}/{@code isStd} are NaN when not computed (no KID requested, extractor without
 * classes) and then left out of {@link #toJson()}.
 *
 * @param fidComparable false below {@link Evaluation#COMPARABLE_SAMPLES} samples: FID is biased
 *     upwards at small N, so such a value must not be set beside published numbers
 * @param clarityDiff |clarity mean of the generated images - clarity mean of the reference|
 */
public record EvaluationResult(double fid, boolean fidComparable, double kid, double kidStd, double isMean,
    double isStd, Summary clarity, double clarityReferenceMean, double clarityDiff, int n, Protocol protocol,
    List<String> warnings) {

  public EvaluationResult {
    Objects.requireNonNull(clarity, "clarity");
    Objects.requireNonNull(protocol, "protocol");
    warnings = List.copyOf(warnings);
  }

  /** Keys {@code fid, kid, kid_std, is_mean, is_std, clarity_mean, clarity_std, n, protocol}, ... */
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
