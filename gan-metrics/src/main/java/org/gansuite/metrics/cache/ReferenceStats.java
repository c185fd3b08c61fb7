package org.gansuite.metrics.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.Summary;

/**
 * Cached statistics of a reference data set under their key: FID statistics and the clarity
 * summary under every {@link ClarityDefinition} (in {@link ClarityDefinition#ALL}'s order).
 */
public record ReferenceStats(StatsKey key, FeatureStats stats, Map<ClarityDefinition, Summary> clarity) {
  public ReferenceStats {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(stats, "stats");
    if (stats.n() != key.n()) {
      throw new IllegalArgumentException("statistics of " + stats.n() + " samples under a key for " + key.n());
    }
    if (!clarity.keySet().containsAll(ClarityDefinition.ALL)) {
      throw new IllegalArgumentException("reference clarity needs every definition, got " + clarity.keySet());
    }
    Map<ClarityDefinition, Summary> ordered = new LinkedHashMap<>();
    for (ClarityDefinition d : ClarityDefinition.ALL) {
      ordered.put(d, clarity.get(d));
    }
    clarity = java.util.Collections.unmodifiableMap(ordered);
  }
}
