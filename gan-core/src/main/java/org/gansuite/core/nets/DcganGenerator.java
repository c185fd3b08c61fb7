package org.gansuite.core.nets;

import java.util.ArrayList;
import java.util.List;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.BatchNorm;
import org.gansuite.core.graph.ConvTranspose2d;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The DCGAN generator of PROTOCOL.md (Radford et al. 2016, carpedm20's reference layout): dense z
 * to (s/16)x(s/16)x(8 gf), BN, ReLU; four 5x5 stride-2 transposed convolutions 8gf -> 4gf -> 2gf
 * -> gf -> C, BN + ReLU between, tanh output. 5,135,363 parameters at 64x64x3 with gf = 64.
 */
public final class DcganGenerator {

  private final Network net;
  private final ImageShape shape;
  private final int gf;
  private final Dense project;
  private final List<BatchNorm> norms = new ArrayList<>();
  private final List<ConvTranspose2d> deconvs = new ArrayList<>();

  public DcganGenerator(Network net, ImageShape shape, int zDim, int gf) {
    if (shape.height() % 16 != 0 || shape.width() % 16 != 0) {
      throw new UserError("DCGAN generator needs sides divisible by 16, got " + shape);
    }
    this.net = net;
    this.shape = shape;
    this.gf = gf;
    int h0 = shape.height() / 16;
    int w0 = shape.width() / 16;
    this.project = new Dense(net, zDim, h0 * w0 * gf * 8);
    int[] channels = {gf * 8, gf * 4, gf * 2, gf, shape.channels()};
    norms.add(new BatchNorm(net, channels[0]));
    for (int i = 0; i < 4; i++) {
      deconvs.add(new ConvTranspose2d(net, 5, channels[i], channels[i + 1], 2, true, false));
      if (i < 3) {
        norms.add(new BatchNorm(net, channels[i + 1]));
      }
    }
  }

  /** Images in [-1, 1] from z. */
  public Operand<TFloat32> apply(Operand<TFloat32> z, Pass pass) {
    return apply(z, pass, List.of());
  }

  /**
   * Images from z with additive skips: each given feature map is added to the generator stage of
   * the same shape, after its activation (the U-Net decoder of the proposed model). Skips add no
   * parameters. A skip that matches no stage (e.g. encoder and generator widths differ) is an error,
   * not a silently dropped connection.
   */
  public Operand<TFloat32> apply(Operand<TFloat32> z, Pass pass, List<Operand<TFloat32>> skips) {
    Ops tf = net.tf();
    List<Operand<TFloat32>> unused = new java.util.ArrayList<>(skips);
    var x = Act.toImage(tf, project.apply(z, pass), shape.height() / 16, shape.width() / 16, gf * 8);
    x = addSkip(tf, Act.relu(tf, norms.get(0).apply(x, pass)), unused);
    for (int i = 0; i < 4; i++) {
      x = deconvs.get(i).apply(x, pass);
      if (i < 3) {
        x = addSkip(tf, Act.relu(tf, norms.get(i + 1).apply(x, pass)), unused);
      }
    }
    if (!unused.isEmpty()) {
      throw new org.gansuite.core.UserError("U-Net skip of shape " + unused.get(0).shape()
          + " matches no generator stage (the skips need equal generator and discriminator widths, gf = df)");
    }
    return Act.tanh(tf, x);
  }

  private static Operand<TFloat32> addSkip(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> unused) {
    for (var s : unused) {
      if (sameNonBatch(s, x)) {
        unused.remove(s);
        return tf.math.add(x, s);
      }
    }
    return x;
  }

  private static boolean sameNonBatch(Operand<?> a, Operand<?> b) {
    var sa = a.shape();
    var sb = b.shape();
    if (sa.numDimensions() != sb.numDimensions()) {
      return false;
    }
    for (int i = 1; i < sa.numDimensions(); i++) {
      if (sa.get(i) != sb.get(i)) {
        return false;
      }
    }
    return true;
  }
}
