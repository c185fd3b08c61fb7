package org.gansuite.core.model;

import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * WGAN-GP's penalty (Gulrajani et al. 2017): E (||grad_x D(x_hat)||_2 - 1)^2 at x_hat = e x + (1 -
 * e) G(z), e ~ U[0, 1] per sample. The input gradient is built with {@link Graph#addGradients} and
 * an explicit seed gradient (ones), since the default seed op, OnesLike, has no registered gradient
 * and the penalty must itself be differentiated.
 */
public final class GradientPenalty {

  private GradientPenalty() {}

  /** The penalty at random interpolates; {@code seed} feeds the stateless draw of e. */
  public static Operand<TFloat32> atInterpolates(
      Ops tf, Function<Operand<TFloat32>, Operand<TFloat32>> critic,
      Operand<TFloat32> real, Operand<TFloat32> fake, Operand<TInt64> seed) {
    var batch = tf.slice(tf.shape(real), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    var eShape = tf.concat(java.util.List.of(batch, tf.constant(new int[] {1, 1, 1})), tf.constant(0));
    var e = tf.random.statelessRandomUniform(eShape, seed);
    var xHat = tf.math.add(tf.math.mul(e, real), tf.math.mul(tf.math.sub(tf.constant(1f), e), fake));
    return at(tf, critic, xHat);
  }

  /** The penalty at given points {@code x} (NHWC or NC). */
  public static Operand<TFloat32> at(Ops tf, Function<Operand<TFloat32>, Operand<TFloat32>> critic, Operand<TFloat32> x) {
    var norm = gradientNorm(tf, critic, x);
    return GanLosses.mean(tf, tf.math.square(tf.math.sub(norm, tf.constant(1f))));
  }

  /** ||grad_x D(x)||_2 per sample, shape [B]. */
  public static Operand<TFloat32> gradientNorm(Ops tf, Function<Operand<TFloat32>, Operand<TFloat32>> critic, Operand<TFloat32> x) {
    var out = critic.apply(x);
    var seedGrad = tf.fill(tf.shape(out), tf.constant(1f));
    Graph g = (Graph) tf.scope().env();
    Output<?>[] grads = g.addGradients(null,
        new Output<?>[] {out.asOutput()}, new Output<?>[] {x.asOutput()}, new Output<?>[] {seedGrad.asOutput()});
    @SuppressWarnings("unchecked")
    Operand<TFloat32> grad = (Operand<TFloat32>) grads[0];
    int rank = x.shape().numDimensions();
    int[] axes = new int[rank - 1];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i + 1;
    }
    // The tiny constant keeps the gradient of sqrt finite where the input gradient vanishes.
    return tf.math.sqrt(tf.math.add(tf.reduceSum(tf.math.square(grad), tf.constant(axes)), tf.constant(1e-12f)));
  }
}
