package org.gansuite.metrics;

import java.util.SplittableRandom;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.gansuite.core.train.Randomness;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat64;

/**
 * Kernel Inception Distance (Binkowski et al. 2018, "Demystifying MMD GANs"): the unbiased MMD^2
 * estimate with the cubic polynomial kernel {@code k(x, y) = (x.y / d + 1)^3}, averaged over
 * random subsets of equal size drawn without replacement from each set, as Binkowski's code and
 * torch-fidelity do:
 * {@code sum_{i!=j} k(x_i,x_j) / (m(m-1)) + sum_{i!=j} k(y_i,y_j) / (m(m-1)) - 2 sum_{i,j} k(x_i,y_j) / m^2}.
 * The spread is the population standard deviation over subsets. Subsets come from a
 * {@link SplittableRandom} with the given seed, so a value is reproducible here but the subsets
 * differ from numpy's.
 */
public final class Kid implements AutoCloseable {

  /**
   * KID settings.
   *
   * @param subsets number of subsets (protocol: 100)
   * @param maxSubsetSize subset size cap (protocol: 1000); the size used is min(n1, n2, cap)
   * @param seed seed of the subset draws
   */
  public record Config(int subsets, int maxSubsetSize, long seed) {
    public Config {
      if (subsets < 1) {
        throw new IllegalArgumentException("KID needs at least one subset, got " + subsets);
      }
      if (maxSubsetSize < 2) {
        throw new IllegalArgumentException("KID subsets need at least 2 samples, got " + maxSubsetSize);
      }
    }

    public static Config protocol(long seed) {
      return new Config(100, 1000, seed);
    }
  }

  /** Mean and population standard deviation of MMD^2 over the subsets. */
  public record Value(double kid, double std, int subsets, int subsetSize) {}

  /** The definition computed here, for protocols. */
  public static final String DEFINITION = "KID (Binkowski et al. 2018): unbiased MMD^2 with kernel (x.y/d + 1)^3, "
      + "mean and population std over random subsets of min(n1, n2, 1000) drawn without replacement (SplittableRandom(seed))";

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat64> x;
  private final Placeholder<TFloat64> y;
  private final Placeholder<TFloat64> invDim;
  private final Placeholder<TFloat64> pairsWithin;
  private final Placeholder<TFloat64> pairsAcross;
  private final Operand<TFloat64> mmd2;

  public Kid(ComputeDevice device) {
    graph = new Graph();
    Ops tf = device.place(Ops.create(graph));
    x = tf.placeholder(TFloat64.class);
    y = tf.placeholder(TFloat64.class);
    invDim = tf.placeholder(TFloat64.class);
    pairsWithin = tf.placeholder(TFloat64.class);
    pairsAcross = tf.placeholder(TFloat64.class);
    Operand<TFloat64> kxx = kernel(tf, x, x);
    Operand<TFloat64> kyy = kernel(tf, y, y);
    Operand<TFloat64> kxy = kernel(tf, x, y);
    Operand<TFloat64> within = tf.math.add(offDiagonalSum(tf, kxx), offDiagonalSum(tf, kyy));
    mmd2 = tf.math.sub(tf.math.div(within, pairsWithin),
        tf.math.div(tf.math.mul(tf.constant(2.0), sum(tf, kxy)), pairsAcross));
    session = device.session(graph);
  }

  private Operand<TFloat64> kernel(Ops tf, Operand<TFloat64> a, Operand<TFloat64> b) {
    Operand<TFloat64> k = tf.math.add(
        tf.math.mul(tf.linalg.matMul(a, b, MatMul.transposeB(true)), invDim), tf.constant(1.0));
    return tf.math.mul(tf.math.square(k), k);
  }

  private static Operand<TFloat64> sum(Ops tf, Operand<TFloat64> m) {
    return tf.reduceSum(m, tf.constant(new int[] {0, 1}));
  }

  private static Operand<TFloat64> offDiagonalSum(Ops tf, Operand<TFloat64> k) {
    Operand<TFloat64> diag = tf.linalg.matrixDiagPart(k, tf.constant(0), tf.constant(0.0));
    return tf.math.sub(sum(tf, k), tf.reduceSum(diag, tf.constant(0)));
  }

  /** KID with the protocol's 100 subsets of min(n, 1000) on the default device. */
  public static Value compute(FeatureMatrix a, FeatureMatrix b, long seed) {
    try (Kid kid = new Kid(ComputeDevice.AUTO)) {
      return kid.value(a, b, Config.protocol(seed));
    }
  }

  public Value value(FeatureMatrix a, FeatureMatrix b, Config config) {
    if (a.cols() != b.cols()) {
      throw new IllegalArgumentException(
          "KID needs features of the same dimension, got " + a.cols() + " and " + b.cols());
    }
    int m = Math.min(Math.min(a.rows(), b.rows()), config.maxSubsetSize());
    if (m < 2) {
      throw new IllegalArgumentException("KID needs at least 2 samples in each set");
    }
    SplittableRandom rng = new SplittableRandom(config.seed());
    double[] values = new double[config.subsets()];
    for (int s = 0; s < values.length; s++) {
      FeatureMatrix sa = m == a.rows() ? a : a.selectRows(sample(rng, a.rows(), m));
      FeatureMatrix sb = m == b.rows() ? b : b.selectRows(sample(rng, b.rows(), m));
      values[s] = mmd2(sa, sb);
    }
    Summary sum = Summary.of(values);
    return new Value(sum.mean(), sum.std(), values.length, m);
  }

  /** Unbiased MMD^2 of two equally sized sets (no subsampling). */
  public double mmd2(FeatureMatrix a, FeatureMatrix b) {
    if (a.rows() != b.rows() || a.cols() != b.cols() || a.rows() < 2) {
      throw new IllegalArgumentException("MMD^2 needs two equal-size sets of at least 2 rows, got "
          + a.rows() + " x " + a.cols() + " and " + b.rows() + " x " + b.cols());
    }
    double m = a.rows();
    try (var ta = Tensors.float64(a.values(), a.rows(), a.cols());
        var tb = Tensors.float64(b.values(), b.rows(), b.cols());
        var inv = TFloat64.scalarOf(1.0 / a.cols());
        var within = TFloat64.scalarOf(m * (m - 1));
        var across = TFloat64.scalarOf(m * m);
        Result r = session.runner().feed(x, ta).feed(y, tb).feed(invDim, inv)
            .feed(pairsWithin, within).feed(pairsAcross, across).fetch(mmd2).run()) {
      return Tensors.scalar(r.get(0));
    }
  }

  /** {@code k} distinct indices of {@code 0..n-1} by a partial Fisher-Yates shuffle. */
  static int[] sample(SplittableRandom rng, int n, int k) {
    return Randomness.sample(rng, n, k);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
