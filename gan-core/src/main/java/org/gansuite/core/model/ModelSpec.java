package org.gansuite.core.model;

import java.util.Objects;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageShape;

/**
 * Everything a model's graph is built from: model name, image shape, size of z, batch size,
 * seed and hyper-parameters. Immutable; two runs with equal specs build identical graphs.
 */
public record ModelSpec(String model, ImageShape shape, int zDim, int batchSize, long seed, HyperParameters hyper) {

  public ModelSpec {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(hyper, "hyper");
    if (zDim <= 0) {
      throw new UserError("z size must be positive, got " + zDim);
    }
    if (batchSize <= 0) {
      throw new UserError("batch size must be positive, got " + batchSize);
    }
  }

  /** PROTOCOL.md defaults: z of 100 dims, batch 64. */
  public static ModelSpec of(GanModelProvider<?> provider, ImageShape shape, long seed) {
    return new ModelSpec(provider.name(), shape, 100, 64, seed, provider.defaults());
  }
}
