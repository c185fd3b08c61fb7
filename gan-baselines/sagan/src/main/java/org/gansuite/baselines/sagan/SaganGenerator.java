package org.gansuite.baselines.sagan;

import java.util.ArrayList;
import java.util.List;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.BatchNorm;
import org.gansuite.core.graph.ConvTranspose2d;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.graph.SelfAttention;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SAGAN's generator (Zhang et al. 2019) on the suite's DCGAN layout, so that the comparison
 * isolates SAGAN's additions: dense z to (s/16)x(s/16)x8gf, then 5x5 stride-2 transposed
 * convolutions 8gf -> 4gf -> 2gf -> gf -> C, batch norm and ReLU between, tanh output; every
 * weight spectrally normalised (Miyato et al. 2018, as SAGAN does in G too); a self-attention block
 * on the s/2 x s/2 x gf feature map (32x32 for 64x64 images, 16x16 for 32x32).
 */
public final class SaganGenerator {

  private final Network net;
  private final ImageShape shape;
  private final int gf;
  private final Dense project;
  private final List<BatchNorm> norms = new ArrayList<>();
  private final List<ConvTranspose2d> deconvs = new ArrayList<>();
  private final SelfAttention attention;
  private Shape attentionInput;

  public SaganGenerator(Network net, ImageShape shape, int zDim, int gf) {
    if (shape.height() % 16 != 0 || shape.width() % 16 != 0) {
      throw new IllegalArgumentException("SAGAN generator needs sides divisible by 16, got " + shape);
    }
    this.net = net;
    this.shape = shape;
    this.gf = gf;
    this.project = new Dense(net, zDim, (shape.height() / 16) * (shape.width() / 16) * gf * 8, true, true);
    int[] channels = {gf * 8, gf * 4, gf * 2, gf, shape.channels()};
    norms.add(new BatchNorm(net, channels[0]));
    for (int i = 0; i < 4; i++) {
      deconvs.add(new ConvTranspose2d(net, 5, channels[i], channels[i + 1], 2, true, true));
      if (i < 3) {
        norms.add(new BatchNorm(net, channels[i + 1]));
      }
    }
    this.attention = new SelfAttention(net, gf, true);
  }

  /** Images in [-1, 1] from z. */
  public Operand<TFloat32> apply(Operand<TFloat32> z, Pass pass) {
    Ops tf = net.tf();
    var x = Act.toImage(tf, project.apply(z, pass), shape.height() / 16, shape.width() / 16, gf * 8);
    x = Act.relu(tf, norms.get(0).apply(x, pass));
    for (int i = 0; i < 4; i++) {
      x = deconvs.get(i).apply(x, pass);
      if (i < 3) {
        x = Act.relu(tf, norms.get(i + 1).apply(x, pass));
      }
      if (i == 2) {
        attentionInput = x.shape();
        x = attention.apply(x, pass);
      }
    }
    return Act.tanh(tf, x);
  }

  /** Shape of the feature map the attention block saw in the last application (null before). */
  public Shape attentionInput() {
    return attentionInput;
  }
}
