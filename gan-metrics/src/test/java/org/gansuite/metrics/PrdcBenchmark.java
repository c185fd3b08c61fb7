package org.gansuite.metrics;

import org.gansuite.core.device.ComputeDevice;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.SplittableRandom;

/**
 * Time and memory of {@link Prdc} (not a test). Run after {@code test-compile} with the test class
 * path: {@code java -Xmx2g -cp ... org.gansuite.metrics.PrdcBenchmark [n] [dim] [k] [block] [device]}.
 * Two sets of n non-negative, correlated features (as Inception's pool_3 after ReLU-like pooling),
 * both from one distribution; prints the wall time and the peak Java heap.
 */
public final class PrdcBenchmark {

  private PrdcBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : Prdc.DEFAULT_NEAREST_K;
    int block = args.length > 3 ? Integer.parseInt(args[3]) : Prdc.DEFAULT_BLOCK;
    ComputeDevice device = args.length > 4 ? ComputeDevice.parse(args[4]) : ComputeDevice.AUTO;
    SplittableRandom rng = new SplittableRandom(42);
    FeatureMatrix real = features(rng, n, dim, 1.0, 0.0);
    FeatureMatrix fake = features(rng, n, dim, 1.0, 0.0);
    try (Prdc prdc = new Prdc(device, block)) {
      prdc.value(real.rowRange(0, Math.min(n, 200)), fake.rowRange(0, Math.min(n, 200)), k);
      long t0 = System.nanoTime();
      Prdc.Value v = prdc.value(real, fake, k);
      double s = (System.nanoTime() - t0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("PRDC of 2 x %d x %d features, k %d, block %d: %.1f s; %s%n", n, dim, k, block, s, v);
      System.out.printf("peak Java heap (features %d MB included): %d MB%n",
          2L * n * dim * 8 / (1 << 20), peak / (1 << 20));
    }
  }

  private static FeatureMatrix features(SplittableRandom rng, int n, int d, double scale, double shift) {
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      double walk = 0;
      for (int j = 0; j < d; j++) {
        walk = 0.5 * walk + rng.nextDouble() - 0.5;
        v[i * d + j] = Math.max(0, scale * walk + 0.3 + shift);
      }
    }
    return new FeatureMatrix(n, d, v);
  }
}
