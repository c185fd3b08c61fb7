package org.gansuite.core.model;

import java.io.IOException;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tensorflow.op.Ops;

/**
 * A model together with the products of its preparation, for callers that hold a provider of
 * unknown product type (the trainer, the sampler, benchmarks, the command line): the only way
 * they can build its graph.
 */
public final class PreparedModel {

  private final Builder builder;
  private final SortedMap<String, String> identity;
  private final PreparationCost cost;
  private final ModelSpec spec;

  private interface Builder {
    GanGraph build(Ops tf);
  }

  private PreparedModel(ModelSpec spec, Builder builder, SortedMap<String, String> identity, PreparationCost cost) {
    this.spec = spec;
    this.builder = builder;
    this.identity = identity;
    this.cost = cost;
  }

  /** Runs the model's (idempotent) preparation. */
  public static PreparedModel prepare(GanModelProvider<?> provider, ModelSpec spec, PrepareContext ctx)
      throws IOException {
    return bindPrepared(provider, spec, ctx);
  }

  private static <P> PreparedModel bindPrepared(GanModelProvider<P> provider, ModelSpec spec, PrepareContext ctx)
      throws IOException {
    return typed(provider, spec, provider.prepare(spec, ctx));
  }

  /** Binds the products of {@link GanModelProvider#structureOnly}: a graph to inspect, not to train. */
  public static PreparedModel structureOnly(GanModelProvider<?> provider, ModelSpec spec) {
    return bindStructure(provider, spec);
  }

  private static <P> PreparedModel bindStructure(GanModelProvider<P> provider, ModelSpec spec) {
    return typed(provider, spec, provider.structureOnly(spec));
  }

  private static <P> PreparedModel typed(GanModelProvider<P> provider, ModelSpec spec, Preparation<P> preparation) {
    Objects.requireNonNull(preparation, () -> provider.name() + " prepared nothing");
    var ctx = new BuildContext<>(spec, preparation);
    return new PreparedModel(spec, tf -> provider.build(tf, ctx), preparation.identity(), preparation.cost());
  }

  public ModelSpec spec() {
    return spec;
  }

  /** The identity of the products (joins the run's configuration). */
  public SortedMap<String, String> identity() {
    return new TreeMap<>(identity);
  }

  /** What the preparation cost ({@link PreparationCost#NONE} for a model without one). */
  public PreparationCost cost() {
    return cost;
  }

  /** Builds the model's graph with {@code tf} (the graph's root ops, device placement included). */
  public GanGraph build(Ops tf) {
    return builder.build(tf);
  }
}
