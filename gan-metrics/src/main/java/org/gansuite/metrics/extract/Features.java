package org.gansuite.metrics.extract;

import java.util.Objects;
import org.gansuite.metrics.FeatureMatrix;

/**
 * Output of a {@link FeatureExtractor} for N images.
 *
 * @param features N x featureDim
 * @param probabilities N x classes, or null when the extractor has no classifier head
 * @param info the extractor that produced them
 */
public record Features(FeatureMatrix features, FeatureMatrix probabilities, ExtractorInfo info) {
  public Features {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(info, "info");
    if (probabilities != null && probabilities.rows() != features.rows()) {
      throw new IllegalArgumentException(
          features.rows() + " feature rows but " + probabilities.rows() + " probability rows");
    }
  }
}
