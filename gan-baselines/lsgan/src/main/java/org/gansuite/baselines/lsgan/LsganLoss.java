package org.gansuite.baselines.lsgan;

import org.gansuite.core.model.GanLosses;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * LSGAN's objective (Mao et al., "Least squares generative adversarial networks", ICCV 2017, eq.
 * 2): D minimises 1/2 E (D(x) - b)^2 + 1/2 E (D(G(z)) - a)^2, G minimises 1/2 E (D(G(z)) - c)^2,
 * on the discriminator's raw (linear) outputs. The paper shows that with b - c = 1 and b - a = 2
 * (e.g. a = -1, b = 1, c = 0) this minimises the Pearson chi-squared divergence; the 0-1 coding
 * a = 0, b = c = 1 is the one the comparison tables use and the default here.
 */
public record LsganLoss(float a, float b, float c) {

  /** The paper's experimental coding: fake 0, real 1, generator target 1. */
  public static final LsganLoss ZERO_ONE = new LsganLoss(0f, 1f, 1f);

  public Operand<TFloat32> discriminator(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake) {
    return GanLosses.leastSquaresDiscriminator(tf, real, fake, a, b);
  }

  public Operand<TFloat32> generator(Ops tf, Operand<TFloat32> fake) {
    return GanLosses.leastSquaresGenerator(tf, fake, c);
  }
}
