package org.gansuite.models.decoding;

import org.gansuite.core.model.GanLosses;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The decoding loss between G(f(x)) and x (the paper's Tables 2/3 compare L1, L2 and L2*; it
 * chooses L2). Images are in [-1, 1], NHWC.
 */
public enum DecodingLoss {
  /** Mean squared error over every value of the batch (the paper's choice). */
  L2,
  /** Mean absolute error over every value of the batch. */
  L1,
  /** Unsquared L2 norm of each image's error, averaged over the batch (our reading of L2*). */
  L2STAR;

  /** Keeps the gradient of the square root finite for an exactly reproduced image. */
  static final float NORM_EPSILON = 1e-12f;

  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> decoded, Operand<TFloat32> real) {
    var diff = tf.math.sub(decoded, real);
    switch (this) {
      case L2:
        return GanLosses.mean(tf, tf.math.square(diff));
      case L1:
        return GanLosses.mean(tf, tf.math.abs(diff));
      case L2STAR:
        var perImage = tf.reduceSum(tf.math.square(diff), tf.constant(new int[] {1, 2, 3}));
        return GanLosses.mean(tf, tf.math.sqrt(tf.math.add(perImage, tf.constant(NORM_EPSILON))));
      default:
        throw new IllegalStateException(name());
    }
  }
}
