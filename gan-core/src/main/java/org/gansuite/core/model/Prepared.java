package org.gansuite.core.model;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a model's preparation stage produced for its graph (e.g. the cached auto-encoder features
 * of the proposed model) and the identity of those products (e.g. the auto-encoder checkpoint and
 * feature-cache hashes), which joins the run's configuration: a resume under other products is
 * refused.
 */
public record Prepared(SortedMap<String, String> identity, Object payload) {

  public static final Prepared NONE = new Prepared(new TreeMap<>(), null);

  public Prepared {
    identity = new TreeMap<>(identity);
  }

  public static Prepared of(Map<String, String> identity, Object payload) {
    return new Prepared(new TreeMap<>(identity), payload);
  }

  /** The payload as {@code type}; fails clearly if the model was not prepared. */
  public <T> T payload(Class<T> type) {
    if (!type.isInstance(payload)) {
      throw new IllegalStateException("model was not prepared: expected a " + type.getSimpleName() + " payload");
    }
    return type.cast(payload);
  }
}
