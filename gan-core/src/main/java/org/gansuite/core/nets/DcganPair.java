package org.gansuite.core.nets;

import java.util.List;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.model.GanInputs;
import org.gansuite.core.model.ModelSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The shared DCGAN generator and discriminator of one model, built the way DCGAN, LSGAN, WGAN and
 * WGAN-GP all use them: networks {@code generator} and {@code discriminator} (N(0, 0.02^2)
 * weights, widths from the {@code gf} and {@code df} hyper-parameters), one training pass each,
 * G(z), and the discriminator's outputs on the real and the generated batch. A model adds its
 * losses and optimizers; the state updates of each pass go with its own network's step.
 */
public record DcganPair(Network generatorNet, Network discriminatorNet, DcganGenerator generator,
    DcganDiscriminator discriminator, Pass generatorPass, Pass discriminatorPass, Operand<TFloat32> fake,
    Operand<TFloat32> realScores, Operand<TFloat32> fakeScores) {

  public static DcganPair build(Ops tf, ModelSpec spec, GanInputs in, Norm discriminatorNorm) {
    var gNet = new Network(tf, "generator", spec.seed(), Init.NORMAL_002);
    var dNet = new Network(tf, "discriminator", spec.seed(), Init.NORMAL_002);
    var generator = new DcganGenerator(gNet, spec.shape(), spec.zDim(), spec.hyper().getInt("gf"));
    var discriminator = new DcganDiscriminator(dNet, spec.shape(), spec.hyper().getInt("df"), discriminatorNorm);
    Pass gPass = Pass.training();
    Pass dPass = Pass.training();
    var fake = generator.apply(in.z(), gPass);
    return new DcganPair(gNet, dNet, generator, discriminator, gPass, dPass, fake,
        discriminator.logits(in.real(), dPass), discriminator.logits(fake, dPass));
  }

  /** The generator in inference mode (moving averages): the model's sampling op. */
  public Operand<TFloat32> samples(GanInputs in) {
    return generator.apply(in.z(), Pass.inference());
  }

  public List<Network> networks() {
    return List.of(generatorNet, discriminatorNet);
  }
}
