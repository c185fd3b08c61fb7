package org.gansuite.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Layer normalisation (Ba et al. 2016) over all non-batch axes, per-channel scale and offset. It
 * treats every sample alone, so it is the normaliser a gradient-penalty critic may use.
 */
public final class LayerNorm {

  private final Network net;
  private final Variable<TFloat32> scale;
  private final Variable<TFloat32> offset;
  private final float epsilon;

  public LayerNorm(Network net, int channels, float epsilon) {
    this.net = net;
    this.epsilon = epsilon;
    String layer = net.layerName("ln");
    this.scale = net.variable(layer, "scale", Shape.of(channels), Init.ONES, true);
    this.offset = net.variable(layer, "offset", Shape.of(channels), Init.ZEROS, true);
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x) {
    var tf = net.tf();
    int rank = x.shape().numDimensions();
    int[] axes = new int[rank - 1];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i + 1;
    }
    var ax = tf.constant(axes);
    var mean = tf.math.mean(x, ax, org.tensorflow.op.math.Mean.keepDims(true));
    var centred = tf.math.sub(x, mean);
    var variance = tf.math.mean(tf.math.square(centred), ax, org.tensorflow.op.math.Mean.keepDims(true));
    // (v + eps)^-0.5 through Pow rather than Sqrt: Sqrt's gradient op (SqrtGrad) has no C++
    // gradient, and a gradient-penalty critic with layer norm needs second-order gradients.
    var normed = tf.math.mul(centred, tf.math.pow(tf.math.add(variance, tf.constant(epsilon)), tf.constant(-0.5f)));
    return tf.math.add(tf.math.mul(normed, scale), offset);
  }
}
