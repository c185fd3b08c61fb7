package org.gansuite.baselines.lsgan;

import org.gansuite.core.model.GanLosses;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * LSGAN's objective (Mao et al., "Least squares generative adversarial networks", ICCV 2017, eq.
 * 2): D minimises 1/2 E (D(x) - b)^2 + 1/2 E (D(G(z)) - a)^2, G minimises 1/2 E (D(G(z)) - c)^2,
 * on the discriminator's raw (linear) outputs. One constant per coding of the targets a (fake), b
 * (real), c (generator's target); the hyper-parameter {@code coding} picks one by name.
 */
public enum LsganLoss {
  /**
   * a = 0, b = c = 1: Mao et al.'s 0-1 binary coding (their eq. 9, G wants its samples scored as
   * real), the common implementations' coding; the default, so that runs made before the option
   * existed stay comparable.
   */
  ZERO_ONE(0f, 1f, 1f),
  /**
   * a = -1, b = 1, c = 0: satisfies Mao et al.'s condition b - c = 1, b - a = 2 (their eq. 8),
   * under which minimising the objective minimises the Pearson chi-squared divergence between
   * p_data + p_g and 2 p_g, the divergence the paper's tables name for LSGAN.
   */
  PEARSON(-1f, 1f, 0f);

  private final float a;
  private final float b;
  private final float c;

  LsganLoss(float a, float b, float c) {
    this.a = a;
    this.b = b;
    this.c = c;
  }

  public float a() {
    return a;
  }

  public float b() {
    return b;
  }

  public float c() {
    return c;
  }

  public Operand<TFloat32> discriminator(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake) {
    return GanLosses.leastSquaresDiscriminator(tf, real, fake, a, b);
  }

  public Operand<TFloat32> generator(Ops tf, Operand<TFloat32> fake) {
    return GanLosses.leastSquaresGenerator(tf, fake, c);
  }
}
