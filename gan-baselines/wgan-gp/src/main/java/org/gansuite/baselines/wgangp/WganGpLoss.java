package org.gansuite.baselines.wgangp;

import java.util.function.Function;
import org.gansuite.core.model.GanLosses;
import org.gansuite.core.model.GradientPenalty;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * WGAN-GP's critic objective (Gulrajani et al., "Improved training of Wasserstein GANs", NIPS
 * 2017, Algorithm 1): E D(G(z)) - E D(x) + lambda E (||grad D(x_hat)||_2 - 1)^2, x_hat on random
 * segments between real and generated images. The penalty's gradient with respect to the critic
 * is second order; gan-core's {@link GradientPenalty} builds it so TensorFlow can differentiate it.
 *
 * @param wasserstein E D(G(z)) - E D(x), minus the distance estimate
 * @param penalty the gradient penalty, before lambda
 * @param total the loss the critic minimises
 */
public record WganGpLoss(Operand<TFloat32> wasserstein, Operand<TFloat32> penalty, Operand<TFloat32> total) {

  /**
   * @param critic builds the critic's values [B, 1] for a batch of images
   * @param realValues, fakeValues the critic's values of {@code real} and {@code fake}
   * @param seed two-word seed of the interpolation weights (fed per step by the trainer)
   */
  public static WganGpLoss critic(Ops tf, Function<Operand<TFloat32>, Operand<TFloat32>> critic,
      Operand<TFloat32> real, Operand<TFloat32> fake, Operand<TFloat32> realValues, Operand<TFloat32> fakeValues,
      Operand<TInt64> seed, float lambda) {
    var wasserstein = GanLosses.wassersteinCritic(tf, realValues, fakeValues);
    var penalty = GradientPenalty.atInterpolates(tf, critic, real, fake, seed);
    var total = tf.math.add(wasserstein, tf.math.mul(tf.constant(lambda), penalty));
    return new WganGpLoss(wasserstein, penalty, total);
  }
}
