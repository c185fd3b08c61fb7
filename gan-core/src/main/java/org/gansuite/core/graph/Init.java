package org.gansuite.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Weight initialisers. Each draws from a stateless random op whose seed is derived from the run
 * seed and the variable's full name, so initial weights do not depend on graph construction order.
 */
public enum Init {
  /** N(0, 0.02^2), the DCGAN initialiser (Radford et al. 2016). */
  NORMAL_002,
  /** Glorot/Xavier uniform: U(-a, a), a = sqrt(6 / (fan_in + fan_out)). */
  GLOROT_UNIFORM,
  /** He normal: N(0, 2 / fan_in). */
  HE_NORMAL,
  ZEROS,
  ONES;

  /** Builds the initial value of a weight of {@code shape}; fans follow Keras' conventions. */
  public Operand<TFloat32> initialValue(Ops tf, Shape shape, long seed0, long seed1) {
    if (this == ZEROS || this == ONES) {
      return tf.fill(tf.constant(shape), tf.constant(this == ONES ? 1f : 0f));
    }
    var seed = tf.constant(new long[] {seed0, seed1});
    var dims = tf.constant(shape);
    double[] fans = fans(shape);
    switch (this) {
      case NORMAL_002:
        return tf.math.mul(tf.random.statelessRandomNormal(dims, seed), tf.constant(0.02f));
      case HE_NORMAL:
        return tf.math.mul(
            tf.random.statelessRandomNormal(dims, seed), tf.constant((float) Math.sqrt(2.0 / fans[0])));
      case GLOROT_UNIFORM:
        float a = (float) Math.sqrt(6.0 / (fans[0] + fans[1]));
        var u = tf.random.statelessRandomUniform(dims, seed);
        return tf.math.sub(tf.math.mul(u, tf.constant(2f * a)), tf.constant(a));
      default:
        throw new IllegalStateException(name());
    }
  }

  /** fan_in, fan_out: receptive field times input / output channels for conv kernels. */
  static double[] fans(Shape shape) {
    int r = shape.numDimensions();
    if (r < 2) {
      long n = r == 0 ? 1 : shape.get(0);
      return new double[] {n, n};
    }
    long receptive = 1;
    for (int i = 0; i < r - 2; i++) {
      receptive *= shape.get(i);
    }
    return new double[] {receptive * shape.get(r - 2), receptive * shape.get(r - 1)};
  }
}
