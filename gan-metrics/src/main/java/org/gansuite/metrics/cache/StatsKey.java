package org.gansuite.metrics.cache;

import java.util.Objects;
import org.gansuite.core.io.Sha256;

/**
 * What reference statistics depend on: the data set's content hash, the extractor and its weights
 * hash, the layer, the number of reference samples and the seed that chose them.
 */
public record StatsKey(String datasetHash, String extractor, String weightsSha256, String layer, int n, long seed) {

  public StatsKey {
    Objects.requireNonNull(datasetHash, "datasetHash");
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(weightsSha256, "weightsSha256");
    Objects.requireNonNull(layer, "layer");
    if (n < 2) {
      throw new IllegalArgumentException("reference statistics need at least 2 samples, got " + n);
    }
    for (String s : new String[] {datasetHash, extractor, weightsSha256, layer}) {
      if (s.isBlank() || s.contains("\n") || s.contains("|")) {
        throw new IllegalArgumentException("cache key parts must be non-blank without '|' or newlines: '" + s + "'");
      }
    }
  }

  /** One line naming every part; stored in the cache file and compared on load. */
  public String canonical() {
    // v2: clarity under every ClarityDefinition; v1 files (one clarity summary) are simply not found.
    return "v2|dataset=" + datasetHash + "|extractor=" + extractor + "|weights=" + weightsSha256
        + "|layer=" + layer + "|n=" + n + "|seed=" + seed;
  }

  /** File name: the extractor and N for people, a hash of the whole key for uniqueness. */
  public String fileName() {
    // The first 12 bytes of the key's hash: 24 hex digits.
    return extractor.replaceAll("[^A-Za-z0-9._-]", "_") + "-n" + n + "-" + Sha256.of(canonical()).substring(0, 24) + ".npz";
  }
}
