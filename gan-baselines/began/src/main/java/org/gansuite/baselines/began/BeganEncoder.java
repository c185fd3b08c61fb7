package org.gansuite.baselines.began;

import java.util.ArrayList;
import java.util.List;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.Conv2d;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * BEGAN's encoder (Berthelot et al. 2017, Figure 1; layout of the reference code): a 3x3
 * convolution to n filters, then per block two 3x3 convolutions with n, 2n, 3n, ... filters and,
 * between blocks, a 3x3 stride-2 convolution (sub-sampling); ELU throughout; a linear map of the
 * final 8x8 map to the embedding h.
 */
public final class BeganEncoder {

  private final Network net;
  private final Conv2d first;
  private final List<Conv2d> convs = new ArrayList<>();
  private final Dense embed;
  private final int blocks;
  private final int lastChannels;

  public BeganEncoder(Network net, ImageShape shape, int n, int h) {
    this.net = net;
    this.blocks = BeganDecoder.blocks(shape);
    this.first = new Conv2d(net, 3, shape.channels(), n, 1, true, false);
    int prev = n;
    for (int b = 0; b < blocks; b++) {
      int ch = n * (b + 1);
      convs.add(new Conv2d(net, 3, prev, ch, 1, true, false));
      convs.add(new Conv2d(net, 3, ch, ch, 1, true, false));
      if (b < blocks - 1) {
        convs.add(new Conv2d(net, 3, ch, ch, 2, true, false));
      }
      prev = ch;
    }
    this.lastChannels = prev;
    this.embed = new Dense(net, 8 * 8 * prev, h);
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x, Pass pass) {
    Ops tf = net.tf();
    var y = Act.elu(tf, first.apply(x, pass));
    for (var conv : convs) {
      y = Act.elu(tf, conv.apply(y, pass));
    }
    return embed.apply(tf.reshape(y, tf.constant(new long[] {-1, 8L * 8 * lastChannels})), pass);
  }
}
