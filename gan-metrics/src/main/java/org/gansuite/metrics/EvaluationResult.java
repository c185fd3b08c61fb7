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
 * @param clarity the generated images' clarity beside the reference's under every {@link ClarityDefinition}, in
 *     {@link ClarityDefinition#ALL}'s order: tables pick one reading without re-scoring
 * @param precision {@link Prdc} precision (generated = fake, reference = real)
 * @param recall {@link Prdc} recall
 * @param density {@link Prdc} density
 * @param coverage {@link Prdc} coverage
 * @param nearestK PRDC's k
 * @param modeCoverage {@link ModeCoverage}: classes covered, -1 when the extractor does not classify
 */
public record EvaluationResult(double fid, boolean fidComparable, double kid, double kidStd, double isMean,
    double isStd, List<ClarityScore> clarity, double precision, double recall,
    double density, double coverage, int nearestK, int modeCoverage, int n, Protocol protocol,
    List<String> warnings) {

  public EvaluationResult {
    Objects.requireNonNull(protocol, "protocol");
    warnings = List.copyOf(warnings);
    if (!clarity.stream().map(ClarityScore::definition).toList().equals(ClarityDefinition.ALL)) {
      throw new IllegalArgumentException("clarity needs every definition in ClarityDefinition.ALL's order, got "
          + clarity.stream().map(ClarityScore::definition).toList());
    }
    clarity = List.copyOf(clarity);
  }

  /** The clarity under one definition. */
  public ClarityScore clarity(ClarityDefinition d) {
    return clarity.get(ClarityDefinition.ALL.indexOf(d));
  }

  /**
   * Keys {@code fid, kid, kid_std, is_mean, is_std, precision, recall, density, coverage, nearest_k,
   * mode_coverage, clarity_mean, clarity_std, clarity_reference_mean, clarity_diff} (the default definition),
   * the same four per definition ({@code clarity_std_k8_mean} ...), {@code n, warnings, protocol}.
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
    putClarity(m, "clarity", clarity(ClarityDefinition.DEFAULT));
    clarity.forEach(c -> putClarity(m, "clarity_" + c.definition().key(), c));
    m.put("n", n);
    m.put("warnings", warnings);
    m.put("protocol", protocol.toJson());
    return m;
  }

  private static void putClarity(Map<String, Object> m, String prefix, ClarityScore c) {
    m.put(prefix + "_mean", c.generated().mean());
    m.put(prefix + "_std", c.generated().std());
    m.put(prefix + "_reference_mean", c.referenceMean());
    m.put(prefix + "_diff", c.diff());
  }
}
