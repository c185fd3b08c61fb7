package org.gansuite.models.decoding;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.HyperParameters;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Preparation;
import org.gansuite.core.model.PrepareContext;
import org.tensorflow.op.Ops;

/**
 * The paper's own model: GANs based on a sample-feature decoding constraint (Acta Automatica
 * Sinica, doi 10.16383/j.aas.c190496), registered as {@code proposed}. Objective JS + lambda * KL
 * (the decoding loss), 15 epochs as in Tables 5/6. Hyper-parameters: see {@link DecodingConfig}
 * and {@link AutoEncoderConfig}; gan-models/README.md documents every choice the paper leaves open.
 */
public final class ProposedGanProvider implements GanModelProvider<Optional<DecodingInputs>> {

  @Override
  public String name() {
    return "proposed";
  }

  @Override
  public String displayName() {
    return "proposed";
  }

  @Override
  public Optional<String> paperRow() {
    return Optional.of("proposed");
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

  /** Pre-trains the auto-encoder and caches its features (or draws random ones); nothing for lambda 0. */
  @Override
  public Preparation<Optional<DecodingInputs>> prepare(ModelSpec spec, PrepareContext ctx) throws IOException {
    return DecodingPreparation.prepare(spec, ctx);
  }

  /** No decoding inputs: the graph has the decoding step's variables but cannot run it. */
  @Override
  public Preparation<Optional<DecodingInputs>> structureOnly(ModelSpec spec) {
    return Preparation.of(Map.of(), Optional.empty());
  }

  @Override
  public GanGraph build(Ops tf, BuildContext<Optional<DecodingInputs>> ctx) {
    var spec = ctx.spec();
    return ProposedGraph.build(tf, spec, DecodingConfig.of(spec.hyper()), ctx.products()).graph();
  }
}
