package org.gansuite.core.model;

import java.util.Objects;

/**
 * Everything a model's graph is built from: its spec and the typed products of its preparation.
 * A context for a model with a preparation stage exists only as the result of that stage
 * ({@link GanModelProvider#prepare} or, for inspection only, {@link GanModelProvider#structureOnly}).
 *
 * @param <P> the products' type
 */
public record BuildContext<P>(ModelSpec spec, Preparation<P> preparation) {

  public BuildContext {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(preparation, "preparation");
  }

  /** The context of a model without a preparation stage. */
  public static BuildContext<NoPreparation> of(ModelSpec spec) {
    return new BuildContext<>(spec, Preparation.none());
  }

  /** The products of the preparation. */
  public P products() {
    return preparation.products();
  }
}
