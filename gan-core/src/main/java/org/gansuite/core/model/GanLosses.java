package org.gansuite.core.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * GAN losses as pure functions of discriminator outputs (logits or critic values, shape [B, 1]),
 * each a batch mean. Cross entropies use the stable forms softplus(-x) = -log sigmoid(x) and
 * softplus(x) = -log(1 - sigmoid(x)).
 */
public final class GanLosses {

  private GanLosses() {}

  /** Goodfellow et al. 2014: -E log D(x) - E log(1 - D(G(z))). */
  public static Operand<TFloat32> minimaxDiscriminator(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake) {
    return tf.math.add(mean(tf, tf.math.softplus(tf.math.neg(real))), mean(tf, tf.math.softplus(fake)));
  }

  /** The saturating generator loss E log(1 - D(G(z))). */
  public static Operand<TFloat32> minimaxGenerator(Ops tf, Operand<TFloat32> fake) {
    return tf.math.neg(mean(tf, tf.math.softplus(fake)));
  }

  /** The non-saturating generator loss -E log D(G(z)) (DCGAN's). */
  public static Operand<TFloat32> nonSaturatingGenerator(Ops tf, Operand<TFloat32> fake) {
    return mean(tf, tf.math.softplus(tf.math.neg(fake)));
  }

  /** Mao et al. 2017: 1/2 E (D(x) - b)^2 + 1/2 E (D(G(z)) - a)^2. */
  public static Operand<TFloat32> leastSquaresDiscriminator(
      Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake, float a, float b) {
    return tf.math.add(halfSquare(tf, real, b), halfSquare(tf, fake, a));
  }

  /** Mao et al. 2017: 1/2 E (D(G(z)) - c)^2. */
  public static Operand<TFloat32> leastSquaresGenerator(Ops tf, Operand<TFloat32> fake, float c) {
    return halfSquare(tf, fake, c);
  }

  /** Arjovsky et al. 2017, critic: E D(G(z)) - E D(x). */
  public static Operand<TFloat32> wassersteinCritic(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake) {
    return tf.math.sub(mean(tf, fake), mean(tf, real));
  }

  /** Wasserstein and hinge generator loss: -E D(G(z)). */
  public static Operand<TFloat32> wassersteinGenerator(Ops tf, Operand<TFloat32> fake) {
    return tf.math.neg(mean(tf, fake));
  }

  /** Lim and Ye 2017 / SAGAN: E max(0, 1 - D(x)) + E max(0, 1 + D(G(z))). */
  public static Operand<TFloat32> hingeDiscriminator(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake) {
    var one = tf.constant(1f);
    return tf.math.add(
        mean(tf, tf.nn.relu(tf.math.sub(one, real))), mean(tf, tf.nn.relu(tf.math.add(one, fake))));
  }

  /** Mean over all elements. */
  public static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, allAxes(tf, x));
  }

  private static Operand<TFloat32> halfSquare(Ops tf, Operand<TFloat32> x, float target) {
    return tf.math.mul(tf.constant(0.5f), mean(tf, tf.math.square(tf.math.sub(x, tf.constant(target)))));
  }

  static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<?> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }
}
