package org.gansuite.metrics;

import java.util.SplittableRandom;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;

/**
 * Throughput of the metric graphs (not a test). Run after {@code test-compile} with the test
 * classpath: {@code java -cp ... org.gansuite.metrics.MetricsBenchmark [n_features] [dim] [n_images]}.
 * Prints wall-clock times of the second run of each step (the first warms up the graph).
 */
public final class MetricsBenchmark {

  private MetricsBenchmark() {}

  public static void main(String[] args) {
    int nFeatures = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
    int nImages = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    ComputeDevice device = args.length > 3 ? ComputeDevice.parse(args[3]) : ComputeDevice.AUTO;
    SplittableRandom rng = new SplittableRandom(42);

    FeatureMatrix a = randomFeatures(rng, nFeatures, dim, 0.0);
    FeatureMatrix b = randomFeatures(rng, nFeatures, dim, 0.1);
    FeatureStats.of(a.rowRange(0, Math.min(nFeatures, 3 * dim)), device);
    long t0 = System.nanoTime();
    FeatureStats sa = FeatureStats.of(a, device);
    FeatureStats sb = FeatureStats.of(b, device);
    long t1 = System.nanoTime();
    try (Fid fid = new Fid(device)) {
      fid.value(sa, sb);
      long t2 = System.nanoTime();
      double value = fid.value(sa, sb).fid();
      long t3 = System.nanoTime();
      System.out.printf("stats of 2 x %d x %d features: %.2f s%n", nFeatures, dim, (t1 - t0) / 1e9);
      System.out.printf("FID from two %d-d statistics: %.2f s (fid %.4f)%n", dim, (t3 - t2) / 1e9, value);
      System.out.printf("FID from two %d x %d feature sets (stats + FID): %.2f s%n", nFeatures, dim,
          (t1 - t0 + t3 - t2) / 1e9);
    }
    try (Kid kid = new Kid(device)) {
      Kid.Config cfg = new Kid.Config(10, 1000, 1);
      kid.value(a, b, new Kid.Config(1, 1000, 1));
      long t4 = System.nanoTime();
      kid.value(a, b, cfg);
      System.out.printf("KID, 10 subsets of 1000 x %d: %.2f s%n", dim, (System.nanoTime() - t4) / 1e9);
    }

    ImageShape shape = new ImageShape(64, 64, 3);
    byte[] px = new byte[nImages * shape.pixels()];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) rng.nextInt(256);
    }
    InMemoryDataset images = new InMemoryDataset("bench", shape, px);
    Clarity clarity = new Clarity();
    clarity.sums(new InMemoryDataset("warm", shape, java.util.Arrays.copyOf(px, Math.min(nImages, 256) * shape.pixels())), 256);
    long t5 = System.nanoTime();
    clarity.sums(images, 1024);
    double seconds = (System.nanoTime() - t5) / 1e9;
    System.out.printf("clarity (every definition) of %d 64x64x3 images: %.2f s (%.0f images/s)%n", nImages, seconds,
        nImages / seconds);
    try (PsnrSsim metric = new PsnrSsim(device)) {
      int n = Math.min(nImages, 2000);
      int batch = Math.max(1, Math.min(200, nImages / 2));
      byte[] first = java.util.Arrays.copyOf(px, batch * shape.pixels());
      byte[] second = java.util.Arrays.copyOfRange(px, batch * shape.pixels(), 2 * batch * shape.pixels());
      metric.values(shape, first, second, batch);
      long t6 = System.nanoTime();
      for (int done = 0; done < n; done += batch) {
        metric.values(shape, first, second, batch);
      }
      double s = (System.nanoTime() - t6) / 1e9;
      System.out.printf("PSNR+SSIM of %d 64x64x3 pairs: %.2f s (%.0f pairs/s)%n", n, s, n / s);
    }
  }

  /** Correlated features: a random walk across dimensions, so covariances are not diagonal. */
  private static FeatureMatrix randomFeatures(SplittableRandom rng, int n, int d, double shift) {
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      double walk = 0;
      for (int j = 0; j < d; j++) {
        walk = 0.5 * walk + rng.nextDouble() - 0.5;
        v[i * d + j] = walk + shift;
      }
    }
    return new FeatureMatrix(n, d, v);
  }
}
