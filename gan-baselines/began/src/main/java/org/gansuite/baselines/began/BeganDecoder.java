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
 * BEGAN's decoder (Berthelot, Schumm and Metz 2017, Figure 1), used both as the generator and as
 * the second half of the auto-encoder discriminator: a linear map from the input vector to
 * 8x8xn, then blocks of two 3x3 convolutions (n filters, ELU) separated by 2x nearest-neighbour
 * upsampling until the image side, and a final 3x3 convolution to the image channels with no
 * activation (the paper's output is linear; samples are clipped to the pixel range by the model).
 */
public final class BeganDecoder {

  private final Network net;
  private final int n;
  private final Dense project;
  private final List<Conv2d> convs = new ArrayList<>();
  private final Conv2d out;
  private final int blocks;
  private final boolean skip;
  private final boolean tanh;

  /** The plain decoder of Figure 1 (no skip connections, linear output). */
  public BeganDecoder(Network net, ImageShape shape, int inDim, int n) {
    this(net, shape, inDim, n, false, false);
  }

  /**
   * @param skip the paper's skip connections (section 3.5.2): after each upsampling, h0 (the 8x8xn
   *     projection of the input) upsampled to the same size is concatenated with the feature map,
   *     so the first convolution of every block after the first reads 2n channels
   * @param tanh a tanh on the output, bounding it to the pixel range (the reference's output is
   *     linear)
   */
  public BeganDecoder(Network net, ImageShape shape, int inDim, int n, boolean skip, boolean tanh) {
    this.net = net;
    this.n = n;
    this.blocks = blocks(shape);
    this.skip = skip;
    this.tanh = tanh;
    this.project = new Dense(net, inDim, 8 * 8 * n);
    for (int b = 0; b < blocks; b++) {
      convs.add(new Conv2d(net, 3, skip && b > 0 ? 2 * n : n, n, 1, true, false));
      convs.add(new Conv2d(net, 3, n, n, 1, true, false));
    }
    this.out = new Conv2d(net, 3, n, shape.channels(), 1, true, false);
  }

  /** Number of convolution blocks: log2(side) - 2 (3 at 32x32, 4 at 64x64), as the reference code. */
  static int blocks(ImageShape shape) {
    int side = shape.height();
    if (shape.width() != side || side < 16 || Integer.bitCount(side) != 1) {
      throw new IllegalArgumentException("BEGAN needs square images with a power-of-two side >= 16, got " + shape);
    }
    return Integer.numberOfTrailingZeros(side) - 2;
  }

  public Operand<TFloat32> apply(Operand<TFloat32> h, Pass pass) {
    Ops tf = net.tf();
    var h0 = Act.toImage(tf, project.apply(h, pass), 8, 8, n);
    var x = h0;
    for (int b = 0; b < blocks; b++) {
      if (skip && b > 0) {
        x = tf.concat(List.of(x, Act.upsampleNearest(tf, h0, 1 << b)), tf.constant(3));
      }
      x = Act.elu(tf, convs.get(2 * b).apply(x, pass));
      x = Act.elu(tf, convs.get(2 * b + 1).apply(x, pass));
      if (b < blocks - 1) {
        x = Act.upsampleNearest(tf, x, 2);
      }
    }
    var y = out.apply(x, pass);
    return tanh ? Act.tanh(tf, y) : y;
  }
}
