package org.gansuite.baselines.wgan;

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
 * WGAN (Arjovsky, Chintala and Bottou, "Wasserstein generative adversarial networks", ICML 2017)
 * on the suite's shared DCGAN networks, the discriminator's logit read as the critic value (with
 * its batch norm, as the paper's DCGAN critic): the critic minimises E D(G(z)) - E D(x), the
 * generator -E D(G(z)); {@code n_critic} (5) critic steps, each on a fresh real batch and followed
 * by clipping every critic parameter to [-{@code clip}, {@code clip}] (0.01, {@link WeightClipping}),
 * per generator step; RMSProp with learning rate {@code lr} (5e-5) for both networks.
 *
 * <p>Not reproduced: the reference code's 100 critic steps during the first 25 generator steps
 * and every 500th (a warm-up of its own, not in the paper's Algorithm 1); a phase here runs a
 * fixed number of steps per iteration.
 */
public final class WganProvider implements SimpleGanModelProvider {

  @Override
  public String name() {
    return "wgan";
  }

  @Override
  public String displayName() {
    return "WGAN";
  }

  @Override
  public Optional<String> paperRow() {
    return Optional.of(displayName());
  }

  @Override
  public String description() {
    return "WGAN, weight clipping 0.01, RMSProp 5e-5, 5 critic steps (Arjovsky et al. 2017)";
  }

  @Override
  public String objective() {
    return "Wasserstein";
  }

  @Override
  public int defaultEpochs() {
    return 35;
  }

  @Override
  public HyperParameters defaults() {
    return HyperParameters.of(Map.of("lr", 5e-5, "clip", 0.01, "n_critic", 5, "gf", 64, "df", 64));
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<NoPreparation> ctx) {
    var spec = ctx.spec();
    var hp = spec.hyper();
    var in = GanInputs.create(tf, spec);
    var nets = DcganPair.build(tf, spec, in, Norm.BATCH);
    var realValues = nets.realScores();
    var fakeValues = nets.fakeScores();
    var dLoss = GanLosses.wassersteinCritic(tf, realValues, fakeValues);
    var gLoss = GanLosses.wassersteinGenerator(tf, fakeValues);
    var rmsprop = OptimizerSpec.rmsprop(hp.getDouble("lr"));
    var dNet = nets.discriminatorNet();
    var criticStep = Updates.minimize(tf, rmsprop, "d_rmsprop", dLoss, dNet, nets.discriminatorPass().updates());
    var clipped = WeightClipping.after(tf, criticStep, dNet, hp.getFloat("clip"));
    var gStep = Updates.minimize(tf, rmsprop, "g_rmsprop", gLoss, nets.generatorNet(), nets.generatorPass().updates());
    var phases = List.of(
        // -loss estimates the Wasserstein distance (up to the critic's Lipschitz constant).
        new Phase("critic", hp.getInt("n_critic"), true, clipped,
            Map.of("loss", dLoss, "wasserstein", tf.math.neg(dLoss))),
        new Phase("g", 1, false, gStep, Map.of("loss", gLoss)));
    return new GanGraph(in, nets.samples(in), phases, nets.networks());
  }
}
