package org.gansuite.baselines.dcgan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.graph.OptimizerSpec;
import org.gansuite.core.graph.Updates;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanInputs;
import org.gansuite.core.model.GanLosses;
import org.gansuite.core.model.HyperParameters;
import org.gansuite.core.model.NoPreparation;
import org.gansuite.core.model.Phase;
import org.gansuite.core.model.SimpleGanModelProvider;
import org.gansuite.core.nets.DcganPair;
import org.gansuite.core.nets.Norm;
import org.tensorflow.op.Ops;

/**
 * DCGAN (Radford, Metz and Chintala, "Unsupervised representation learning with deep convolutional
 * generative adversarial networks", ICLR 2016) on the suite's shared DCGAN networks (PROTOCOL.md:
 * 9,451,908 parameters at 64x64x3, 8,825,220 at 32x32x3), non-saturating JS loss
 * ({@link DcganLoss}), Adam 2e-4 with beta1 0.5, weights drawn from N(0, 0.02^2).
 *
 * <p>Hyper-parameters: {@code lr}, {@code beta1}, {@code beta2}, {@code gf}, {@code df} and
 * {@code g_steps}, the number of generator steps per discriminator step. It defaults to 1, the
 * paper's algorithm; carpedm20's reference implementation, whose parameter counts the comparison
 * tables match, runs 2 ("to make sure that d_loss does not go to zero"): set {@code g_steps=2} to
 * follow it. Each generator step draws a fresh z.
 */
public final class DcganProvider implements SimpleGanModelProvider {

  @Override
  public String name() {
    return "dcgan";
  }

  @Override
  public String displayName() {
    return "DCGAN";
  }

  @Override
  public Optional<String> paperRow() {
    return Optional.of(displayName());
  }

  @Override
  public String description() {
    return "DCGAN, non-saturating JS loss (Radford et al. 2016)";
  }

  @Override
  public String objective() {
    return "JS";
  }

  @Override
  public int defaultEpochs() {
    return 20;
  }

  @Override
  public HyperParameters defaults() {
    return HyperParameters.of(Map.of("lr", 2e-4, "beta1", 0.5, "beta2", 0.999, "gf", 64, "df", 64, "g_steps", 1));
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<NoPreparation> ctx) {
    var spec = ctx.spec();
    var hp = spec.hyper();
    var in = GanInputs.create(tf, spec);
    var nets = DcganPair.build(tf, spec, in, Norm.BATCH);
    var realLogits = nets.realScores();
    var fakeLogits = nets.fakeScores();
    var dLoss = DcganLoss.discriminator(tf, realLogits, fakeLogits);
    var gLoss = DcganLoss.generator(tf, fakeLogits);
    var adam = OptimizerSpec.adam(hp.getDouble("lr"), hp.getDouble("beta1"), hp.getDouble("beta2"));
    var dStep = Updates.minimize(tf, adam, "d_adam", dLoss, nets.discriminatorNet(), nets.discriminatorPass().updates());
    var gStep = Updates.minimize(tf, adam, "g_adam", gLoss, nets.generatorNet(), nets.generatorPass().updates());
    var phases = List.of(
        new Phase("d", 1, true, dStep, Map.of("loss", dLoss,
            "real_logit", GanLosses.mean(tf, realLogits), "fake_logit", GanLosses.mean(tf, fakeLogits))),
        // The generator's loss does not read real images: its steps reuse the batch.
        new Phase("g", hp.getInt("g_steps"), false, gStep, Map.of("loss", gLoss)));
    return new GanGraph(in, nets.samples(in), phases, nets.networks());
  }
}
