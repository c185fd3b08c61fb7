package org.gansuite.core.nets;

import java.util.ArrayList;
import java.util.List;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.BatchNorm;
import org.gansuite.core.graph.Conv2d;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.LayerNorm;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The DCGAN discriminator of PROTOCOL.md: 5x5 stride-2 convolutions C -> df (no norm) -> 2df ->
 * 4df -> 8df with normalisation and leaky ReLU 0.2, then dense to one logit. 4,316,545 parameters
 * at 64x64x3 with df = 64 and batch norm. The conv trunk doubles as the U-Net encoder.
 */
public final class DcganDiscriminator {

  private final Network net;
  private final List<Conv2d> convs = new ArrayList<>();
  private final List<BatchNorm> batchNorms = new ArrayList<>();
  private final List<LayerNorm> layerNorms = new ArrayList<>();
  private final Norm norm;
  private final Dense logit;
  private final int featureSize;

  public DcganDiscriminator(Network net, ImageShape shape, int df, Norm norm) {
    this(net, shape, df, norm, true);
  }

  /**
   * The conv trunk alone, without the logit layer (so its parameters are exactly the trunk's): a
   * separate-weights U-Net encoder, or the discriminator's trunk in an auto-encoder-only graph.
   */
  public static DcganDiscriminator trunk(Network net, ImageShape shape, int df, Norm norm) {
    return new DcganDiscriminator(net, shape, df, norm, false);
  }

  private DcganDiscriminator(Network net, ImageShape shape, int df, Norm norm, boolean withLogit) {
    if (shape.height() % 16 != 0 || shape.width() % 16 != 0) {
      throw new UserError("DCGAN discriminator needs sides divisible by 16, got " + shape);
    }
    this.net = net;
    this.norm = norm;
    int[] channels = {shape.channels(), df, df * 2, df * 4, df * 8};
    for (int i = 0; i < 4; i++) {
      convs.add(new Conv2d(net, 5, channels[i], channels[i + 1], 2, true, false));
      if (i > 0 && norm == Norm.BATCH) {
        batchNorms.add(new BatchNorm(net, channels[i + 1]));
      } else if (i > 0 && norm == Norm.LAYER) {
        layerNorms.add(new LayerNorm(net, channels[i + 1], 1e-5f));
      }
    }
    this.featureSize = (shape.height() / 16) * (shape.width() / 16) * df * 8;
    this.logit = withLogit ? new Dense(net, featureSize, 1) : null;
  }

  /** Output of each conv stage after its activation: s/2 x df, s/4 x 2df, s/8 x 4df, s/16 x 8df. */
  public List<Operand<TFloat32>> stages(Operand<TFloat32> x, Pass pass) {
    Ops tf = net.tf();
    List<Operand<TFloat32>> out = new ArrayList<>();
    Operand<TFloat32> h = x;
    for (int i = 0; i < 4; i++) {
      h = convs.get(i).apply(h, pass);
      if (i > 0 && norm == Norm.BATCH) {
        h = batchNorms.get(i - 1).apply(h, pass);
      } else if (i > 0 && norm == Norm.LAYER) {
        h = layerNorms.get(i - 1).apply(h);
      }
      h = Act.leakyRelu(tf, h, 0.2f);
      out.add(h);
    }
    return out;
  }

  /** Size of the flattened last stage, the input of the logit layer. */
  public int featureSize() {
    return featureSize;
  }

  /** One logit per image, shape [B, 1]. */
  public Operand<TFloat32> logits(Operand<TFloat32> x, Pass pass) {
    if (logit == null) {
      throw new IllegalStateException("a trunk-only discriminator has no logit layer");
    }
    var last = stages(x, pass).get(3);
    return logit.apply(Act.flatten(net.tf(), last), pass);
  }
}
