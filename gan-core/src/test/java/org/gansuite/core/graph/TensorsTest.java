package org.gansuite.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class TensorsTest {

  @Test
  void copiesValuesInAndOutRowMajor() {
    float[] f = {1.5f, -2f, 3.25f, 0f, 7f, -0.5f};
    try (var t = Tensors.float32(f, 2, 3)) {
      assertEquals(Shape.of(2, 3), t.shape());
      assertEquals(-0.5f, t.getFloat(1, 2));
      assertArrayEquals(f, Tensors.floats(t));
    }
    double[] d = {0.1, 0.2, 0.3};
    try (var t = Tensors.float64(d, 3)) {
      assertArrayEquals(d, Tensors.doubles(t));
    }
    try (var t = Tensors.float64(new double[] {2.5})) {
      assertEquals(2.5, Tensors.scalar(t));
    }
    try (var t = Tensors.uint8(new byte[] {(byte) 255, 3}, 2)) {
      assertEquals((byte) 255, t.getByte(0));
    }
  }

  @Test
  void runFeedsOneBatchAndFetchesEachOutput() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
      var doubled = tf.math.mul(x, tf.constant(2f));
      var rowSums = tf.reduceSum(x, tf.constant(1));
      float[][] out = Tensors.run(s, x, new float[] {1, 2, 3, 4}, new long[] {2, 2}, doubled, rowSums);
      assertArrayEquals(new float[] {2, 4, 6, 8}, out[0]);
      assertArrayEquals(new float[] {3, 7}, out[1]);
      assertArrayEquals(new float[] {5f}, Tensors.fetch(s, tf.constant(new float[] {5f})));
    }
  }
}
