package org.gansuite.baselines.sagan;

import org.gansuite.core.model.GanLosses;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SAGAN's adversarial losses, one per reading of the comparison tables' two SAGAN rows (hinge and
 * WGAN-GP for "Wasserstein", non-saturating for "JS").
 */
public enum SaganLoss {
  /**
   * Hinge (Lim and Ye 2017; SAGAN's choice): D minimises E max(0, 1 - D(x)) + E max(0, 1 +
   * D(G(z))), G minimises -E D(G(z)).
   */
  HINGE {
    @Override
    public Operand<TFloat32> discriminator(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake) {
      return GanLosses.hingeDiscriminator(tf, real, fake);
    }

    @Override
    public Operand<TFloat32> generator(Ops tf, Operand<TFloat32> fake) {
      return GanLosses.wassersteinGenerator(tf, fake);
    }
  },
  /**
   * WGAN-GP (Gulrajani et al. 2017; the default loss of a popular SAGAN implementation,
   * heykeetae/Self-Attention-GAN): D minimises E D(G(z)) - E D(x) plus lambda times the gradient
   * penalty, which the provider adds ({@link #penalised()}); G minimises -E D(G(z)).
   */
  WGAN_GP {
    @Override
    public Operand<TFloat32> discriminator(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake) {
      return GanLosses.wassersteinCritic(tf, real, fake);
    }

    @Override
    public Operand<TFloat32> generator(Ops tf, Operand<TFloat32> fake) {
      return GanLosses.wassersteinGenerator(tf, fake);
    }

    @Override
    public boolean penalised() {
      return true;
    }
  },
  /** Non-saturating JS (Goodfellow et al. 2014) on logits. */
  JS {
    @Override
    public Operand<TFloat32> discriminator(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake) {
      return GanLosses.minimaxDiscriminator(tf, real, fake);
    }

    @Override
    public Operand<TFloat32> generator(Ops tf, Operand<TFloat32> fake) {
      return GanLosses.nonSaturatingGenerator(tf, fake);
    }
  };

  public abstract Operand<TFloat32> discriminator(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake);

  public abstract Operand<TFloat32> generator(Ops tf, Operand<TFloat32> fake);

  /**
   * Whether the discriminator's loss takes the gradient penalty at random interpolates (gan-core's
   * GradientPenalty): it needs the discriminator itself, not only its outputs.
   */
  public boolean penalised() {
    return false;
  }
}
