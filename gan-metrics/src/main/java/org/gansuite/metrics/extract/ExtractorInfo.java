package org.gansuite.metrics.extract;

import java.util.Objects;

/**
 * What produced a set of features: part of every number's protocol and of statistics cache keys.
 *
 * @param name extractor name as registered (e.g. {@code inception-2015-12-05})
 * @param weightsSha256 hex SHA-256 of the weights / graph file
 * @param layer the tensor the features come from (e.g. {@code pool_3:0})
 * @param featureDim feature dimension
 * @param classes number of classes of the probabilities, 0 when the extractor gives none
 */
public record ExtractorInfo(String name, String weightsSha256, String layer, int featureDim, int classes) {
  public ExtractorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(weightsSha256, "weightsSha256");
    Objects.requireNonNull(layer, "layer");
    if (featureDim <= 0 || classes < 0) {
      throw new IllegalArgumentException("bad extractor dimensions: features " + featureDim + ", classes " + classes);
    }
  }

  /** Name, weights hash, layer and dimensions, for a protocol. */
  public java.util.Map<String, Object> toJson() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name);
    m.put("weights_sha256", weightsSha256);
    m.put("layer", layer);
    m.put("feature_dim", featureDim);
    m.put("classes", classes);
    return m;
  }
}
