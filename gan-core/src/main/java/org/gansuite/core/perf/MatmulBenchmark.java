package org.gansuite.core.perf;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gansuite.core.device.ComputeDevice;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;

/**
 * The machine's large-matmul FP32 rate through TensorFlow: the reference against which training
 * throughput is judged. An n x n by n x n product is 2 n^3 FLOPs; the median of the timed runs.
 */
public final class MatmulBenchmark {

  private MatmulBenchmark() {}

  /** GFLOP/s of an n x n float32 matmul (inputs held in variables, so no feeding is timed). */
  public static double gflops(int n, int runs, ComputeDevice device, int threads) {
    try (Graph g = new Graph(); Session s = device.session(g, threads, threads > 0 ? 1 : 0)) {
      Ops tf = device.ops(g);
      var rng = new SplittableRandom(1);
      float[] v = new float[n * n];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) rng.nextDouble();
      }
      var a = tf.variable(tf.withInitScope().constant(Shape.of(n, n), DataBuffers.of(v)));
      var b = tf.variable(tf.withInitScope().constant(Shape.of(n, n), DataBuffers.of(v)));
      // Reduce to a scalar so the fetch does not copy n^2 values out.
      var c = tf.reduceSum(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
      s.initialize();
      double[] t = new double[runs + 2];
      for (int i = 0; i < t.length; i++) {
        long t0 = System.nanoTime();
        s.runner().fetch(c).run().close();
        t[i] = (System.nanoTime() - t0) / 1e9;
      }
      double[] timed = Arrays.copyOfRange(t, 2, t.length);
      Arrays.sort(timed);
      return 2.0 * n * n * n / timed[timed.length / 2] / 1e9;
    }
  }
}
