package org.gansuite.metrics.extract;

import java.io.IOException;

/**
 * Service-provider interface: a jar that lists an implementation in
 * {@code META-INF/services/org.gansuite.metrics.extract.FeatureExtractorProvider} adds an
 * extractor that {@link FeatureExtractors#open} finds by name.
 */
public interface FeatureExtractorProvider {

  /** Unique name: lower case letters, digits, '-', '.' and '_'. */
  String name();

  /** One line for listings. */
  String description();

  FeatureExtractor open(ExtractorOptions options) throws IOException;
}
