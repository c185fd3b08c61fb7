package org.gansuite.baselines.wgangp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.graph.OptimizerSpec;
import org.gansuite.core.graph.Pass;
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
 * WGAN-GP (Gulrajani, Ahmed, Arjovsky, Dumoulin and Courville, "Improved training of Wasserstein
 * GANs", NIPS 2017) on the suite's shared DCGAN networks: the critic minimises E D(G(z)) - E D(x)
 * + {@code lambda} (10) times the gradient penalty at random interpolates ({@link WganGpLoss}), the
 * generator -E D(G(z)); {@code n_critic} (5) critic steps per generator step; Adam with {@code lr}
 * 1e-4, betas 0.5 and 0.9 ({@code beta1}, {@code beta2}).
 *
 * <p>The penalty is per sample, so the critic must not mix samples: no batch norm. Option
 * {@code critic_norm}: {@code none} (default, the paper's DCGAN critic without normalisation) or
 * {@code layer} (the paper's suggested replacement). Without norm the critic has 1,792 parameters
 * fewer than DCGAN's at either size (the batch norms' scales and offsets over 128 + 256 + 512
 * channels); layer norm's per-channel scales and offsets restore exactly that number.
 */
public final class WganGpProvider implements SimpleGanModelProvider {

  @Override
  public String name() {
    return "wgan-gp";
  }

  @Override
  public String displayName() {
    return "WGAN-GP";
  }

  @Override
  public Optional<String> paperRow() {
    return Optional.of(displayName());
  }

  @Override
  public String description() {
    return "WGAN-GP, gradient penalty 10 at random interpolates, critic without batch norm (Gulrajani et al. 2017)";
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
    return HyperParameters.of(Map.of("lambda", 10.0, "n_critic", 5, "lr", 1e-4, "beta1", 0.5, "beta2", 0.9,
        "critic_norm", "none", "gf", 64, "df", 64));
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<NoPreparation> ctx) {
    var spec = ctx.spec();
    var hp = spec.hyper();
    Norm norm = hp.getEnum("critic_norm", Norm.class);
    if (norm == Norm.BATCH) {
      throw new IllegalArgumentException("critic_norm: batch norm makes each critic value depend on the whole"
          + " batch, which invalidates the per-sample gradient penalty; use none or layer");
    }
    var in = GanInputs.create(tf, spec);
    var nets = DcganPair.build(tf, spec, in, norm);
    // Without batch norm the critic has no state, so one pass serves every application.
    Pass dPass = nets.discriminatorPass();
    var fakeValues = nets.fakeScores();
    var dLoss = WganGpLoss.critic(tf, x -> nets.discriminator().logits(x, dPass), in.real(), nets.fake(),
        nets.realScores(), fakeValues, in.seed(), hp.getFloat("lambda"));
    var gLoss = GanLosses.wassersteinGenerator(tf, fakeValues);
    var adam = OptimizerSpec.adam(hp.getDouble("lr"), hp.getDouble("beta1"), hp.getDouble("beta2"));
    var criticStep = Updates.minimize(tf, adam, "d_adam", dLoss.total(), nets.discriminatorNet(), dPass.updates());
    var gStep = Updates.minimize(tf, adam, "g_adam", gLoss, nets.generatorNet(), nets.generatorPass().updates());
    var phases = List.of(
        new Phase("critic", hp.getInt("n_critic"), true, criticStep, Map.of("loss", dLoss.total(),
            "wasserstein", tf.math.neg(dLoss.wasserstein()), "gradient_penalty", dLoss.penalty())),
        new Phase("g", 1, false, gStep, Map.of("loss", gLoss)));
    return new GanGraph(in, nets.samples(in), phases, nets.networks());
  }
}
