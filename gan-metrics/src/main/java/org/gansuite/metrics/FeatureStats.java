package org.gansuite.metrics;

import java.util.Objects;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat64;

/**
 * Mean and unbiased covariance (divisor N-1) of N feature vectors, in float64: the statistics
 * FID compares (Heusel et al. 2017, "GANs Trained by a Two Time-Scale Update Rule Converge to a
 * Local Nash Equilibrium"), stored as TTUR and pytorch-fid store them ({@code mu}, {@code sigma}).
 *
 * @param n number of samples the statistics were computed from; 0 when unknown (TTUR and
 *     pytorch-fid {@code .npz} files do not store it)
 * @param mu mean, length d
 * @param sigma covariance, d x d row-major
 */
public record FeatureStats(int n, double[] mu, double[] sigma) {

  public FeatureStats {
    Objects.requireNonNull(mu, "mu");
    Objects.requireNonNull(sigma, "sigma");
    if (n != 0 && n < 2) {
      throw new IllegalArgumentException("statistics need at least 2 samples, got " + n);
    }
    if (mu.length == 0 || (long) mu.length * mu.length != sigma.length) {
      throw new IllegalArgumentException(
          "sigma must be d x d for mu of length d=" + mu.length + ", got " + sigma.length + " values");
    }
  }

  public int dim() {
    return mu.length;
  }

  /** Trace of the covariance. */
  public double traceSigma() {
    double t = 0;
    for (int i = 0; i < mu.length; i++) {
      t += sigma[i * mu.length + i];
    }
    return t;
  }

  /** Statistics of {@code features}, computed with TensorFlow on the default device. */
  public static FeatureStats of(FeatureMatrix features) {
    return of(features, ComputeDevice.AUTO);
  }

  /** Statistics of {@code features}, computed with TensorFlow float64 ops on {@code device}. */
  public static FeatureStats of(FeatureMatrix features, ComputeDevice device) {
    if (features.rows() < 2) {
      throw new IllegalArgumentException("statistics need at least 2 samples, got " + features.rows());
    }
    try (Graph g = new Graph(); Session s = device.session(g)) {
      Ops tf = device.place(Ops.create(g));
      Placeholder<TFloat64> x = tf.placeholder(TFloat64.class);
      Placeholder<TFloat64> divisor = tf.placeholder(TFloat64.class);
      Operand<TFloat64> mu = tf.math.mean(x, tf.constant(0));
      // Centre first, then X^T X: the one-pass E[xx^T] - mu mu^T form cancels catastrophically.
      Operand<TFloat64> centred = tf.math.sub(x, mu);
      Operand<TFloat64> sigma =
          tf.math.div(tf.linalg.matMul(centred, centred, MatMul.transposeA(true)), divisor);
      try (TFloat64 xt = Tensors.float64(features.values(), features.rows(), features.cols());
          TFloat64 dt = TFloat64.scalarOf(features.rows() - 1.0);
          Result r = s.runner().feed(x, xt).feed(divisor, dt).fetch(mu).fetch(sigma).run()) {
        return new FeatureStats(features.rows(), Tensors.doubles(r.get(0)), symmetrize(Tensors.doubles(r.get(1)), features.cols()));
      }
    }
  }

  /**
   * Averages the two triangles: a matmul's rounding may differ by an ulp between (i, j) and (j, i),
   * and the eigen-solver reads only one triangle.
   */
  private static double[] symmetrize(double[] m, int d) {
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double v = 0.5 * (m[i * d + j] + m[j * d + i]);
        m[i * d + j] = v;
        m[j * d + i] = v;
      }
    }
    return m;
  }
}
