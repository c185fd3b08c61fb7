package org.gansuite.metrics.cache;

import java.util.Objects;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.Summary;

/** Cached statistics of a reference data set: FID statistics and clarity summary, under their key. */
public record ReferenceStats(StatsKey key, FeatureStats stats, Summary clarity) {
  public ReferenceStats {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(clarity, "clarity");
    if (stats.n() != key.n()) {
      throw new IllegalArgumentException("statistics of " + stats.n() + " samples under a key for " + key.n());
    }
  }
}
