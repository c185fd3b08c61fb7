package org.gansuite.baselines.sagan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.OptimizerSpec;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.graph.Updates;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanInputs;
import org.gansuite.core.model.GanLosses;
import org.gansuite.core.model.GradientPenalty;
import org.gansuite.core.model.HyperParameters;
import org.gansuite.core.model.NoPreparation;
import org.gansuite.core.model.Phase;
import org.gansuite.core.model.SimpleGanModelProvider;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SAGAN (Zhang, Goodfellow, Metaxas and Odena, "Self-attention generative adversarial networks",
 * ICML 2019): spectral normalisation in both networks (Miyato et al., "Spectral normalization for
 * generative adversarial networks", ICLR 2018; one power iteration per training step, persistent
 * u), self-attention ({@link SaganGenerator}, {@link SaganDiscriminator}), and the two-time-scale
 * update rule: Adam with {@code lr_g} 1e-4 for G and {@code lr_d} 4e-4 for D, betas 0 and 0.9, one
 * D step ({@code d_steps}) per G step. Registered once per loss ({@link SaganLoss}). Hyper-parameters
 * also: {@code beta1}, {@code beta2}, {@code gf}, {@code df}, and {@code lambda_gp} (10) for the
 * penalised loss. The gradient penalty is per sample: SAGAN's discriminator mixes no samples (spectral
 * norm and self-attention act within an image, it has no batch norm), so it serves as the critic
 * unchanged; the penalty's application reuses the training pass's normalised weights, so one
 * power iteration per step as for the other losses.
 */
public abstract class SaganProvider implements SimpleGanModelProvider {

  private final SaganLoss loss;

  protected SaganProvider(SaganLoss loss) {
    this.loss = loss;
  }

  @Override
  public int defaultEpochs() {
    return 30;
  }

  @Override
  public HyperParameters defaults() {
    var values = new HashMap<String, Object>(Map.of("lr_g", 1e-4, "lr_d", 4e-4, "beta1", 0.0, "beta2", 0.9,
        "d_steps", 1, "gf", 64, "df", 64));
    if (loss.penalised()) {
      values.put("lambda_gp", 10.0);
    }
    return HyperParameters.of(values);
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<NoPreparation> ctx) {
    var spec = ctx.spec();
    var hp = spec.hyper();
    var in = GanInputs.create(tf, spec);
    var gNet = new Network(tf, "generator", spec.seed(), Init.GLOROT_UNIFORM);
    var dNet = new Network(tf, "discriminator", spec.seed(), Init.GLOROT_UNIFORM);
    var generator = new SaganGenerator(gNet, spec.shape(), spec.zDim(), hp.getInt("gf"));
    var discriminator = new SaganDiscriminator(dNet, spec.shape(), hp.getInt("df"));
    Pass gPass = Pass.training();
    Pass dPass = Pass.training();
    var fake = generator.apply(in.z(), gPass);
    var realOut = discriminator.apply(in.real(), dPass);
    var fakeOut = discriminator.apply(fake, dPass);
    Operand<TFloat32> dLoss = loss.discriminator(tf, realOut, fakeOut);
    var gLoss = loss.generator(tf, fakeOut);
    var dScalars = new LinkedHashMap<String, Operand<TFloat32>>();
    if (loss.penalised()) {
      var penalty = GradientPenalty.atInterpolates(tf, x -> discriminator.apply(x, dPass), in.real(), fake, in.seed());
      dLoss = tf.math.add(dLoss, tf.math.mul(tf.constant(hp.getFloat("lambda_gp")), penalty));
      dScalars.put("gradient_penalty", penalty);
    }
    dScalars.put("loss", dLoss);
    dScalars.put("real_out", GanLosses.mean(tf, realOut));
    dScalars.put("fake_out", GanLosses.mean(tf, fakeOut));
    double b1 = hp.getDouble("beta1");
    double b2 = hp.getDouble("beta2");
    // The training pass's spectral-norm updates (u <- one power iteration) go with each network's step.
    var dStep = Updates.minimize(tf, OptimizerSpec.adam(hp.getDouble("lr_d"), b1, b2), "d_adam", dLoss, dNet,
        dPass.updates());
    var gStep = Updates.minimize(tf, OptimizerSpec.adam(hp.getDouble("lr_g"), b1, b2), "g_adam", gLoss, gNet,
        gPass.updates());
    var phases = List.of(
        new Phase("d", hp.getInt("d_steps"), true, dStep, dScalars),
        new Phase("g", 1, false, gStep, Map.of("loss", gLoss)));
    return new GanGraph(in, generator.apply(in.z(), Pass.inference()), phases, List.of(gNet, dNet));
  }
}
