package org.gansuite.models.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PooledFrechetTest {

  private static double[][] gaussian(int n, int d, long seed, double shift) {
    var rng = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int i = 0; i < d; i++) {
        row[i] = rng.nextDouble() + 0.3 * (i > 0 ? row[i - 1] : 0);
      }
      for (int i = 0; i < d; i++) {
        row[i] += shift;
      }
    }
    return x;
  }

  /** Equal sets: 0; a set shifted by 0.1 in each of 64 dims (equal covariances): 64 * 0.01 = 0.64. */
  @Test
  void matchesClosedFormCases() {
    var a = gaussian(500, 64, 1, 0);
    assertEquals(0, PooledFrechet.distance(a, a), 1e-9);
    assertEquals(0.64, PooledFrechet.distance(a, gaussian(500, 64, 1, 0.1)), 1e-9);
  }

  /** 8x8 block means of a 16x16 grey image: blocks of 2x2 pixels, scaled to [0, 1]. */
  @Test
  void poolsBlocks() {
    byte[] img = new byte[256];
    img[0] = (byte) 255; // block (0, 0) holds 255, 0, 0, 0
    img[17] = (byte) 255; // pixel (1, 1): same block
    double[][] p = PooledFrechet.pooled(new byte[][] {img}, 16, 16, 1);
    assertEquals(0.5, p[0][0], 1e-12);
    assertEquals(0.0, p[0][1], 1e-12);
  }
}
