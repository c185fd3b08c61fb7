package org.gansuite.core.testing;

import java.util.List;
import java.util.Map;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
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
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A tiny dense GAN for tests of the trainer and the SPI: G is z -> 32 (ReLU) -> pixels (tanh), D
 * is pixels -> 32 (leaky ReLU) -> 1, non-saturating losses, Adam. {@code d_steps} discriminator
 * steps precede each generator step. {@code nan_at} (an iteration, 1-based; 0 = never) makes the
 * losses NaN from that iteration on, to test divergence handling.
 */
public class TinyGan implements SimpleGanModelProvider {

  @Override
  public String name() {
    return "tiny-gan";
  }

  @Override
  public String description() {
    return "Tiny dense GAN used by gansuite's tests";
  }

  @Override
  public String objective() {
    return "JS";
  }

  @Override
  public int defaultEpochs() {
    return 1;
  }

  @Override
  public HyperParameters defaults() {
    return HyperParameters.of(Map.of("lr", 1e-3, "d_steps", 1, "nan_at", 0));
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<NoPreparation> ctx) {
    var spec = ctx.spec();
    var hp = spec.hyper();
    var in = GanInputs.create(tf, spec);
    int pixels = spec.shape().pixels();
    var gNet = new Network(tf, "generator", spec.seed(), Init.GLOROT_UNIFORM);
    var dNet = new Network(tf, "discriminator", spec.seed(), Init.GLOROT_UNIFORM);
    var g1 = new Dense(gNet, spec.zDim(), 32);
    var g2 = new Dense(gNet, 32, pixels);
    var d1 = new Dense(dNet, pixels, 32);
    var d2 = new Dense(dNet, 32, 1);
    var s = spec.shape();
    java.util.function.BiFunction<Operand<TFloat32>, Pass, Operand<TFloat32>> gen = (z, p) -> Act.toImage(
        gNet.tf(), Act.tanh(gNet.tf(), g2.apply(Act.relu(gNet.tf(), g1.apply(z, p)), p)), s.height(), s.width(), s.channels());
    java.util.function.BiFunction<Operand<TFloat32>, Pass, Operand<TFloat32>> dis = (x, p) ->
        d2.apply(Act.leakyRelu(dNet.tf(), d1.apply(Act.flatten(dNet.tf(), x), p), 0.2f), p);

    Pass gp = Pass.training();
    Pass dp = Pass.training();
    var fake = gen.apply(in.z(), gp);
    var realLogits = dis.apply(in.real(), dp);
    var fakeLogits = dis.apply(fake, dp);
    var poison = poison(tf, in, hp.getInt("nan_at"));
    var dLoss = tf.math.mul(GanLosses.minimaxDiscriminator(tf, realLogits, fakeLogits), poison);
    var gLoss = tf.math.mul(GanLosses.nonSaturatingGenerator(tf, fakeLogits), poison);
    var opt = OptimizerSpec.adam(hp.getDouble("lr"), 0.5, 0.999);
    var dStep = Updates.minimize(tf, opt, "d_adam", dLoss, dNet, dp.updates());
    var gStep = Updates.minimize(tf, opt, "g_adam", gLoss, gNet, gp.updates());
    return new GanGraph(in, gen.apply(in.z(), Pass.inference()),
        List.of(new Phase("d", hp.getInt("d_steps"), true, dStep, Map.of("loss", dLoss)),
            new Phase("g", 1, false, gStep, Map.of("loss", gLoss))),
        List.of(gNet, dNet));
  }

  /** 1, or NaN once the fed iteration (seed word 2 / 1024, 0-based) reaches nan_at - 1. */
  private static Operand<TFloat32> poison(Ops tf, GanInputs in, int nanAt) {
    if (nanAt <= 0) {
      return tf.constant(1f);
    }
    var iteration = tf.math.floorDiv(tf.gather(in.seed(), tf.constant(1), tf.constant(0)), tf.constant(1024L));
    var bad = tf.math.greaterEqual(iteration, tf.constant((long) nanAt - 1));
    return tf.select(bad, tf.constant(Float.NaN), tf.constant(1f));
  }
}
