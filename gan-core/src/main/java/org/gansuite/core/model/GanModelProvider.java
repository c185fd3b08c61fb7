package org.gansuite.core.model;

import java.io.IOException;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.train.TrainConfig;
import org.tensorflow.op.Ops;

/**
 * The service a GAN registers through {@code META-INF/services/org.gansuite.core.model.GanModelProvider}.
 * A model supplies its networks and losses; the generic trainer does the rest. Names are unique and
 * match {@code [a-z][a-z0-9-]*} (validated by {@link ModelRegistry}).
 */
public interface GanModelProvider {

  /** Unique registry name, e.g. {@code dcgan}. */
  String name();

  /** The label a comparison table prints for this model; by default its name. */
  default String displayName() {
    return name();
  }

  /** The row key of the paper's Tables 5/6 where the model has one (e.g. {@code DCGAN}). */
  default java.util.Optional<String> paperRow() {
    return java.util.Optional.empty();
  }

  /** One line: what it is, with the paper it follows. */
  String description();

  /** The objective as the comparison tables name it, e.g. {@code JS}, {@code Wasserstein}. */
  String objective();

  /** Training epochs of the paper's Tables 5/6. */
  int defaultEpochs();

  /** Hyper-parameters with their defaults. */
  HyperParameters defaults();

  /**
   * Builds the model's graph. {@code tf} is the graph's root ops, device placement included; every
   * variable must live under a {@link org.gansuite.core.graph.Network}'s scope.
   */
  GanGraph build(Ops tf, ModelSpec spec);

  /**
   * Work before adversarial training, run by the trainer on every (re)start: e.g. pre-training an
   * auto-encoder under {@code cfg.runDir()} and caching per-image features. It must be idempotent
   * (reuse finished products). Most models need none.
   */
  default Prepared prepare(ModelSpec spec, ImageDataset data, TrainConfig cfg) throws IOException {
    return Prepared.NONE;
  }

  /** Builds the graph with the products of {@link #prepare}; by default ignores them. */
  default GanGraph build(Ops tf, ModelSpec spec, Prepared prepared) {
    return build(tf, spec);
  }
}
