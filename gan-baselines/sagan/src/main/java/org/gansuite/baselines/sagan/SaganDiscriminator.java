package org.gansuite.baselines.sagan;

import java.util.ArrayList;
import java.util.List;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.Conv2d;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.graph.SelfAttention;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SAGAN's discriminator (Zhang et al. 2019) on the suite's DCGAN layout: 5x5 stride-2
 * convolutions C -> df -> 2df -> 4df -> 8df with leaky ReLU 0.1 (SAGAN's slope) and no batch norm,
 * every weight spectrally normalised (Miyato et al. 2018); a self-attention block on the
 * s/2 x s/2 x df feature map (32x32 for 64x64 images, 16x16 for 32x32); dense to one output.
 */
public final class SaganDiscriminator {

  private final Network net;
  private final List<Conv2d> convs = new ArrayList<>();
  private final SelfAttention attention;
  private final Dense out;
  private Shape attentionInput;

  public SaganDiscriminator(Network net, ImageShape shape, int df) {
    if (shape.height() % 16 != 0 || shape.width() % 16 != 0) {
      throw new IllegalArgumentException("SAGAN discriminator needs sides divisible by 16, got " + shape);
    }
    this.net = net;
    int[] channels = {shape.channels(), df, df * 2, df * 4, df * 8};
    for (int i = 0; i < 4; i++) {
      convs.add(new Conv2d(net, 5, channels[i], channels[i + 1], 2, true, true));
    }
    this.attention = new SelfAttention(net, df, true);
    this.out = new Dense(net, (shape.height() / 16) * (shape.width() / 16) * df * 8, 1, true, true);
  }

  /** One output per image, shape [B, 1]: a logit (JS loss) or a hinge score. */
  public Operand<TFloat32> apply(Operand<TFloat32> x, Pass pass) {
    Ops tf = net.tf();
    Operand<TFloat32> h = x;
    for (int i = 0; i < 4; i++) {
      h = Act.leakyRelu(tf, convs.get(i).apply(h, pass), 0.1f);
      if (i == 0) {
        attentionInput = h.shape();
        h = attention.apply(h, pass);
      }
    }
    return out.apply(Act.flatten(tf, h), pass);
  }

  /** Shape of the feature map the attention block saw in the last application (null before). */
  public Shape attentionInput() {
    return attentionInput;
  }
}
