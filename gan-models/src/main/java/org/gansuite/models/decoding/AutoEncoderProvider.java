package org.gansuite.models.decoding;

import java.util.List;
import java.util.Map;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.graph.Updates;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanInputs;
import org.gansuite.core.model.HyperParameters;
import org.gansuite.core.model.NoPreparation;
import org.gansuite.core.model.Phase;
import org.gansuite.core.model.SimpleGanModelProvider;
import org.tensorflow.op.Ops;

/**
 * Pre-training of the decoding-constrained GAN's U-Net auto-encoder (doi
 * 10.16383/j.aas.c190496) as a one-phase "model" for gan-core's trainer, which brings epochs,
 * checkpoints, resume, logs and progress. One step: Adam on the mean squared reconstruction error
 * over the generator, the encoder trunk and the projection. The trainer's z is used only by the
 * sample grids (the decoder fed with z, without skips). Deliberately not registered as a service:
 * it is not a GAN.
 */
public final class AutoEncoderProvider implements SimpleGanModelProvider {

  public static final String NAME = "proposed-ae";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "U-Net auto-encoder pre-training of the decoding-constrained GAN (doi 10.16383/j.aas.c190496)";
  }

  @Override
  public String objective() {
    return "MSE";
  }

  @Override
  public int defaultEpochs() {
    return DecodingConfig.defaults().getInt("ae_epochs");
  }

  @Override
  public HyperParameters defaults() {
    return AutoEncoderConfig.of(DecodingConfig.defaults()).runHyperParameters();
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<NoPreparation> ctx) {
    var spec = ctx.spec();
    var ae = AutoEncoderConfig.ofRun(spec.hyper());
    var in = GanInputs.create(tf, spec);
    var nets = ProposedNetworks.forAutoEncoder(tf, spec, ae);
    Pass pass = Pass.training();
    var reconstruction = nets.autoEncoder().reconstruct(in.real(), pass);
    var mse = DecodingLoss.L2.apply(tf, reconstruction, in.real());
    var step = Updates.minimize(tf, ae.optimizer(), "ae_adam", mse, nets.all(), pass.updates());
    // PSNR of the batch in dB: images span 2 in [-1, 1] as 255 does in 8 bits.
    var psnr = tf.math.mul(tf.constant((float) (10 / Math.log(10))),
        tf.math.log(tf.math.div(tf.constant(4f), mse)));
    var samples = nets.generator().apply(in.z(), Pass.inference());
    return new GanGraph(in, samples, List.of(new Phase("ae", 1, true, step, Map.of("mse", mse, "psnr", psnr))),
        nets.all());
  }
}
