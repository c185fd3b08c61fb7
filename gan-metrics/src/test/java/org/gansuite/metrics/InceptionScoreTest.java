package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.io.Npy;
import org.junit.jupiter.api.Test;

/** IS against its limiting cases and openai improved-gan's formula in numpy. */
class InceptionScoreTest {

  @Test
  void identicalPredictionsScoreOne() {
    int n = 50;
    int c = 6;
    double[] p = new double[n * c];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c; j++) {
        p[i * c + j] = (j + 1) / 21.0;
      }
    }
    InceptionScore.Value v = InceptionScore.compute(new FeatureMatrix(n, c, p));
    assertEquals(1.0, v.mean(), 1e-12);
    assertEquals(0.0, v.std(), 1e-12);
  }

  @Test
  void evenlySpreadOneHotScoresNumberOfClasses() {
    int c = 8;
    int n = 10 * c * 3; // every split holds each class exactly 3 times
    double[] p = new double[n * c];
    for (int i = 0; i < n; i++) {
      p[i * c + i % c] = 1.0;
    }
    InceptionScore.Value v = InceptionScore.compute(new FeatureMatrix(n, c, p));
    assertEquals(c, v.mean(), 1e-9);
    assertEquals(0.0, v.std(), 1e-9);
    assertEquals(10, v.splits());
  }

  @Test
  void equalsNumpyReference() throws IOException {
    FeatureMatrix p = Npy.readFeatures(References.resource("predictions_103x7.npy"));
    InceptionScore.Value v = InceptionScore.compute(p);
    double mean = References.expected("feature_expected.properties", "is_mean_103x7");
    double std = References.expected("feature_expected.properties", "is_std_103x7");
    assertEquals(mean, v.mean(), 1e-10 * mean);
    assertEquals(std, v.std(), 1e-9 * std);
  }

  @Test
  void rejectsLogits() {
    double[] logits = {2.0, -1.0, 0.5, 0.3, 0.1, 0.6};
    try (InceptionScore is = new InceptionScore(ComputeDevice.AUTO)) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> is.value(new FeatureMatrix(2, 3, logits), 1));
      assertTrue(e.getMessage().contains("logits"), e.getMessage());
    }
  }
}
