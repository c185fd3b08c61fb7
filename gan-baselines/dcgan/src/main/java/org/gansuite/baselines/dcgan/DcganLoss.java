package org.gansuite.baselines.dcgan;

import org.gansuite.core.model.GanLosses;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * DCGAN's objective (Radford et al. 2016, after Goodfellow et al. 2014): the discriminator
 * minimises the binary cross entropy -E log D(x) - E log(1 - D(G(z))); the generator minimises the
 * non-saturating -E log D(G(z)), which keeps its gradient alive while D rejects its samples.
 * Inputs are logits of shape [B, 1].
 */
public final class DcganLoss {

  private DcganLoss() {}

  public static Operand<TFloat32> discriminator(Ops tf, Operand<TFloat32> realLogits, Operand<TFloat32> fakeLogits) {
    return GanLosses.minimaxDiscriminator(tf, realLogits, fakeLogits);
  }

  public static Operand<TFloat32> generator(Ops tf, Operand<TFloat32> fakeLogits) {
    return GanLosses.nonSaturatingGenerator(tf, fakeLogits);
  }
}
