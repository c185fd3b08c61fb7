package org.gansuite.metrics;

import org.gansuite.core.device.ComputeDevice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.gansuite.metrics.io.Npy;
import org.junit.jupiter.api.Test;

/**
 * PRDC against hand-computed cases, a transcription of prdc.py on the full distance matrix, and
 * the values of prdc's algorithm in numpy (src/test/python/make_prdc_references.py).
 */
class PrdcTest {

  private static final double TOL = 1e-12;

  private static FeatureMatrix load(String name) throws IOException {
    return Npy.readFeatures(References.resource(name));
  }

  private static FeatureMatrix points(int dim, double... v) {
    return new FeatureMatrix(v.length / dim, dim, v);
  }

  private static void assertPrdc(double p, double r, double d, double c, Prdc.Value v) {
    assertEquals(p, v.precision(), TOL, "precision " + v);
    assertEquals(r, v.recall(), TOL, "recall " + v);
    assertEquals(d, v.density(), TOL, "density " + v);
    assertEquals(c, v.coverage(), TOL, "coverage " + v);
  }

  /**
   * 1-d, k = 1. Real {0, 1, 3, 4}: every nearest other point is 1 away, so r = 1 for all. Fake
   * {0.5, 5, 3.25}: fake-fake distances 4.5, 2.75, 1.75, so r = 2.75, 1.75, 1.75.
   * <pre>
   * D      0.5   5     3.25
   * 0      0.5   5     3.25
   * 1      0.5   4     2.25
   * 3      2.5   2     0.25
   * 4      3.5   1     0.75
   * </pre>
   * D &lt; r(real) = 1: (0,0.5) (1,0.5) (3,3.25) (4,3.25); (4,5) is a tie, 1 &lt; 1 is false. Counts per
   * fake 2, 0, 2: precision 2/3, density (2+0+2)/3 = 4/3. Recall: 0 and 1 are within 2.75 of 0.5, 3
   * within 1.75 of 3.25 (0.25), 4 within 1.75 of 5 (1): 1. Coverage: every real row has a hit: 1.
   * With &lt;= instead of &lt; precision would be 1 and density 5/3.
   */
  @Test
  void oneDimensionalKOneByHand() {
    FeatureMatrix real = points(1, 0, 1, 3, 4);
    FeatureMatrix fake = points(1, 0.5, 5, 3.25);
    assertPrdc(2.0 / 3, 1.0, 4.0 / 3, 1.0, Prdc.compute(real, fake, 1));
  }

  /**
   * 2-d, k = 2. Real: the unit square's corners and (4, 0). Each corner has two neighbours at 1,
   * so r = 1; (4, 0) has (1, 0) at 3 and (1, 1) at sqrt(10), so r = sqrt(10). Fake a = (0.5, 0.5),
   * b = (0.25, 0), c = (0.5, 0): fake-fake a-b sqrt(0.3125), a-c 0.5, b-c 0.25, so r(a) = r(b) =
   * sqrt(0.3125) ~ 0.559 and r(c) = 0.5.
   * Precision/density: a is sqrt(0.5) ~ 0.707 &lt; 1 from all four corners (and sqrt(12.5) &gt; sqrt(10)
   * from (4, 0)): 4; b is 0.25 from (0,0) and 0.75 from (1,0), more than 1 from the others: 2; c is
   * 0.5 from (0,0) and (1,0): 2. Precision 1, density (4+2+2)/(2*3) = 4/3.
   * Recall: (0,0) is 0.25 &lt; 0.559 from b; (1,0) is 0.5 from c, a tie with r(c) = 0.5, and 0.707,
   * 0.75 from a, b: out; (0,1), (1,1), (4,0) are farther: recall 1/5.
   * Coverage: nearest fakes 0.25, 0.5, 0.707, 0.707 &lt; 1 for the corners; (4,0) is 3.5 &gt; sqrt(10)
   * from c: 4/5.
   */
  @Test
  void twoDimensionalKTwoByHand() {
    FeatureMatrix real = points(2, 0, 0, 1, 0, 0, 1, 1, 1, 4, 0);
    FeatureMatrix fake = points(2, 0.5, 0.5, 0.25, 0, 0.5, 0);
    assertPrdc(1.0, 1.0 / 5, 4.0 / 3, 4.0 / 5, Prdc.compute(real, fake, 2));
  }

  /**
   * Repeated points: real {0, 0, 0, 1}, k = 1: the zeros have r = 0 (their nearest other point is
   * another zero), 1 has r = 1. Fake {0, 0.25}: 0 is at distance 0 from the zeros (0 &lt; 0 is false)
   * and 1 from the 1 (1 &lt; 1 is false); 0.25 is 0.75 &lt; 1 from the 1. Precision 1/2, density 1/2.
   * Fake radii are 0.25: recall counts the zeros (0 &lt; 0.25): 3/4. Coverage: the zeros need a fake
   * closer than 0; the 1 has 0.25 at 0.75: 1/4.
   */
  @Test
  void repeatedPointsHaveRadiusZero() {
    FeatureMatrix real = points(1, 0, 0, 0, 1);
    FeatureMatrix fake = points(1, 0, 0.25);
    assertPrdc(0.5, 0.75, 0.5, 0.25, Prdc.compute(real, fake, 1));
  }

  @Test
  void identicalSetsGiveOne() throws IOException {
    FeatureMatrix c = load("features_c_f64.npy");
    for (int k : new int[] {1, 5, 20}) {
      assertPrdc(1, 1, 1, 1, Prdc.compute(c, c, k));
    }
  }

  @Test
  void kMustLeaveAnotherPointInEachSet() {
    FeatureMatrix three = points(1, 0, 1, 2);
    FeatureMatrix five = points(1, 0, 1, 2, 3, 4);
    var e = assertThrows(IllegalArgumentException.class, () -> Prdc.compute(five, three, 3));
    assertEquals("nearest_k = 3 needs more than 3 points in each set (the k-th nearest other point), "
        + "got 5 real and 3 fake", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Prdc.compute(three, five, 3));
    assertThrows(IllegalArgumentException.class, () -> Prdc.compute(five, five, 0));
    assertThrows(IllegalArgumentException.class, () -> Prdc.compute(five, points(2, 0, 0, 1, 1), 1));
    assertThrows(IllegalArgumentException.class, () -> Prdc.compute(five, points(1, 0, Double.NaN, 1), 1));
    // k = n - 1 is allowed. {0, 1, 2} against itself, k = 2: r = 2, 1, 2 (1 has both neighbours at 1).
    // Fake 0 lies in the ball of real 0 only (1 < 1 and 2 < 2 fail), fake 1 in all three, fake 2 in
    // that of real 2: density (1+3+1)/(2*3) = 5/6. Identical
    // sets give density 1 only without ties (see identicalSetsGiveOne).
    assertPrdc(1, 1, 5.0 / 6, 1, Prdc.compute(three, three, 2));
  }

  @Test
  void equalsPrdcInNumpy() throws IOException {
    FeatureMatrix a = load("features_a_f64.npy");
    FeatureMatrix b = load("features_b_f32.npy");
    FeatureMatrix c = load("features_c_f64.npy");
    FeatureMatrix e = load("features_e_f64.npy");
    FeatureMatrix real = load("prdc_clusters_real.npy");
    FeatureMatrix fake = load("prdc_clusters_fake.npy");
    try (Prdc prdc = new Prdc(ComputeDevice.AUTO)) {
      for (int k : new int[] {1, 3, 5, 10}) {
        assertReference("a_b", k, prdc.value(a, b, k));
      }
      assertReference("b_a", 5, prdc.value(b, a, 5));
      assertReference("c_e", 2, prdc.value(c, e, 2));
      assertReference("c_e", 5, prdc.value(c, e, 5));
      for (int k : new int[] {1, 5, 7}) {
        assertReference("clusters", k, prdc.value(real, fake, k));
      }
    }
  }

  private static void assertReference(String pair, int k, Prdc.Value v) {
    String key = pair + "_k" + k + "_";
    assertPrdc(References.expected("prdc_expected.properties", key + "precision"),
        References.expected("prdc_expected.properties", key + "recall"),
        References.expected("prdc_expected.properties", key + "density"),
        References.expected("prdc_expected.properties", key + "coverage"), v);
    assertEquals(k, v.nearestK());
  }

  /** Blocks of 7 rows (many partial blocks, pairs across blocks) give the same values as one block. */
  @Test
  void independentOfBlockSize() throws IOException {
    FeatureMatrix real = load("prdc_clusters_real.npy");
    FeatureMatrix fake = load("prdc_clusters_fake.npy");
    try (Prdc small = new Prdc(ComputeDevice.AUTO, 7);
        Prdc large = new Prdc(ComputeDevice.AUTO, 4096)) {
      for (int k : new int[] {1, 5}) {
        assertEquals(large.value(real, fake, k), small.value(real, fake, k));
      }
    }
  }

  /**
   * Ties everywhere (points of an integer lattice, a collapsed fake set of one repeated point) and
   * features far from the origin (the expansion |x|^2 + |y|^2 - 2 x.y loses most digits, so most
   * decisions fall back to direct sums) agree exactly with prdc's algorithm on direct distances.
   */
  @Test
  void tiesAndCancellationEqualTheDirectTranscription() {
    double[] grid = new double[36 * 2];
    double[] shifted = new double[30 * 2];
    for (int i = 0; i < 36; i++) {
      grid[2 * i] = i % 6;
      grid[2 * i + 1] = i / 6;
    }
    for (int i = 0; i < 30; i++) {
      shifted[2 * i] = i % 5 + 0.5;
      shifted[2 * i + 1] = i / 5;
    }
    double[] collapsed = new double[20 * 2];
    Arrays.fill(collapsed, 2.0);
    SplittableRandom rng = new SplittableRandom(5);
    double[] farA = new double[80 * 6];
    double[] farB = new double[70 * 6];
    for (int i = 0; i < farA.length; i++) {
      farA[i] = 1e7 + rng.nextGaussian();
    }
    for (int i = 0; i < farB.length; i++) {
      farB[i] = 1e7 + 1.2 * rng.nextGaussian();
    }
    FeatureMatrix[][] pairs = {
        {points(2, grid), points(2, shifted)},
        {points(2, shifted), points(2, grid)},
        {points(2, grid), points(2, collapsed)},
        {points(6, farA), points(6, farB)},
    };
    try (Prdc prdc = new Prdc(ComputeDevice.AUTO, 16)) {
      for (FeatureMatrix[] p : pairs) {
        for (int k : new int[] {1, 2, 4, 5}) {
          assertEquals(transcription(p[0], p[1], k), prdc.value(p[0], p[1], k), "k = " + k);
        }
      }
    }
  }

  /** prdc.py on the full matrices of direct distances, in plain Java. */
  static Prdc.Value transcription(FeatureMatrix real, FeatureMatrix fake, int k) {
    double[] rr = radii(real, k);
    double[] fr = radii(fake, k);
    int n = real.rows();
    int m = fake.rows();
    boolean[] recall = new boolean[n];
    boolean[] coverage = new boolean[n];
    int precise = 0;
    long count = 0;
    for (int j = 0; j < m; j++) {
      int in = 0;
      for (int i = 0; i < n; i++) {
        double d = distance(real, i, fake, j);
        in += d < rr[i] ? 1 : 0;
        recall[i] |= d < fr[j];
        coverage[i] |= d < rr[i];
      }
      precise += in > 0 ? 1 : 0;
      count += in;
    }
    return new Prdc.Value((double) precise / m, share(recall), (1.0 / k) * ((double) count / m), share(coverage), k,
        n, m);
  }

  private static double share(boolean[] b) {
    int t = 0;
    for (boolean x : b) {
      t += x ? 1 : 0;
    }
    return (double) t / b.length;
  }

  /** The (k+1)-th smallest of each row of the full matrix, the zero self-distance included. */
  private static double[] radii(FeatureMatrix x, int k) {
    double[] out = new double[x.rows()];
    for (int i = 0; i < x.rows(); i++) {
      double[] row = new double[x.rows()];
      for (int j = 0; j < x.rows(); j++) {
        row[j] = i == j ? 0 : distance(x, i, x, j);
      }
      Arrays.sort(row);
      out[i] = row[k];
    }
    return out;
  }

  private static double distance(FeatureMatrix x, int i, FeatureMatrix y, int j) {
    double s = 0;
    for (int c = 0; c < x.cols(); c++) {
      double t = x.get(i, c) - y.get(j, c);
      s += t * t;
    }
    return Math.sqrt(s);
  }

  @Test
  void agreesWithTheTranscriptionOnRandomSets() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 3; trial++) {
      int d = 1 + rng.nextInt(40);
      FeatureMatrix real = gaussian(rng, 50 + rng.nextInt(100), d, 1.0, 0.0);
      FeatureMatrix fake = gaussian(rng, 50 + rng.nextInt(100), d, 0.7 + rng.nextDouble(), rng.nextDouble());
      int k = 1 + rng.nextInt(8);
      Prdc.Value v = Prdc.compute(real, fake, k);
      assertEquals(transcription(real, fake, k), v);
      assertTrue(v.precision() > 0 && v.recall() > 0, v.toString());
    }
  }

  private static FeatureMatrix gaussian(SplittableRandom rng, int n, int d, double scale, double shift) {
    double[] v = new double[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = scale * rng.nextGaussian() + shift;
    }
    return new FeatureMatrix(n, d, v);
  }
}
