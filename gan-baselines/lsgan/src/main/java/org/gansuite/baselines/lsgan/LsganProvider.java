package org.gansuite.baselines.lsgan;

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
 * LSGAN (Mao et al., "Least squares generative adversarial networks", ICCV 2017) on the suite's
 * shared DCGAN networks, the discriminator's logit read as a raw score: least-squares losses with
 * targets a (fake), b (real) and c (generator) chosen by {@code coding} ({@link LsganLoss}):
 * {@code zero_one} (default, a = 0, b = c = 1) or {@code pearson} (a = -1, b = 1, c = 0, the coding
 * under which the objective is the Pearson chi-squared divergence the paper's tables name); Adam
 * 2e-4 with beta1 0.5 as in the paper, one discriminator step per generator step.
 * Hyper-parameters: {@code coding}, {@code lr}, {@code beta1}, {@code beta2}, {@code gf}, {@code df}.
 */
public final class LsganProvider implements SimpleGanModelProvider {

  @Override
  public String name() {
    return "lsgan";
  }

  @Override
  public String displayName() {
    return "LSGAN";
  }

  @Override
  public Optional<String> paperRow() {
    return Optional.of(displayName());
  }

  @Override
  public String description() {
    return "LSGAN, least-squares loss, targets a=0, b=c=1 or Pearson a=-1, b=1, c=0 (Mao et al. 2017)";
  }

  @Override
  public String objective() {
    return "Pearson chi2";
  }

  @Override
  public int defaultEpochs() {
    return 35;
  }

  @Override
  public HyperParameters defaults() {
    return HyperParameters.of(Map.of("coding", "zero_one",
        "lr", 2e-4, "beta1", 0.5, "beta2", 0.999, "gf", 64, "df", 64));
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<NoPreparation> ctx) {
    var spec = ctx.spec();
    var hp = spec.hyper();
    var loss = hp.getEnum("coding", LsganLoss.class);
    var in = GanInputs.create(tf, spec);
    var nets = DcganPair.build(tf, spec, in, Norm.BATCH);
    var realScores = nets.realScores();
    var fakeScores = nets.fakeScores();
    var dLoss = loss.discriminator(tf, realScores, fakeScores);
    var gLoss = loss.generator(tf, fakeScores);
    var adam = OptimizerSpec.adam(hp.getDouble("lr"), hp.getDouble("beta1"), hp.getDouble("beta2"));
    var dStep = Updates.minimize(tf, adam, "d_adam", dLoss, nets.discriminatorNet(), nets.discriminatorPass().updates());
    var gStep = Updates.minimize(tf, adam, "g_adam", gLoss, nets.generatorNet(), nets.generatorPass().updates());
    var phases = List.of(
        new Phase("d", 1, true, dStep, Map.of("loss", dLoss,
            "real_score", GanLosses.mean(tf, realScores), "fake_score", GanLosses.mean(tf, fakeScores))),
        new Phase("g", 1, false, gStep, Map.of("loss", gLoss)));
    return new GanGraph(in, nets.samples(in), phases, nets.networks());
  }
}
