package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.io.Npy;
import org.junit.jupiter.api.Test;

/**
 * FID against numpy + scipy.linalg.sqrtm (pytorch-fid's formula; values computed by
 * src/test/python/make_feature_references.py from the committed seeded .npy inputs) and against a
 * Commons Math eigen-decomposition path.
 */
class FidTest {

  private static final String EXPECTED = "feature_expected.properties";

  private static FeatureMatrix load(String name) throws IOException {
    return Npy.readFeatures(References.resource(name));
  }

  @Test
  void statisticsEqualNumpyMeanAndCov() throws IOException {
    FeatureStats a = FeatureStats.of(load("features_a_f64.npy"));
    FeatureStats b = FeatureStats.of(load("features_b_f32.npy"));
    assertEquals(200, a.n());
    assertEquals(References.expected(EXPECTED, "trace_sigma_a"), a.traceSigma(), 1e-12);
    assertEquals(References.expected(EXPECTED, "sigma_a_0_1"), a.sigma()[1], 1e-14);
    assertEquals(References.expected(EXPECTED, "mu_b_3"), b.mu()[3], 1e-14);
    FeatureStats plain = References.stats(load("features_a_f64.npy"));
    for (int i = 0; i < plain.sigma().length; i++) {
      assertEquals(plain.sigma()[i], a.sigma()[i], 1e-13);
    }
  }

  @Test
  void fidEqualsScipyReference() throws IOException {
    double ab = Fid.compute(load("features_a_f64.npy"), load("features_b_f32.npy"));
    double expectedAb = References.expected(EXPECTED, "fid_a_b");
    assertEquals(expectedAb, ab, 1e-6 * expectedAb);
    double ce = Fid.compute(load("features_c_f64.npy"), load("features_e_f64.npy"));
    double expectedCe = References.expected(EXPECTED, "fid_c_e");
    assertEquals(expectedCe, ce, 1e-6 * expectedCe);
  }

  @Test
  void fidEqualsCommonsMathPathAndIsSymmetric() throws IOException {
    FeatureStats c = FeatureStats.of(load("features_c_f64.npy"));
    FeatureStats e = FeatureStats.of(load("features_e_f64.npy"));
    double reference = References.fid(c, e);
    try (Fid fid = new Fid(ComputeDevice.parse("/CPU:0"))) {
      Fid.Value ce = fid.value(c, e);
      Fid.Value ec = fid.value(e, c);
      assertEquals(reference, ce.fid(), 1e-9 * reference);
      assertEquals(ce.fid(), ec.fid(), 1e-9 * reference);
      assertEquals(0.0, ce.diagonalOffset());
    }
  }

  @Test
  void fidOfASetWithItselfIsZero() throws IOException {
    FeatureStats c = FeatureStats.of(load("features_c_f64.npy"));
    double fid = Fid.compute(c, c);
    assertEquals(0.0, fid, 1e-6 * c.traceSigma());
  }

  @Test
  void singularCovarianceUsesPytorchFidOffset() {
    // 10 samples in 32 dimensions: rank 9, so sqrt of the rounding-negative eigenvalues is NaN.
    SplittableRandom rng = new SplittableRandom(7);
    double[] v = new double[10 * 32];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextDouble() * 2 - 1;
    }
    FeatureStats s = FeatureStats.of(new FeatureMatrix(10, 32, v));
    try (Fid fid = new Fid(ComputeDevice.AUTO)) {
      Fid.Value self = fid.value(s, s);
      assertEquals(Fid.FALLBACK_OFFSET, self.diagonalOffset());
      // sqrt((S + eI)^2) = S + eI, so pytorch-fid's formula gives -2 d e exactly.
      assertEquals(-2 * 32 * Fid.FALLBACK_OFFSET, self.fid(), 1e-9);
    }
  }

  /**
   * Dead units (features constant 0, as a ReLU layer gives) make both covariances singular: the
   * Cholesky fails, the offset run follows, and eigenvalues that rounding leaves slightly negative
   * count 0 as in pytorch-fid. The value equals the Commons Math path on the offset matrices (minus
   * the 2 d e that pytorch-fid keeps out of tr(S1) + tr(S2)), and is close to the live dimensions' FID.
   */
  @Test
  void deadUnitsUseTheOffsetAndAgreeWithCommonsMath() throws IOException {
    FeatureMatrix c = load("features_c_f64.npy");
    FeatureMatrix e = load("features_e_f64.npy");
    FeatureStats pc = FeatureStats.of(withDeadUnits(c));
    FeatureStats pe = FeatureStats.of(withDeadUnits(e));
    int d = pc.dim();
    double expected = References.fid(offset(pc), offset(pe)) - 2 * d * Fid.FALLBACK_OFFSET;
    try (Fid fid = new Fid(ComputeDevice.AUTO)) {
      Fid.Value v = fid.value(pc, pe);
      assertEquals(Fid.FALLBACK_OFFSET, v.diagonalOffset());
      assertEquals(expected, v.fid(), 1e-9 * expected);
      double live = Fid.compute(c, e);
      assertEquals(live, v.fid(), 1e-5 * live);
    }
  }

  private static FeatureStats offset(FeatureStats s) {
    double[] sigma = s.sigma().clone();
    for (int i = 0; i < s.dim(); i++) {
      sigma[i * s.dim() + i] += Fid.FALLBACK_OFFSET;
    }
    return new FeatureStats(s.n(), s.mu(), sigma);
  }

  /** The features followed by as many columns of zeros. */
  private static FeatureMatrix withDeadUnits(FeatureMatrix f) {
    double[] v = new double[f.rows() * f.cols() * 2];
    for (int i = 0; i < f.rows(); i++) {
      System.arraycopy(f.values(), i * f.cols(), v, i * 2 * f.cols(), f.cols());
    }
    return new FeatureMatrix(f.rows(), 2 * f.cols(), v);
  }

  @Test
  void rejectsMismatchedDimensions() throws IOException {
    FeatureStats a = FeatureStats.of(load("features_a_f64.npy"));
    FeatureStats c = FeatureStats.of(load("features_c_f64.npy"));
    var e = assertThrows(IllegalArgumentException.class, () -> Fid.compute(a, c));
    assertTrue(e.getMessage().contains("16") && e.getMessage().contains("64"), e.getMessage());
  }
}
