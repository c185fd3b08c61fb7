package org.gansuite.metrics;

import org.gansuite.metrics.impl.Tf;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
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
 * matrix {@code sqrt(S1) S2 sqrt(S1)}, which has the same eigenvalues as {@code S1 S2}; so two
 * symmetric eigen-decompositions replace scipy's general {@code sqrtm} and stay exact on a GPU. As
 * pytorch-fid does, when the result is not finite (a singular covariance gives slightly negative
 * eigenvalues and so NaN square roots) the computation is repeated with 1e-6 added to both
 * diagonals, and {@link Value#diagonalOffset()} records it.
 *
 * <p>The graph is built once per instance; close the instance to release it.
 */
public final class Fid implements AutoCloseable {

  /** pytorch-fid's {@code eps}. */
  public static final double FALLBACK_OFFSET = 1e-6;

  /** The definition computed here, for protocols. */
  public static final String DEFINITION = "FID (Heusel et al. 2017): |mu1-mu2|^2 + tr(S1) + tr(S2) - 2 tr(sqrt(S1 S2)), "
      + "mean and unbiased (N-1) covariance in float64, tr(sqrt(S1 S2)) from symmetric eigen-decompositions; "
      + "when not finite, 1e-6 added to both diagonals inside the square root (pytorch-fid)";

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
  private final Operand<TFloat64> fid;
  private final Operand<TFloat64> meanTerm;
  private final Operand<TFloat64> traceSqrt;

  public Fid(ComputeDevice device) {
    graph = new Graph();
    Ops tf = device.place(Ops.create(graph));
    mu1 = tf.placeholder(TFloat64.class);
    mu2 = tf.placeholder(TFloat64.class);
    sigma1 = tf.placeholder(TFloat64.class);
    sigma2 = tf.placeholder(TFloat64.class);
    meanTerm = tf.reduceSum(tf.math.square(tf.math.sub(mu1, mu2)), tf.constant(0));
    traceSqrt = traceSqrtProduct(tf, sigma1, sigma2);
    fid = tf.math.sub(
        tf.math.add(meanTerm, tf.math.add(trace(tf, sigma1), trace(tf, sigma2))),
        tf.math.mul(tf.constant(2.0), traceSqrt));
    session = Tf.session(graph);
  }

  /** {@code tr(sqrt(a b))} for symmetric positive semi-definite {@code a}, {@code b}. */
  static Operand<TFloat64> traceSqrtProduct(Ops tf, Operand<TFloat64> a, Operand<TFloat64> b) {
    SelfAdjointEig<TFloat64> eigA = tf.linalg.selfAdjointEig(a, SelfAdjointEig.computeV(true));
    Operand<TFloat64> rootE = tf.math.sqrt(eigA.e());
    // A negative eigenvalue (singular A) gives NaN; the next eigen-solver fails on NaN input, so it
    // gets 0 there, and the NaN returns through `invalid` so the caller sees a non-finite result.
    Operand<TFloat64> safeRootE = tf.select(tf.math.isFinite(rootE), rootE, tf.zerosLike(rootE));
    Operand<TFloat64> invalid = tf.reduceSum(tf.math.sub(rootE, safeRootE), tf.constant(0));
    // sqrt(A) = V diag(sqrt(e)) V^T; scaling V's columns by sqrt(e) broadcasts along rows.
    Operand<TFloat64> scaled = tf.math.mul(eigA.v(), safeRootE);
    Operand<TFloat64> sqrtA = tf.linalg.matMul(scaled, eigA.v(), MatMul.transposeB(true));
    Operand<TFloat64> m = tf.linalg.matMul(tf.linalg.matMul(sqrtA, b), sqrtA);
    SelfAdjointEig<TFloat64> eigM = tf.linalg.selfAdjointEig(m, SelfAdjointEig.computeV(false));
    return tf.math.add(tf.reduceSum(tf.math.sqrt(eigM.e()), tf.constant(0)), invalid);
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
    if (Double.isFinite(v.fid())) {
      return v;
    }
    v = run(a, b, FALLBACK_OFFSET);
    if (!Double.isFinite(v.fid())) {
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

  private Value run(FeatureStats a, FeatureStats b, double offset) {
    int d = a.dim();
    try (TFloat64 m1 = Tf.float64(a.mu(), d);
        TFloat64 m2 = Tf.float64(b.mu(), d);
        TFloat64 s1 = Tf.float64(withOffset(a.sigma(), d, offset), d, d);
        TFloat64 s2 = Tf.float64(withOffset(b.sigma(), d, offset), d, d);
        Result r = session.runner()
            .feed(mu1, m1).feed(mu2, m2).feed(sigma1, s1).feed(sigma2, s2)
            .fetch(fid).fetch(meanTerm).fetch(traceSqrt)
            .run()) {
      // The graph's traces are those of the fed, offset matrices; pytorch-fid offsets only the
      // matrices inside sqrtm, so its tr(S1) + tr(S2) lack the 2 d offset.
      double value = Tf.scalar(r.get(0)) - 2.0 * d * offset;
      return new Value(value, Tf.scalar(r.get(1)), Tf.scalar(r.get(2)), offset);
    }
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
