package org.gansuite.models.decoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.graph.Updates;
import org.gansuite.core.model.BatchFeeds;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanInputs;
import org.gansuite.core.model.GanLosses;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Phase;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The training graph of the decoding-constrained GAN (doi 10.16383/j.aas.c190496). One iteration
 * draws one real batch x and runs, in order: the decoding step, Adam on lambda * loss(G(f(x)), x)
 * over the generator alone, G fed f(x) only (no skips); the DCGAN discriminator step (JS); and
 * the non-saturating generator step(s) on z ~ U[-1, 1]. {@link DecodingStep} chooses whether the
 * decoding step shares the generator's Adam state (default), has its own, or joins the generator
 * step's loss; {@link BnStatistics} which passes move G's batch-norm averages. With lambda = 0 it
 * is DCGAN: no decoding step and no auto-encoder.
 */
public final class ProposedGraph {

  private ProposedGraph() {}

  /** Handles the tests use: the graph and the decoding step's feature input and loss. */
  public record Built(GanGraph graph, ProposedNetworks networks, Optional<Placeholder<TFloat32>> features,
      Optional<Operand<TFloat32>> decodingLoss) {}

  public static Built build(Ops tf, ModelSpec spec, DecodingConfig dc, Optional<DecodingInputs> inputs) {
    var in = GanInputs.create(tf, spec);
    var nets = ProposedNetworks.forGan(tf, spec, dc.ae(), dc.usesAutoEncoder());
    var opt = dc.optimizer();
    Pass gPass = Pass.training();
    Pass dPass = Pass.training();
    var fake = nets.generator().apply(in.z(), gPass);
    var realLogits = nets.discriminator().logits(in.real(), dPass);
    var fakeLogits = nets.discriminator().logits(fake, dPass);
    var dLoss = GanLosses.minimaxDiscriminator(tf, realLogits, fakeLogits);
    var advLoss = GanLosses.nonSaturatingGenerator(tf, fakeLogits);
    var dStep = Updates.minimize(tf, opt, "d_adam", dLoss, nets.discriminatorNet(), dPass.updates());
    var gOpt = new Updates.Optimizer(tf, opt, "g_adam", List.of(nets.generatorNet()));
    List<Op> gUpdates = new ArrayList<>(gPass.updates());
    Operand<TFloat32> gLoss = advLoss;
    List<Phase> phases = new ArrayList<>();
    Placeholder<TFloat32> f = null;
    Operand<TFloat32> decLoss = null;
    if (dc.decodes()) {
      f = tf.withName("features").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.zDim())));
      Pass decPass = Pass.training();
      var decoded = nets.generator().apply(f, decPass);
      decLoss = tf.math.mul(tf.constant((float) dc.lambda()), dc.loss().apply(tf, decoded, in.real()));
      List<Op> decUpdates = dc.bnStatistics() == BnStatistics.BOTH ? decPass.updates() : List.of();
      switch (dc.step()) {
        case SHARED_ADAM -> phases.add(new Phase("dec", 1, true, gOpt.step(decLoss, decUpdates), Map.of("loss", decLoss)));
        case OWN_ADAM -> phases.add(new Phase("dec", 1, true,
            Updates.minimize(tf, opt, "dec_adam", decLoss, nets.generatorNet(), decUpdates), Map.of("loss", decLoss)));
        case JOINT -> {
          gLoss = tf.math.add(advLoss, decLoss);
          gUpdates.addAll(decUpdates);
        }
      }
    }
    var gStep = gOpt.step(gLoss, gUpdates);
    // The first phase draws the iteration's batch; the others reuse it.
    phases.add(new Phase("d", 1, phases.isEmpty(), dStep, Map.of("loss", dLoss)));
    Map<String, Operand<TFloat32>> gScalars = dc.decodes() && dc.step() == DecodingStep.JOINT
        ? Map.of("loss", gLoss, "adv_loss", advLoss, "dec_loss", decLoss) : Map.of("loss", gLoss);
    phases.add(new Phase("g", dc.gSteps(), false, gStep, gScalars));
    if (inputs.isPresent() && !inputs.get().warmStart().isEmpty()) {
      WarmStart.apply(tf, nets.all(), inputs.get().warmStart());
    }
    Optional<BatchFeeds> feeds = Optional.empty();
    if (f != null) {
      // Without prepared features the graph still builds (for parameter counts); training it fails clearly.
      feeds = Optional.of(inputs.isPresent() ? featureFeeds(f, inputs.get().features()) : indices -> {
        throw new IllegalStateException("the decoding step needs prepared features: run prepare() first");
      });
    }
    var samples = nets.generator().apply(in.z(), Pass.inference());
    var graph = new GanGraph(in, samples, phases, nets.all(), feeds);
    return new Built(graph, nets, Optional.ofNullable(f), Optional.ofNullable(decLoss));
  }

  /** Feeds each batch's cached features, looked up by the batch's data set indices. */
  static BatchFeeds featureFeeds(Placeholder<TFloat32> input, Features features) {
    return indices -> Map.<Operand<?>, Tensor>of(input, TFloat32.tensorOf(Shape.of(indices.length, features.dim()),
        DataBuffers.of(features.rows(indices), true, false)));
  }
}
