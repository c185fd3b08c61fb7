package org.gansuite.metrics;

import java.util.Objects;

/**
 * Clarity of generated images under one {@link ClarityDefinition}, beside the reference's mean:
 * the paper's clarity and diff columns under that reading.
 *
 * @param generated mean, population std, min and max over the generated images
 * @param referenceMean mean over the reference images
 */
public record ClarityScore(ClarityDefinition definition, Summary generated, double referenceMean) {

  public ClarityScore {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(generated, "generated");
  }

  /** |mean(generated) - mean(reference)|: the paper's diff column. */
  public double diff() {
    return Math.abs(generated.mean() - referenceMean);
  }
}
