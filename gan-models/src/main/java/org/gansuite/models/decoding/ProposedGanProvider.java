package org.gansuite.models.decoding;

import java.io.IOException;
import java.util.Optional;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.HyperParameters;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Prepared;
import org.gansuite.core.train.TrainConfig;
import org.tensorflow.op.Ops;

/**
 * The paper's own model: GANs based on a sample-feature decoding constraint (Acta Automatica
 * Sinica, doi 10.16383/j.aas.c190496), registered as {@code proposed}. Objective JS + lambda * KL
 * (the decoding loss), 15 epochs as in Tables 5/6. Hyper-parameters: see {@link DecodingConfig}
 * and {@link AutoEncoderConfig}; gan-models/README.md documents every choice the paper leaves open.
 */
public final class ProposedGanProvider implements GanModelProvider {

  @Override
  public String name() {
    return "proposed";
  }

  @Override
  public String description() {
    return "Decoding-constrained GAN: U-Net AE features, decoding step before each DCGAN step"
        + " (Acta Automatica Sinica, doi 10.16383/j.aas.c190496)";
  }

  @Override
  public String objective() {
    return "JS + λ·KL";
  }

  @Override
  public int defaultEpochs() {
    return 15;
  }

  @Override
  public HyperParameters defaults() {
    return DecodingConfig.defaults();
  }

  @Override
  public Prepared prepare(ModelSpec spec, ImageDataset data, TrainConfig cfg) throws IOException {
    return DecodingPreparation.prepare(spec, data, cfg);
  }

  /** Only the DCGAN-equivalent configuration (lambda 0) builds without preparation. */
  @Override
  public GanGraph build(Ops tf, ModelSpec spec) {
    return build(tf, spec, Prepared.NONE);
  }

  @Override
  public GanGraph build(Ops tf, ModelSpec spec, Prepared prepared) {
    var dc = DecodingConfig.of(spec.hyper());
    Optional<DecodingInputs> inputs = dc.decodes() && prepared.payload() != null
        ? Optional.of(prepared.payload(DecodingInputs.class)) : Optional.empty();
    return ProposedGraph.build(tf, spec, dc, inputs).graph();
  }
}
