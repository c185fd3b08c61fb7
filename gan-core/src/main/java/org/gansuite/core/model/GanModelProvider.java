package org.gansuite.core.model;

import java.io.IOException;
import java.util.Optional;
import org.tensorflow.op.Ops;

/**
 * The service a GAN registers through {@code META-INF/services/org.gansuite.core.model.GanModelProvider}.
 * A model supplies its networks and losses; the generic trainer does the rest. Names are unique and
 * match {@code [a-z][a-z0-9-]*} (validated by {@link ModelRegistry}).
 *
 * <p>A graph is built in two stages: {@link #prepare} runs the model's work before adversarial
 * training and returns its typed products, and {@link #build} builds the graph from a
 * {@link BuildContext} holding the spec and those products. A model without such work implements
 * {@link SimpleGanModelProvider}. Callers that hold a provider of unknown products go through
 * {@link PreparedModel}.
 *
 * @param <P> the type of the products of preparation
 */
public interface GanModelProvider<P> {

  /** Unique registry name, e.g. {@code dcgan}. */
  String name();

  /** The label a comparison table prints for the model, e.g. {@code WGAN-GP}; by default {@link #name()}. */
  default String displayName() {
    return name();
  }

  /** The row key of the paper's Tables 5/6 for this model, where the paper has one. */
  default Optional<String> paperRow() {
    return Optional.empty();
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
   * Work before adversarial training, run by the trainer on every (re)start: e.g. pre-training an
   * auto-encoder under {@code ctx.runDir()} and caching per-image features. It must be idempotent
   * (reuse finished products).
   */
  Preparation<P> prepare(ModelSpec spec, PrepareContext ctx) throws IOException;

  /**
   * Products with which the graph builds for inspection only (parameter counts, FLOPs), without
   * running {@link #prepare}; a graph built from them need not train. For a model without a
   * preparation stage these are its real (empty) products.
   */
  Preparation<P> structureOnly(ModelSpec spec);

  /**
   * Builds the model's graph. {@code tf} is the graph's root ops, device placement included; every
   * variable must live under a {@link org.gansuite.core.graph.Network}'s scope.
   */
  GanGraph build(Ops tf, BuildContext<P> ctx);
}
