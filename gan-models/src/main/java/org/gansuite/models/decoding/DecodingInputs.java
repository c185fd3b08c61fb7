package org.gansuite.models.decoding;

import java.util.Map;
import java.util.Objects;

/**
 * What the preparation of the decoding-constrained GAN (doi 10.16383/j.aas.c190496) hands to its
 * graph: the per-image features to decode, and the pre-trained values the GAN starts from (empty
 * when it starts from scratch).
 */
public record DecodingInputs(Features features, Map<String, float[]> warmStart) {

  public DecodingInputs {
    Objects.requireNonNull(features, "features");
    warmStart = Map.copyOf(warmStart);
  }
}
