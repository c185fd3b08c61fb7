package org.gansuite.models.decoding;

import java.util.List;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.nets.DcganDiscriminator;
import org.gansuite.core.nets.DcganGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The U-Net auto-encoder of the decoding-constrained GAN (doi 10.16383/j.aas.c190496). Encoder:
 * the DCGAN discriminator's conv trunk, then a dense projection of its flattened last stage to z's
 * size with tanh (z's range). Decoder: the generator itself, with additive skips from each encoder
 * stage to the generator stage of the same shape, so the skips add no parameters.
 */
public final class UNetAutoEncoder {

  private final DcganDiscriminator trunk;
  private final Network projectionNet;
  private final Dense projection;
  private final DcganGenerator decoder;
  private final Skips skips;

  /**
   * @param projectionNet the network holding the projection ({@code projection} or {@code encoder})
   */
  UNetAutoEncoder(DcganDiscriminator trunk, Network projectionNet, int zDim, DcganGenerator decoder, Skips skips) {
    this.trunk = trunk;
    this.skips = skips;
    this.projectionNet = projectionNet;
    this.projection = new Dense(projectionNet, trunk.featureSize(), zDim);
    this.decoder = decoder;
  }

  /** The four trunk stages and the feature f(x) computed from the last. */
  public record Encoded(List<Operand<TFloat32>> stages, Operand<TFloat32> feature) {}

  public Encoded encode(Operand<TFloat32> x, Pass pass) {
    var stages = trunk.stages(x, pass);
    Ops tf = projectionNet.tf();
    var flat = Act.flatten(tf, stages.get(stages.size() - 1));
    return new Encoded(stages, Act.tanh(tf, projection.apply(flat, pass)));
  }

  /** f(x), shape [B, z]. */
  public Operand<TFloat32> feature(Operand<TFloat32> x, Pass pass) {
    return encode(x, pass).feature();
  }

  /** The U-Net reconstruction G(f(x)) with skips from the encoder stages {@link Skips} selects. */
  public Operand<TFloat32> reconstruct(Operand<TFloat32> x, Pass pass) {
    var e = encode(x, pass);
    var stages = e.stages();
    var used = skips == Skips.ALL ? stages : stages.subList(0, stages.size() - 1);
    return decoder.apply(e.feature(), pass, used);
  }
}
