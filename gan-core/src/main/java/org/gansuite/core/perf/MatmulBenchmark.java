package org.gansuite.core.perf;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.MixedPrecision;
import org.gansuite.core.device.Precision;
import org.gansuite.core.UserError;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;

/**
 * The machine's large-matmul rate through TensorFlow: the reference against which training
 * throughput is judged. An n x n by n x n product is 2 n^3 FLOPs; the median of the timed runs.
 * Below float32 the product is the float32 graph under the precision's mixed-precision pass, as
 * training graphs run (the casts of the inputs, 2 n^2 values, are timed too).
 */
public final class MatmulBenchmark {

  /** A rate and what the mixed-precision pass did to the graph that reached it. */
  public record Rate(double gflops, MixedPrecision.Rewrite rewrite) {}

  private MatmulBenchmark() {}

  /** GFLOP/s of an n x n float32 matmul (inputs held in variables, so no feeding is timed). */
  public static double gflops(int n, int runs, ComputeDevice device, int threads) {
    return measure(n, runs, device, threads, Precision.FP32).gflops();
  }

  /**
   * GFLOP/s of an n x n matmul in {@code precision}.
   *
   * @throws UserError when TensorFlow did not run it in that precision
   */
  public static Rate measure(int n, int runs, ComputeDevice device, int threads, Precision precision) {
    try (Graph g = new Graph(); Session s = device.session(g, threads, threads > 0 ? 1 : 0, precision)) {
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
      MixedPrecision.Rewrite rewrite;
      try (org.tensorflow.Result r = s.runner().fetch(c).setOptions(MixedPrecision.TRACE).runAndFetchMetadata()) {
        rewrite = MixedPrecision.observed(r.getMetadata().orElseThrow(), precision);
      }
      MixedPrecision.require(rewrite, device);
      double[] t = new double[runs + 2];
      for (int i = 0; i < t.length; i++) {
        long t0 = System.nanoTime();
        s.runner().fetch(c).run().close();
        t[i] = (System.nanoTime() - t0) / 1e9;
      }
      double[] timed = Arrays.copyOfRange(t, 2, t.length);
      Arrays.sort(timed);
      return new Rate(2.0 * n * n * n / timed[timed.length / 2] / 1e9, rewrite);
    }
  }
}
