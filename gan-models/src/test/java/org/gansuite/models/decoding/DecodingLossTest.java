package org.gansuite.models.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;

/** Each decoding loss against hand-computed values. */
class DecodingLossTest {

  /**
   * Two 1x2x1 images; errors (0.5, -0.5) and (1, -0.5). L2: (0.25 + 0.25 + 1 + 0.25) / 4 =
   * 0.4375. L1: (0.5 + 0.5 + 1 + 0.5) / 4 = 0.625. L2*: (sqrt(0.5) + sqrt(1.25)) / 2 =
   * (0.70710678 + 1.11803399) / 2 = 0.91257039.
   */
  @ParameterizedTest
  @CsvSource({"L2, 0.4375", "L1, 0.625", "L2STAR, 0.91257039"})
  void matchesHandValues(DecodingLoss loss, double expected) {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var shape = Shape.of(2, 1, 2, 1);
      var decoded = tf.constant(shape, DataBuffers.of(new float[] {0.5f, -0.5f, 1f, 0f}));
      var real = tf.constant(shape, DataBuffers.of(new float[] {0f, 0f, 0f, 0.5f}));
      float[] v = GraphRunner.fetch(s, loss.apply(tf, decoded, real));
      assertEquals(1, v.length);
      assertEquals(expected, v[0], 1e-6);
    }
  }
}
