package org.gansuite.baselines.began;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * BEGAN (Berthelot, Schumm and Metz, "BEGAN: Boundary equilibrium generative adversarial
 * networks", 2017): the discriminator is an auto-encoder ({@link BeganEncoder} to an embedding of
 * {@code h} (64) dims, then {@link BeganDecoder}; {@code n} (64) filters, ELU, nearest-neighbour
 * upsampling), L(v) = mean |v - D(v)| (L1), D minimises L(x) - k_t L(G(z)), G minimises L(G(z)),
 * and k_t follows the equilibrium control of {@link BeganBalance} with {@code gamma} 0.5 and
 * {@code lambda_k} 0.001; k_t and M_global are logged with the discriminator phase. Adam with
 * {@code lr} 1e-4 (the paper's), betas {@code beta1} 0.9 and {@code beta2} 0.999, both networks.
 *
 * <p>Compared with the paper and its reference implementation (carpedm20/BEGAN-tensorflow,
 * models.py and trainer.py): the networks are the reference's layer for layer (3x3 convolutions,
 * ELU after every convolution but the output, stride-2 convolutions to sub-sample, linear
 * embedding and projection, nearest-neighbour upsampling, a linear output with no tanh: samples
 * are clipped to the pixel range only when read out), Glorot-uniform kernels and zero biases (slim's
 * defaults), z uniform in [-1, 1], L1 on images in [-1, 1], k_0 = 0. What differs, and why:
 * <ul>
 *   <li>Adam's betas: the reference's {@code --beta1 0.5 --beta2 0.999} flags are parsed but never
 *       passed to {@code tf.train.AdamOptimizer}, which therefore runs with TensorFlow's 0.9 and
 *       0.999; the paper names none that we could find. We follow what the reference ran ({@code beta1=0.5} gives the
 *       suite's earlier reading; measured in the module README, 0.9 scored the lower FID at every
 *       evaluation up to 300 iterations).
 *   <li>Learning-rate decay: the reference halves the rate every 100,000 steps (its rule on a
 *       stalled M_global is commented out), so at the budgets the suite runs it never applies; the
 *       trainer has no schedules, and none is reproduced.
 *   <li>z: the suite's 100 dims (the paper's N_z = h = 64), which makes G's first layer larger;
 *       batch 64 (the protocol's, for every model; the reference's is 16); n = h = 64 (the paper's;
 *       the reference's n is 128).
 *   <li>Updates: {@code update} {@code alternating} (default) steps D on z_D, updates k_t from that
 *       step's L(x) and L(G(z_D)) (computed before the update, as the reference does), then steps G on
 *       z_G: the paper's eq. 4 names two samples, and the suite's other models step this way;
 *       {@code joint} is the reference's: both networks' gradients from one forward pass on one z,
 *       applied together ({@link Updates#minimizeTogether}), then k_t, one phase {@code dg} per
 *       iteration.
 * </ul>
 *
 * <p>Early training (measured on Fashion-MNIST 32x32, issue 10; see the module README for the
 * curves): G's linear output starts at 0 +- 0.06, a flat grey image that the untrained auto-encoder
 * reconstructs far better than real images (L(G(z)) 0.08 against L(x) 0.3), the "easy to
 * reconstruct" start the paper describes; G stays there until k_t (0.01 after about 150 steps at
 * lambda_k 0.001) lets D push it away, overshoots, k_t is clipped back to 0, and with D ignoring
 * the fakes G settles on the image the auto-encoder reconstructs best, a black one on Fashion-MNIST,
 * which gamma 0.5 accepts; it leaves it only as k_t integrates again (no garments within 900
 * iterations at lambda_k 0.001; {@code gamma=1 lambda_k=0.01} leaves it by iteration 500).
 * The grey start scores a low classifier FID (59.7 with 512 samples, where DCGAN's untrained
 * noise scores 103), so BEGAN's FID first rises from its start: judge it against other models at
 * the same budget, not against its own start. {@code skip} (default false, as the reference code)
 * turns on the paper's optional skip connections in both decoders (section 3.5.2, see {@link
 * BeganDecoder}); {@code output} {@code linear} (default, the reference's) or {@code tanh} (on both
 * decoders, as some re-implementations do; it scored worse at the quick budget, see the module README);
 * {@code eta} 1 (default: the paper's experiments and the reference) or 2, the exponent of the
 * reconstruction loss L(v) = |v - D(v)|^eta that the paper's eq. 1 allows. The paper reports 4.47M (64x64) and 3.67M (32x32) parameters for its
 * configuration; ours are 4,722,502 and 2,947,974 (see tests).
 */
public final class BeganProvider implements SimpleGanModelProvider {

  @Override
  public String name() {
    return "began";
  }

  @Override
  public String displayName() {
    return "BEGAN";
  }

  @Override
  public Optional<String> paperRow() {
    return Optional.of(displayName());
  }

  @Override
  public String description() {
    return "BEGAN, auto-encoder discriminator, L1 loss, k_t equilibrium control (Berthelot et al. 2017)";
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
    return HyperParameters.of(Map.ofEntries(Map.entry("n", 64), Map.entry("h", 64), Map.entry("gamma", 0.5),
        Map.entry("lambda_k", 0.001), Map.entry("lr", 1e-4), Map.entry("beta1", 0.9), Map.entry("beta2", 0.999),
        Map.entry("skip", false), Map.entry("output", "linear"), Map.entry("eta", 1),
        Map.entry("update", "alternating")));
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<NoPreparation> ctx) {
    var spec = ctx.spec();
    var hp = spec.hyper();
    var in = GanInputs.create(tf, spec);
    var gNet = new Network(tf, "generator", spec.seed(), Init.GLOROT_UNIFORM);
    var dNet = new Network(tf, "discriminator", spec.seed(), Init.GLOROT_UNIFORM);
    int n = hp.getInt("n");
    boolean skip = hp.getBoolean("skip");
    boolean tanh = hp.getEnum("output", Output.class) == Output.TANH;
    var generator = new BeganDecoder(gNet, spec.shape(), spec.zDim(), n, skip, tanh);
    var encoder = new BeganEncoder(dNet, spec.shape(), n, hp.getInt("h"));
    var decoder = new BeganDecoder(dNet, spec.shape(), hp.getInt("h"), n, skip, tanh);
    var balance = new BeganBalance(dNet, hp.getFloat("gamma"), hp.getFloat("lambda_k"));
    // No layer keeps state besides k_t: one pass per network serves training and sampling.
    Pass pass = Pass.training();
    var fake = generator.apply(in.z(), pass);
    int eta = eta(hp.getInt("eta"));
    var lossReal = reconstruction(tf, eta, in.real(), decoder.apply(encoder.apply(in.real(), pass), pass));
    var lossFake = reconstruction(tf, eta, fake, decoder.apply(encoder.apply(fake, pass), pass));
    var dLoss = balance.discriminatorLoss(tf, lossReal, lossFake);
    var adam = OptimizerSpec.adam(hp.getDouble("lr"), hp.getDouble("beta1"), hp.getDouble("beta2"));
    var dAdam = new Updates.Optimizer(tf, adam, "d_adam", List.of(dNet));
    var gAdam = new Updates.Optimizer(tf, adam, "g_adam", List.of(gNet));
    // D's scalars (with the joint step: both networks'); its loss is named per phase below.
    var scalars = new HashMap<>(Map.of("loss_real", lossReal, "loss_fake", lossFake, "k_t", balance.k(),
        "m_global", balance.convergence(tf, lossReal, lossFake)));
    List<Phase> phases;
    if (hp.getEnum("update", Update.class) == Update.JOINT) {
      var step = Updates.minimizeTogether(tf, List.of(dAdam, gAdam), List.of(dLoss, lossFake), List.of());
      scalars.put("d_loss", dLoss);
      // G's loss is L(G(z)), logged as loss_fake too: a copy, as one run cannot fetch an output twice.
      scalars.put("g_loss", tf.identity(lossFake));
      phases = List.of(new Phase("dg", 1, true, balance.updateAfter(tf, step, lossReal, lossFake), scalars));
    } else {
      scalars.put("loss", dLoss);
      phases = List.of(new Phase("d", 1, true, balance.updateAfter(tf, dAdam.step(dLoss, List.of()), lossReal, lossFake),
          scalars), new Phase("g", 1, false, gAdam.step(lossFake, List.of()), Map.of("loss", lossFake)));
    }
    // The decoder's output is linear: samples are clipped to the pixel range the metrics read.
    var samples = tf.clipByValue(fake, tf.constant(-1f), tf.constant(1f));
    return new GanGraph(in, samples, phases, List.of(gNet, dNet));
  }

  /** The decoders' output: the reference's linear one, or bounded by a tanh. */
  enum Output { LINEAR, TANH }

  /**
   * How the networks step: D's step on z_D, then G's on z_G (the paper's eq. 4 names two samples),
   * or one joint step from one forward pass on one z (the reference code's).
   */
  enum Update { ALTERNATING, JOINT }

  /**
   * L(v) = mean |v - D(v)|^eta over all pixels and the batch: the paper's eq. 1 allows eta 1 or 2;
   * its experiments (and the reference code) use 1.
   */
  static Operand<TFloat32> reconstruction(Ops tf, int eta, Operand<TFloat32> v, Operand<TFloat32> reconstruction) {
    var error = tf.math.sub(v, reconstruction);
    return GanLosses.mean(tf, eta == 1 ? tf.math.abs(error) : tf.math.square(error));
  }

  private static int eta(int eta) {
    if (eta != 1 && eta != 2) {
      throw new IllegalArgumentException("began: eta must be 1 or 2 (the paper's L1 or L2 reconstruction loss), got " + eta);
    }
    return eta;
  }
}
