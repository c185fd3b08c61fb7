package org.gansuite.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) over the channel axis of NHWC input (or the
 * feature axis of NC input), with scale and offset. Training passes normalise with the batch
 * statistics and record moving-average updates ({@code m <- momentum m + (1 - momentum) batch},
 * with TensorFlow's Bessel-corrected batch variance); inference passes use the moving averages.
 */
public final class BatchNorm {

  private final Network net;
  private final Variable<TFloat32> scale;
  private final Variable<TFloat32> offset;
  private final Variable<TFloat32> movingMean;
  private final Variable<TFloat32> movingVariance;
  private final float momentum;
  private final float epsilon;

  public BatchNorm(Network net, int channels, float momentum, float epsilon) {
    this.net = net;
    this.momentum = momentum;
    this.epsilon = epsilon;
    String layer = net.layerName("bn");
    Shape s = Shape.of(channels);
    this.scale = net.variable(layer, "scale", s, Init.ONES, true);
    this.offset = net.variable(layer, "offset", s, Init.ZEROS, true);
    this.movingMean = net.variable(layer, "moving_mean", s, Init.ZEROS, false);
    this.movingVariance = net.variable(layer, "moving_variance", s, Init.ONES, false);
  }

  /** DCGAN's settings: momentum 0.9, epsilon 1e-5. */
  public BatchNorm(Network net, int channels) {
    this(net, channels, 0.9f, 1e-5f);
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x, Pass pass) {
    var tf = net.tf();
    Shape shape = x.shape();
    boolean flat = shape.numDimensions() == 2;
    Operand<TFloat32> x4 = flat ? tf.reshape(x, tf.constant(new long[] {-1, 1, 1, shape.get(1)})) : x;
    Operand<TFloat32> y;
    if (pass.isTraining()) {
      var empty = tf.constant(Shape.of(0), org.tensorflow.ndarray.buffer.DataBuffers.of(new float[0]));
      FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(
          x4, scale, offset, empty, empty, FusedBatchNorm.epsilon(epsilon), FusedBatchNorm.isTraining(true));
      var keep = tf.constant(momentum);
      var blend = tf.constant(1f - momentum);
      pass.addUpdate(tf.assign(movingMean,
          tf.math.add(tf.math.mul(movingMean, keep), tf.math.mul(bn.batchMean(), blend))));
      pass.addUpdate(tf.assign(movingVariance,
          tf.math.add(tf.math.mul(movingVariance, keep), tf.math.mul(bn.batchVariance(), blend))));
      y = bn.y();
    } else {
      y = tf.nn.fusedBatchNorm(x4, scale, offset, movingMean, movingVariance,
          FusedBatchNorm.epsilon(epsilon), FusedBatchNorm.isTraining(false)).y();
    }
    return flat ? tf.reshape(y, tf.constant(new long[] {-1, shape.get(1)})) : y;
  }
}
