package org.gansuite.metrics;

import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.linalg.SelfAdjointEig;
import org.tensorflow.types.TFloat64;

/**
 * Fréchet Inception Distance (Heusel et al. 2017):
 * {@code |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr(sqrt(S1 S2))}, in float64 TensorFlow ops.
 *
 * <p>{@code tr(sqrt(S1 S2))} is the sum of the square roots of the eigenvalues of the symmetric
 * matrix {@code L^T S2 L}, {@code S1 = L L^T} (Cholesky), which has the same eigenvalues as
 * {@code S1 S2}; so a Cholesky and one eigenvalues-only symmetric decomposition replace scipy's
 * general {@code sqrtm} and stay exact on a GPU. As pytorch-fid does, when the result is not finite
 * (a singular covariance: the Cholesky fails, or slightly negative eigenvalues give NaN square
 * roots) the computation is repeated with 1e-6 added to both diagonals, and
 * {@link Value#diagonalOffset()} records it; there, eigenvalues that rounding leaves slightly
 * negative (square roots imaginary below pytorch-fid's 1e-3 tolerance) count 0, as pytorch-fid
 * keeps the real part of {@code sqrtm}.
 *
 * <p>The graph is built once per instance; close the instance to release it.
 */
public final class Fid implements AutoCloseable {

  /** pytorch-fid's {@code eps}. */
  public static final double FALLBACK_OFFSET = 1e-6;

  /** pytorch-fid's tolerance on the imaginary part of {@code sqrtm}'s diagonal. */
  static final double IMAGINARY_TOLERANCE = 1e-3;

  /** The definition computed here, for protocols. */
  public static final String DEFINITION = "FID (Heusel et al. 2017): |mu1-mu2|^2 + tr(S1) + tr(S2) - 2 tr(sqrt(S1 S2)), "
      + "mean and unbiased (N-1) covariance in float64, tr(sqrt(S1 S2)) as the sum of sqrt(eig(L^T S2 L)), S1 = L L^T; "
      + "when not finite or S1 not positive definite, 1e-6 added to both diagonals inside the square root (pytorch-fid)";

  /**
   * One FID value and its parts.
   *
   * @param fid the distance
   * @param meanTerm {@code |mu1 - mu2|^2}
   * @param traceSqrt {@code tr(sqrt(S1 S2))}
   * @param diagonalOffset 0, or {@link #FALLBACK_OFFSET} when the fallback was needed
   */
  public record Value(double fid, double meanTerm, double traceSqrt, double diagonalOffset) {}

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat64> mu1;
  private final Placeholder<TFloat64> mu2;
  private final Placeholder<TFloat64> sigma1;
  private final Placeholder<TFloat64> sigma2;
  private final Operand<TFloat64> meanTerm;
  private final Operand<TFloat64> traces;
  private final Operand<TFloat64> productEigenvalues;

  public Fid(ComputeDevice device) {
    graph = new Graph();
    Ops tf = device.place(Ops.create(graph));
    mu1 = tf.placeholder(TFloat64.class);
    mu2 = tf.placeholder(TFloat64.class);
    sigma1 = tf.placeholder(TFloat64.class);
    sigma2 = tf.placeholder(TFloat64.class);
    meanTerm = tf.reduceSum(tf.math.square(tf.math.sub(mu1, mu2)), tf.constant(0));
    traces = tf.math.add(trace(tf, sigma1), trace(tf, sigma2));
    productEigenvalues = productEigenvalues(tf, sigma1, sigma2);
    session = device.session(graph);
  }

  /**
   * The eigenvalues of {@code a b} for symmetric positive definite {@code a} and symmetric positive
   * semi-definite {@code b}: with {@code a = L L^T} (Cholesky), {@code a b = L (L^T b L) L^-1} has
   * the eigenvalues of the symmetric {@code L^T b L}; {@code tr(sqrt(a b))} is the sum of their
   * square roots. One Cholesky and one eigenvalues-only decomposition replace the two full symmetric
   * eigen-decompositions (with eigenvectors) of {@code sqrt(a) b sqrt(a)}. A singular {@code a}
   * fails the Cholesky (an error on the CPU) and a singular {@code b} gives eigenvalues at rounding
   * level, some slightly negative.
   */
  static Operand<TFloat64> productEigenvalues(Ops tf, Operand<TFloat64> a, Operand<TFloat64> b) {
    Operand<TFloat64> l = tf.linalg.cholesky(a);
    Operand<TFloat64> m = tf.linalg.matMul(tf.linalg.matMul(l, b, MatMul.transposeA(true)), l);
    return tf.linalg.selfAdjointEig(m, SelfAdjointEig.computeV(false)).e();
  }

  private static Operand<TFloat64> trace(Ops tf, Operand<TFloat64> m) {
    return tf.reduceSum(
        tf.linalg.matrixDiagPart(m, tf.constant(0), tf.constant(0.0)), tf.constant(0));
  }

  /** FID between two sets of statistics on the default device. */
  public static double compute(FeatureStats a, FeatureStats b) {
    try (Fid f = new Fid(ComputeDevice.AUTO)) {
      return f.value(a, b).fid();
    }
  }

  /** FID between the statistics of two feature sets. */
  public static double compute(FeatureMatrix a, FeatureMatrix b) {
    return compute(FeatureStats.of(a), FeatureStats.of(b));
  }

  /** FID and its parts; throws if even the offset covariances give a non-finite value. */
  public Value value(FeatureStats a, FeatureStats b) {
    if (a.dim() != b.dim()) {
      throw new IllegalArgumentException(
          "FID needs statistics of the same dimension, got " + a.dim() + " and " + b.dim());
    }
    requireFinite(a, "first");
    requireFinite(b, "second");
    Value v = run(a, b, 0.0);
    if (v != null) {
      return v;
    }
    v = run(a, b, FALLBACK_OFFSET);
    if (v == null) {
      throw new ArithmeticException("FID is not finite even with " + FALLBACK_OFFSET
          + " added to the covariance diagonals; a covariance is not positive semi-definite");
    }
    return v;
  }

  private static void requireFinite(FeatureStats s, String which) {
    for (double v : s.mu()) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("the " + which + " statistics' mu contains " + v);
      }
    }
    for (double v : s.sigma()) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("the " + which + " statistics' sigma contains " + v);
      }
    }
  }

  /**
   * The value with {@code offset} on both diagonals; null when it is not finite: S1 not positive
   * definite, or, without offset, a negative eigenvalue of S1 S2 (a NaN square root). With the
   * offset, eigenvalues in [-{@link #IMAGINARY_TOLERANCE}^2, 0) count 0: their square roots are
   * imaginary below pytorch-fid's 1e-3 tolerance, and it keeps the real part of {@code sqrtm}.
   */
  private Value run(FeatureStats a, FeatureStats b, double offset) {
    int d = a.dim();
    double[] eigenvalues;
    double mean;
    double traceSum;
    try (TFloat64 m1 = Tensors.float64(a.mu(), d);
        TFloat64 m2 = Tensors.float64(b.mu(), d);
        TFloat64 s1 = Tensors.float64(withOffset(a.sigma(), d, offset), d, d);
        TFloat64 s2 = Tensors.float64(withOffset(b.sigma(), d, offset), d, d);
        Result r = session.runner()
            .feed(mu1, m1).feed(mu2, m2).feed(sigma1, s1).feed(sigma2, s2)
            .fetch(meanTerm).fetch(traces).fetch(productEigenvalues)
            .run()) {
      mean = Tensors.scalar(r.get(0));
      traceSum = Tensors.scalar(r.get(1));
      eigenvalues = Tensors.doubles(r.get(2));
    } catch (TFInvalidArgumentException e) {
      // The CPU Cholesky kernel refuses a matrix that is not positive definite (the GPU one gives NaN).
      return null;
    }
    double traceSqrt = 0;
    for (double e : eigenvalues) {
      if (e >= 0) {
        traceSqrt += Math.sqrt(e);
      } else if (!(offset > 0 && e >= -IMAGINARY_TOLERANCE * IMAGINARY_TOLERANCE)) {
        return null;
      }
    }
    // The fed traces include the offset; pytorch-fid offsets only the matrices inside sqrtm, so its
    // tr(S1) + tr(S2) lack the 2 d offset.
    double value = mean + traceSum - 2.0 * d * offset - 2 * traceSqrt;
    return Double.isFinite(value) ? new Value(value, mean, traceSqrt, offset) : null;
  }

  private static double[] withOffset(double[] sigma, int d, double offset) {
    if (offset == 0) {
      return sigma;
    }
    double[] copy = sigma.clone();
    for (int i = 0; i < d; i++) {
      copy[i * d + i] += offset;
    }
    return copy;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
