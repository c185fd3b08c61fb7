package org.gansuite.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a model's preparation stage produced for its graph, typed (e.g. the cached auto-encoder
 * features of the proposed model), the identity of those products (e.g. the auto-encoder
 * checkpoint and feature-cache hashes), which joins the run's configuration: a resume under other
 * products is refused, and what making them cost, which the trainer subtracts from a FLOP budget
 * and reports apart (not part of the identity: its seconds vary from machine to machine).
 *
 * @param <P> the type of the products, {@link NoPreparation} for a model without a preparation stage
 */
public record Preparation<P>(SortedMap<String, String> identity, P products, PreparationCost cost) {

  public Preparation {
    identity = new TreeMap<>(identity);
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(cost, "cost");
  }

  /** Products that cost nothing worth counting. */
  public static <P> Preparation<P> of(Map<String, String> identity, P products) {
    return of(identity, products, PreparationCost.NONE);
  }

  public static <P> Preparation<P> of(Map<String, String> identity, P products, PreparationCost cost) {
    return new Preparation<>(new TreeMap<>(identity), products, cost);
  }

  /** The preparation of a model without one: no products, no identity, no cost. */
  public static Preparation<NoPreparation> none() {
    return of(Map.of(), NoPreparation.NOTHING);
  }

  @Override
  public SortedMap<String, String> identity() {
    return new TreeMap<>(identity);
  }
}
