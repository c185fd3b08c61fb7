package org.gansuite.metrics;

import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.impl.KthNeighbour;
import org.gansuite.metrics.impl.PairwiseDistances;

/**
 * Precision and recall (Kynkäänniemi et al. 2019, "Improved precision and recall metric for
 * assessing generative models") and density and coverage (Naeem et al. 2020, "Reliable fidelity
 * and diversity metrics for generative models"), as {@code compute_prdc(real, fake, nearest_k)} of
 * the {@code prdc} package (clovaai/generative-evaluation-prdc) computes them, with one
 * {@code nearest_k} = k for all four. With Euclidean distances D in float64 and r(p) the distance
 * from p to its k-th nearest other point of its own set:
 * <ul>
 *   <li>precision = fraction of fake points f with D(x, f) &lt; r(x) for some real x;
 *   <li>recall = fraction of real points x with D(x, f) &lt; r(f) for some fake f;
 *   <li>density = (1/k) mean over fake f of the number of real x with D(x, f) &lt; r(x);
 *   <li>coverage = fraction of real x with min_f D(x, f) &lt; r(x).
 * </ul>
 * All comparisons are strict, as prdc's {@code <}. prdc takes r as the (k+1)-th smallest entry of a
 * row of the full pairwise matrix, whose diagonal is 0: the same as here, repeated points included.
 *
 * <p>Distances are the direct sums {@code sqrt(sum_c (x_c - y_c)^2)}; they are computed block by
 * block (a float64 TensorFlow matmul per block of {@code block x block}, never the full matrix)
 * through an expansion whose error is bounded, and recomputed directly wherever a comparison is
 * closer than that bound (see {@link PairwiseDistances}), so every decision is that of the exact
 * formula and independent of the block size and the device. prdc itself (scikit-learn's
 * {@code pairwise_distances}) uses the expansion alone; the two agree except on ties closer than
 * about 1e-12 relative. The result does not depend on any seed.
 */
public final class Prdc implements AutoCloseable {

  public static final int DEFAULT_NEAREST_K = 5;

  /** Rows per block: 1024 x 1024 float64 distances = 8 MB. */
  public static final int DEFAULT_BLOCK = 1024;

  /** The definition computed here, for protocols. */
  public static final String DEFINITION = "precision, recall (Kynkaanniemi et al. 2019), density, coverage "
      + "(Naeem et al. 2020) as prdc.compute_prdc(real=reference, fake=generated, nearest_k=k): Euclidean distances "
      + "in float64, r(p) = distance to the k-th nearest other point of p's own set; precision = share of fake f with "
      + "D(x,f) < r(x) for some real x; recall = share of real x with D(x,f) < r(f) for some fake f; density = "
      + "(1/k) mean over fake f of #{real x: D(x,f) < r(x)}; coverage = share of real x with min_f D(x,f) < r(x)";

  /**
   * The four values and what they were computed from.
   *
   * @param nearestK k
   * @param nReal real (reference) points
   * @param nFake fake (generated) points
   */
  public record Value(double precision, double recall, double density, double coverage, int nearestK, int nReal,
      int nFake) {}

  private final PairwiseDistances distances;

  public Prdc(ComputeDevice device) {
    this(device, DEFAULT_BLOCK);
  }

  /** {@code block}: rows per distance block; any value gives the same result. */
  public Prdc(ComputeDevice device, int block) {
    distances = new PairwiseDistances(device, block);
  }

  /** PRDC on the default device. */
  public static Value compute(FeatureMatrix real, FeatureMatrix fake, int nearestK) {
    try (Prdc p = new Prdc(ComputeDevice.AUTO)) {
      return p.value(real, fake, nearestK);
    }
  }

  /** The k both sets allow, or an error saying why not. */
  public static void requireValid(int realRows, int fakeRows, int nearestK) {
    if (nearestK < 1) {
      throw new IllegalArgumentException("nearest_k must be >= 1, got " + nearestK);
    }
    if (nearestK >= realRows || nearestK >= fakeRows) {
      throw new IllegalArgumentException("nearest_k = " + nearestK + " needs more than " + nearestK
          + " points in each set (the k-th nearest other point), got " + realRows + " real and " + fakeRows
          + " fake");
    }
  }

  public Value value(FeatureMatrix real, FeatureMatrix fake, int nearestK) {
    if (real.cols() != fake.cols()) {
      throw new IllegalArgumentException(
          "PRDC needs features of the same dimension, got " + real.cols() + " and " + fake.cols());
    }
    requireValid(real.rows(), fake.rows(), nearestK);
    requireFinite(real, "real");
    requireFinite(fake, "fake");
    double[] realRho = KthNeighbour.squaredRadii(distances, real, nearestK);
    double[] fakeRho = KthNeighbour.squaredRadii(distances, fake, nearestK);
    double[] realR = sqrt(realRho);
    double[] fakeR = sqrt(fakeRho);
    double[] realNorms = PairwiseDistances.squaredNorms(real);
    double[] fakeNorms = PairwiseDistances.squaredNorms(fake);
    int d = real.cols();
    long[] inRealBalls = new long[fake.rows()];
    boolean[] inFakeBall = new boolean[real.rows()];
    boolean[] covered = new boolean[real.rows()];
    distances.forEachBlock(real, fake, false, (r0, rows, c0, cols, gram) -> {
      for (int r = 0; r < rows; r++) {
        int i = r0 + r;
        for (int c = 0; c < cols; c++) {
          int j = c0 + c;
          double approx = realNorms[i] + fakeNorms[j] - 2 * gram[r * cols + c];
          double bound = PairwiseDistances.bound(realNorms[i], fakeNorms[j], d);
          if (PairwiseDistances.closerThan(approx, bound, realRho[i], realR[i], real, i, fake, j)) {
            inRealBalls[j]++;
            covered[i] = true;
          }
          if (!inFakeBall[i]
              && PairwiseDistances.closerThan(approx, bound, fakeRho[j], fakeR[j], real, i, fake, j)) {
            inFakeBall[i] = true;
          }
        }
      }
    });
    long precise = 0;
    long count = 0;
    for (long c : inRealBalls) {
      precise += c > 0 ? 1 : 0;
      count += c;
    }
    double precision = (double) precise / fake.rows();
    double recall = (double) trues(inFakeBall) / real.rows();
    // prdc: (1. / float(k)) * counts.sum(axis=0).mean()
    double density = (1.0 / nearestK) * ((double) count / fake.rows());
    double coverage = (double) trues(covered) / real.rows();
    return new Value(precision, recall, density, coverage, nearestK, real.rows(), fake.rows());
  }

  private static double[] sqrt(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.sqrt(v[i]);
    }
    return out;
  }

  private static long trues(boolean[] b) {
    long n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }

  private static void requireFinite(FeatureMatrix m, String which) {
    double[] v = m.values();
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("the " + which + " features hold " + v[i] + " at flat index " + i);
      }
    }
  }

  @Override
  public void close() {
    distances.close();
  }
}
