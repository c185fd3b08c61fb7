package org.gansuite.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The lowered small convs against TensorFlow's own: outputs and both gradients. */
class SmallConvTest {

  @ParameterizedTest(name = "{0}x{1}x{2} -> {3}, k{4} s{5}")
  @CsvSource({"4,4,3,5,5,2", "5,7,2,3,3,2", "4,4,2,3,3,1", "3,3,2,2,4,2", "1,1,3,2,5,2"})
  void convMatchesConv2D(int h, int w, int cin, int cout, int k, int s) {
    compare(false, h, w, cin, cout, k, s);
  }

  @ParameterizedTest(name = "{0}x{1} <- {2}, {3}, k{4} s{5}")
  @CsvSource({"4,4,3,5,5,2", "4,6,2,3,5,2", "3,3,2,3,3,1", "4,4,2,2,4,2", "2,2,3,2,5,2"})
  void transposedConvMatchesConv2DBackpropInput(int h, int w, int cin, int cout, int k, int s) {
    compare(true, h, w, cin, cout, k, s);
  }

  @Test
  void lowersOnlySmallMapsOffTheGpu() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      assertTrue(SmallConv.lowers(tf, SmallConv.MAX_POSITIONS));
      assertFalse(SmallConv.lowers(tf, SmallConv.MAX_POSITIONS + 1));
      assertFalse(SmallConv.lowers(tf.withDevice(org.tensorflow.DeviceSpec.newBuilder()
          .deviceType(org.tensorflow.DeviceSpec.DeviceType.GPU).deviceIndex(0).build()), 4));
    }
  }

  /**
   * A conv of an h x w map (transposed: to an h x w map, from the strided one) with kernel
   * [k, k, cin, cout], batch 2, lowered and not: y, dx and dw agree to float32 rounding.
   */
  private static void compare(boolean transposed, int h, int w, int cin, int cout, int k, int s) {
    int ho = (h + s - 1) / s;
    int wo = (w + s - 1) / s;
    try (Graph g = new Graph(); var session = ComputeDevice.AUTO.session(g, 1, 1)) {
      Ops tf = Ops.create(g);
      long[] xs = transposed ? new long[] {2, ho, wo, cout} : new long[] {2, h, w, cin};
      int nx = (int) Shape.of(xs).size();
      Operand<TFloat32> x = tf.constant(Shape.of(xs), DataBuffers.of(LayerTestSupport.random(nx, 1)));
      Operand<TFloat32> kernel = tf.constant(Shape.of(k, k, cin, cout),
          DataBuffers.of(LayerTestSupport.random(k * k * cin * cout, 2)));
      var strides = List.of(1L, (long) s, (long) s, 1L);
      Operand<TFloat32> reference = transposed
          ? tf.nn.conv2dBackpropInput(tf.constant(new int[] {2, h, w, cin}), kernel, x, strides, "SAME")
          : tf.nn.conv2d(x, kernel, strides, "SAME");
      Operand<TFloat32> lowered = transposed
          ? SmallConv.conv2dTranspose(tf, x, kernel, k, cout, cin, s, h, w)
          : SmallConv.conv2d(tf, x, kernel, k, cin, cout, s);
      assertEquals(reference.shape(), lowered.shape());
      var r = tf.constant(reference.shape(), DataBuffers.of(LayerTestSupport.random((int) reference.shape().size(), 3)));
      var axes = tf.constant(new int[] {0, 1, 2, 3});
      var gRef = tf.gradients(tf.reduceSum(tf.math.mul(reference, r), axes), List.of(x, kernel));
      var gLow = tf.gradients(tf.reduceSum(tf.math.mul(lowered, r), axes), List.of(x, kernel));
      try (Result out = session.runner().fetch(reference).fetch(lowered).fetch(gRef.dy(0)).fetch(gLow.dy(0))
          .fetch(gRef.dy(1)).fetch(gLow.dy(1)).run()) {
        for (int i = 0; i < 6; i += 2) {
          float[] a = GraphRunner.values((TFloat32) out.get(i));
          float[] b = GraphRunner.values((TFloat32) out.get(i + 1));
          assertEquals(a.length, b.length);
          for (int j = 0; j < a.length; j++) {
            assertEquals(a[j], b[j], 1e-5 + 1e-5 * Math.abs(a[j]), List.of("y", "dx", "dw").get(i / 2) + "[" + j + "]");
          }
        }
      }
    }
  }
}
