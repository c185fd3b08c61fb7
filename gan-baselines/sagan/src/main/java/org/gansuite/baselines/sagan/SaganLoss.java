package org.gansuite.baselines.sagan;

import org.gansuite.core.model.GanLosses;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** SAGAN's two adversarial losses, the two rows of the comparison tables. */
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
}
