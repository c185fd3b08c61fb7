package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Mode coverage: classes whose share among the samples is at least half their share in the data. */
class ModeCoverageTest {

  /**
   * Data shares 0.4, 0.3, 0.2, 0.1, 0 over 5 classes. Ten samples labelled 0 0 0 0 0 0 1 1 2 4:
   * shares 0.6, 0.2, 0.1, 0, 0.1. Class 0: 0.6 >= 0.2 yes; 1: 0.2 >= 0.15 yes; 2: 0.1 >= 0.1 yes (exactly
   * half); 3: 0 >= 0.05 no; 4: not in the data, never a mode. Coverage 3.
   */
  @Test
  void sharesByHand() {
    int[] samples = {0, 0, 0, 0, 0, 0, 1, 1, 2, 4};
    assertEquals(3, ModeCoverage.of(samples, new double[] {0.4, 0.3, 0.2, 0.1, 0}));
    int[] data = {0, 0, 0, 0, 1, 1, 1, 2, 2, 3};
    assertEquals(3, ModeCoverage.ofLabels(samples, data, 5));
    // One fewer sample of class 2: 0 of 9 < 0.1; 1/9 of class 1 < 0.15.
    assertEquals(1, ModeCoverage.ofLabels(new int[] {0, 0, 0, 0, 0, 0, 1, 4, 4}, data, 5));
    assertEquals(4, ModeCoverage.ofLabels(data, data, 5));
  }

  @Test
  void fromProbabilitiesByArgmax() {
    FeatureMatrix data = new FeatureMatrix(4, 3, new double[] {
        0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8, 0.2, 0.2, 0.6});
    // Ties go to the first class (numpy's argmax): the second row is class 0.
    FeatureMatrix gen = new FeatureMatrix(3, 3, new double[] {0.7, 0.2, 0.1, 0.4, 0.4, 0.2, 0.1, 0.2, 0.7});
    assertArrayEquals(new int[] {0, 0, 2}, ModeCoverage.argmax(gen));
    // Data shares 1/4, 1/4, 1/2; samples 2/3, 0, 1/3: classes 0 (2/3 >= 1/8) and 2 (1/3 >= 1/4).
    assertEquals(2, ModeCoverage.of(gen, data));
  }

  @Test
  void refusesBadInput() {
    assertThrows(IllegalArgumentException.class, () -> ModeCoverage.ofLabels(new int[] {3}, new int[] {0}, 3));
    assertThrows(IllegalArgumentException.class, () -> ModeCoverage.ofLabels(new int[0], new int[] {0}, 3));
    assertThrows(IllegalArgumentException.class, () -> ModeCoverage.of(new int[] {0}, new double[] {1.5}));
  }
}
