package org.gansuite.baselines.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PooledFrechetDistanceTest {

  private static double[][] gaussian(int n, int d, double shift, double scale, long seed) {
    var rng = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = shift + scale * nextGaussian(rng);
      }
    }
    return x;
  }

  private static double nextGaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** Same sample: 0. Equal covariances, means apart by delta per dim: d * delta^2. */
  @Test
  void distanceOfKnownGaussians() {
    var a = gaussian(4000, 8, 0, 1, 1);
    assertEquals(0, PooledFrechetDistance.distance(a, a), 1e-6);
    double[][] shifted = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      shifted[i] = a[i].clone();
      for (int j = 0; j < 8; j++) {
        shifted[i][j] += 0.5;
      }
    }
    assertEquals(8 * 0.25, PooledFrechetDistance.distance(a, shifted), 1e-6);
    // Isotropic N(0, 1) vs N(0, 4) in 8 dims: 8 (1 + 4 - 2 * 2) = 8, up to sampling error.
    var wide = gaussian(4000, 8, 0, 2, 2);
    assertEquals(8, PooledFrechetDistance.distance(a, wide), 0.8);
  }

  /** Pooling averages 4x4 cells (and channels). */
  @Test
  void featuresAverageFourByFourCells() {
    float[] img = new float[32 * 32];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        img[y * 32 + x] = 1f;
      }
    }
    img[5 * 32 + 5] = 0.8f;
    double[][] f = PooledFrechetDistance.features(img, 1, 32, 1);
    assertEquals(64, f[0].length);
    assertEquals(1.0, f[0][0], 1e-9);
    assertEquals(0.05, f[0][9], 1e-7);
    assertEquals(0.0, f[0][1], 1e-9);
  }
}
