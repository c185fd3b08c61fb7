package org.gansuite.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a model's preparation stage produced for its graph, typed (e.g. the cached auto-encoder
 * features of the proposed model), and the identity of those products (e.g. the auto-encoder
 * checkpoint and feature-cache hashes), which joins the run's configuration: a resume under other
 * products is refused.
 *
 * @param <P> the type of the products, {@link NoPreparation} for a model without a preparation stage
 */
public record Preparation<P>(SortedMap<String, String> identity, P products) {

  public Preparation {
    identity = new TreeMap<>(identity);
    Objects.requireNonNull(products, "products");
  }

  public static <P> Preparation<P> of(Map<String, String> identity, P products) {
    return new Preparation<>(new TreeMap<>(identity), products);
  }

  /** The preparation of a model without one: no products, no identity. */
  public static Preparation<NoPreparation> none() {
    return new Preparation<>(new TreeMap<>(), NoPreparation.NOTHING);
  }

  @Override
  public SortedMap<String, String> identity() {
    return new TreeMap<>(identity);
  }
}
