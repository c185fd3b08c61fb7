package org.gansuite.metrics.extract;

import org.gansuite.core.data.ImageDataset;

/**
 * Maps images (8-bit HWC) to feature vectors for FID/KID and, where the network classifies, to
 * class probabilities for the Inception Score. Every result names the extractor, its weights'
 * SHA-256 and the layer ({@link ExtractorInfo}), so a number computed from it carries them.
 * Implementations hold native TensorFlow resources: close them.
 */
public interface FeatureExtractor extends AutoCloseable {

  ExtractorInfo info();

  /**
   * What else a number computed from these features must carry in its protocol, e.g. a trained
   * classifier's test accuracy and training data; empty by default.
   */
  default java.util.Map<String, Object> provenance() {
    return java.util.Map.of();
  }

  /** Features (and probabilities when {@link ExtractorInfo#classes()} > 0) of every image. */
  Features extract(ImageDataset images, int batchSize);

  @Override
  void close();
}
