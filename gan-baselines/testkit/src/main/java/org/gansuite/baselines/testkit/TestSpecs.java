package org.gansuite.baselines.testkit;

import java.util.Map;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelSpec;

/** Model specs for tests: the suite's z size, a small batch, the provider's defaults with overrides. */
public final class TestSpecs {

  private TestSpecs() {}

  /** {@code shape} like {@code 32x32x1}; batch 4; seed 7. */
  public static ModelSpec small(GanModelProvider<?> provider, String shape, Map<String, String> overrides) {
    return new ModelSpec(provider.name(), ImageShape.parse(shape), 100, 4, 7,
        provider.defaults().with(overrides));
  }

  /** The paper's configuration: batch 64, z of 100, the provider's defaults. */
  public static ModelSpec paper(GanModelProvider<?> provider, String shape) {
    return ModelSpec.of(provider, ImageShape.parse(shape), 7);
  }
}
