package org.gansuite.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** Activations and shape helpers used by the networks. */
public final class Act {

  private Act() {}

  public static Operand<TFloat32> relu(Ops tf, Operand<TFloat32> x) {
    return tf.nn.relu(x);
  }

  public static Operand<TFloat32> leakyRelu(Ops tf, Operand<TFloat32> x, float alpha) {
    return tf.nn.leakyRelu(x, LeakyRelu.alpha(alpha));
  }

  public static Operand<TFloat32> elu(Ops tf, Operand<TFloat32> x) {
    return tf.nn.elu(x);
  }

  public static Operand<TFloat32> tanh(Ops tf, Operand<TFloat32> x) {
    return tf.math.tanh(x);
  }

  /** Nearest-neighbour upsampling by an integer factor; input height and width must be static. */
  public static Operand<TFloat32> upsampleNearest(Ops tf, Operand<TFloat32> x, int factor) {
    var s = x.shape();
    return tf.image.resizeNearestNeighbor(
        x, tf.constant(new int[] {(int) s.get(1) * factor, (int) s.get(2) * factor}));
  }

  /** [B, H, W, C] to [B, H*W*C]; static H, W, C. */
  public static Operand<TFloat32> flatten(Ops tf, Operand<TFloat32> x) {
    var s = x.shape();
    long n = 1;
    for (int i = 1; i < s.numDimensions(); i++) {
      n *= s.get(i);
    }
    return tf.reshape(x, tf.constant(new long[] {-1, n}));
  }

  /** [B, H*W*C] to [B, H, W, C]. */
  public static Operand<TFloat32> toImage(Ops tf, Operand<TFloat32> x, long h, long w, long c) {
    return tf.reshape(x, tf.constant(new long[] {-1, h, w, c}));
  }
}
