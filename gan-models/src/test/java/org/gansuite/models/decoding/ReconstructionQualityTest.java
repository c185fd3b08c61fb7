package org.gansuite.models.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReconstructionQualityTest {

  /** MSE (0 + 100) / 2 = 50: 10 log10(65025 / 50) = 10 log10(1300.5) = 31.141104 dB. */
  @Test
  void psnrMatchesHandValue() {
    assertEquals(31.141104, ReconstructionQuality.psnr(new byte[] {0, 0}, new byte[] {0, 10}), 1e-5);
    assertEquals(Double.POSITIVE_INFINITY, ReconstructionQuality.psnr(new byte[] {7}, new byte[] {7}));
    // 255 vs 0 everywhere: MSE 255^2, PSNR 0
    assertEquals(0.0, ReconstructionQuality.psnr(new byte[] {(byte) 255}, new byte[] {0}), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> ReconstructionQuality.psnr(new byte[2], new byte[3]));
  }

  /** {1, 2, 3, inf}: mean 2, population std sqrt(2/3), one excluded. */
  @Test
  void summaryIsPopulationStatisticsOverFiniteValues() {
    var acc = new Summary.Accumulator();
    for (double v : new double[] {3, 1, Double.POSITIVE_INFINITY, 2}) {
      acc.add(v);
    }
    var s = acc.summary();
    assertEquals(2, s.mean(), 1e-12);
    assertEquals(Math.sqrt(2.0 / 3), s.std(), 1e-12);
    assertEquals(1, s.min());
    assertEquals(3, s.max());
    assertEquals(3, s.count());
    assertEquals(1, s.excluded());
  }
}
