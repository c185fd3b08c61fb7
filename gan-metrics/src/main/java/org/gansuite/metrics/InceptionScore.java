package org.gansuite.metrics;

import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat64;

/**
 * Inception Score (Salimans et al. 2016, "Improved Techniques for Training GANs"), as openai's
 * improved-gan code computes it: the N predictions are cut into {@code splits} consecutive parts
 * {@code [k N / splits, (k+1) N / splits)}; per part {@code IS_k = exp(mean_i KL(p(y|x_i) || p_k(y)))}
 * with {@code p_k} the part's mean prediction; the score is the mean of the {@code IS_k} and its
 * spread their population standard deviation. {@code 0 log 0} counts as 0 (TF's {@code xlogy}),
 * so one-hot predictions are valid.
 */
public final class InceptionScore implements AutoCloseable {

  /** The protocol's number of splits. */
  public static final int DEFAULT_SPLITS = 10;

  /** The definition computed here, for protocols. */
  public static final String DEFINITION = "IS (Salimans et al. 2016): exp(mean KL(p(y|x) || p(y))) per split of "
      + "consecutive samples, mean and population std over 10 splits (openai improved-gan)";

  /** Largest tolerated deviation of a prediction's sum from 1. */
  private static final double SUM_TOLERANCE = 1e-3;

  /** Mean and population standard deviation over the splits. */
  public record Value(double mean, double std, int splits, int n) {}

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat64> probs;
  private final Operand<TFloat64> score;

  public InceptionScore(ComputeDevice device) {
    graph = new Graph();
    Ops tf = device.place(Ops.create(graph));
    probs = tf.placeholder(TFloat64.class);
    Operand<TFloat64> marginal = tf.math.mean(probs, tf.constant(0), Mean.keepDims(true));
    Operand<TFloat64> kl = tf.reduceSum(
        tf.math.sub(tf.math.xlogy(probs, probs), tf.math.xlogy(probs, marginal)), tf.constant(1));
    score = tf.math.exp(tf.math.mean(kl, tf.constant(0)));
    session = device.session(graph);
  }

  /** IS over {@link #DEFAULT_SPLITS} splits on the default device. */
  public static Value compute(FeatureMatrix probabilities) {
    try (InceptionScore is = new InceptionScore(ComputeDevice.AUTO)) {
      return is.value(probabilities, DEFAULT_SPLITS);
    }
  }

  /** IS of class probabilities (N x classes, rows summing to 1). */
  public Value value(FeatureMatrix probabilities, int splits) {
    if (splits < 1 || splits > probabilities.rows()) {
      throw new IllegalArgumentException(
          "splits must be in 1.." + probabilities.rows() + " (the number of samples), got " + splits);
    }
    checkProbabilities(probabilities);
    int n = probabilities.rows();
    double[] scores = new double[splits];
    for (int k = 0; k < splits; k++) {
      FeatureMatrix part = probabilities.rowRange(k * n / splits, (k + 1) * n / splits);
      try (var t = Tensors.float64(part.values(), part.rows(), part.cols());
          Result r = session.runner().feed(probs, t).fetch(score).run()) {
        scores[k] = Tensors.scalar(r.get(0));
      }
    }
    Summary s = Summary.of(scores);
    return new Value(s.mean(), s.std(), splits, n);
  }

  private static void checkProbabilities(FeatureMatrix p) {
    for (int i = 0; i < p.rows(); i++) {
      double sum = 0;
      for (int j = 0; j < p.cols(); j++) {
        double v = p.get(i, j);
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("prediction " + i + " has entry " + j + " = " + v
              + ", outside [0, 1]; IS needs softmax probabilities, not logits");
        }
        sum += v;
      }
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        throw new IllegalArgumentException("prediction " + i + " sums to " + sum + ", not 1");
      }
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
