package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.io.Npy;
import org.junit.jupiter.api.Test;

/** KID's unbiased MMD^2 against the numpy formula of Binkowski et al. / torch-fidelity. */
class KidTest {

  private static FeatureMatrix load(String name) throws IOException {
    return Npy.readFeatures(References.resource(name));
  }

  private static FeatureMatrix first(FeatureMatrix m, int rows) {
    return m.rowRange(0, rows);
  }

  @Test
  void mmd2EqualsNumpyReference() throws IOException {
    try (Kid kid = new Kid(ComputeDevice.AUTO)) {
      double ab = kid.mmd2(first(load("features_a_f64.npy"), 150), load("features_b_f32.npy"));
      double expectedAb = References.expected("feature_expected.properties", "mmd2_a150_b");
      assertEquals(expectedAb, ab, 1e-9 * expectedAb);
      double ce = kid.mmd2(first(load("features_c_f64.npy"), 260), load("features_e_f64.npy"));
      double expectedCe = References.expected("feature_expected.properties", "mmd2_c260_e");
      assertEquals(expectedCe, ce, 1e-9 * expectedCe);
    }
  }

  @Test
  void wholeSetSubsetsEqualOneMmdAndSeedsMatter() throws IOException {
    FeatureMatrix b = load("features_b_f32.npy");
    FeatureMatrix a = first(load("features_a_f64.npy"), 150);
    try (Kid kid = new Kid(ComputeDevice.AUTO)) {
      // Subset size = n: every subset is the whole set, so the std is 0 and the mean one MMD^2.
      Kid.Value whole = kid.value(a, b, new Kid.Config(3, 1000, 1));
      assertEquals(kid.mmd2(a, b), whole.kid(), 1e-12);
      assertEquals(0.0, whole.std(), 1e-12);
      Kid.Value s1 = kid.value(a, b, new Kid.Config(20, 50, 1));
      Kid.Value s1again = kid.value(a, b, new Kid.Config(20, 50, 1));
      Kid.Value s2 = kid.value(a, b, new Kid.Config(20, 50, 2));
      assertEquals(s1, s1again);
      assertNotEquals(s1.kid(), s2.kid());
      assertEquals(50, s1.subsetSize());
      // Subset means scatter around the full-set value; the estimator is unbiased.
      assertEquals(whole.kid(), s1.kid(), 4 * s1.std() / Math.sqrt(20) + 0.05 * whole.kid());
    }
  }

  @Test
  void sameDistributionGivesKidNearZero() throws IOException {
    FeatureMatrix c = load("features_c_f64.npy");
    try (Kid kid = new Kid(ComputeDevice.AUTO)) {
      Kid.Value v = kid.value(c.rowRange(0, 150), c.rowRange(150, 300), new Kid.Config(10, 100, 3));
      Kid.Value far = kid.value(c.rowRange(0, 150), load("features_e_f64.npy"), new Kid.Config(10, 100, 3));
      assertTrue(Math.abs(v.kid()) < 0.05 * far.kid(), v + " vs " + far);
    }
  }

  @Test
  void samplesAreDistinct() {
    int[] s = Kid.sample(new java.util.SplittableRandom(5), 30, 30);
    int[] sorted = s.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 30; i++) {
      assertEquals(i, sorted[i]);
    }
  }
}
