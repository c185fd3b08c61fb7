package org.gansuite.baselines.began;

import java.util.List;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Add;
import org.tensorflow.types.TFloat32;

/**
 * BEGAN's equilibrium control (Berthelot et al. 2017, eq. 4 and section 3.4.1): k_t weighs the
 * fake term of the discriminator loss, starts at 0 and follows k_{t+1} = clip(k_t + lambda_k
 * (gamma L(x) - L(G(z))), 0, 1); the convergence measure is M_global = L(x) + |gamma L(x) -
 * L(G(z))|. k_t is discriminator state (saved with checkpoints, not a parameter).
 */
public final class BeganBalance {

  private final Variable<TFloat32> k;
  private final Add<TFloat32> kRead;
  private final float gamma;
  private final float lambdaK;

  public BeganBalance(Network discriminator, float gamma, float lambdaK) {
    this.k = discriminator.variable("balance", "k_t", Shape.scalar(), Init.ZEROS, false);
    // A copy, not an identity: Identity would alias the variable's buffer, so the step's losses and
    // the logged k_t could see the value assigned after the step. The update waits for this copy.
    this.kRead = discriminator.tf().withName("k_t_read").math.add(k, discriminator.tf().constant(0f));
    this.gamma = gamma;
    this.lambdaK = lambdaK;
  }

  /** The value of k_t that the step's losses use. */
  public Operand<TFloat32> k() {
    return kRead;
  }

  /** The discriminator loss L(x) - k_t L(G(z)). */
  public Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> lossReal, Operand<TFloat32> lossFake) {
    return tf.math.sub(lossReal, tf.math.mul(kRead, lossFake));
  }

  /** gamma L(x) - L(G(z)): positive when the generator is "too good" for the chosen diversity. */
  public Operand<TFloat32> balance(Ops tf, Operand<TFloat32> lossReal, Operand<TFloat32> lossFake) {
    return tf.math.sub(tf.math.mul(tf.constant(gamma), lossReal), lossFake);
  }

  public Operand<TFloat32> convergence(Ops tf, Operand<TFloat32> lossReal, Operand<TFloat32> lossFake) {
    return tf.math.add(lossReal, tf.math.abs(balance(tf, lossReal, lossFake)));
  }

  /** The update of k_t, run after {@code step} (which reads k_t) in the same session run. */
  public Op updateAfter(Ops tf, Op step, Operand<TFloat32> lossReal, Operand<TFloat32> lossFake) {
    Ops after = tf.withSubScope("balance").withControlDependencies(List.<Op>of(step, kRead));
    var next = after.math.add(kRead, after.math.mul(after.constant(lambdaK), balance(after, lossReal, lossFake)));
    return after.assign(k, after.clipByValue(next, after.constant(0f), after.constant(1f)));
  }
}
