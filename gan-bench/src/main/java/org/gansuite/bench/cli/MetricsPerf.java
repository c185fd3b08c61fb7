package org.gansuite.bench.cli;

import java.io.PrintWriter;
import java.util.SplittableRandom;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.Clarity;
import org.gansuite.metrics.FeatureMatrix;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.Fid;
import org.gansuite.metrics.PsnrSsim;

/** Metric throughput on seeded random inputs: the cost of scoring, next to the cost of training. */
final class MetricsPerf {

  private MetricsPerf() {}

  static void print(PrintWriter out, ComputeDevice dev) {
    var rng = new SplittableRandom(11);
    var shape = new ImageShape(64, 64, 3);
    int n = 2000;
    byte[] a = new byte[n * shape.pixels()];
    byte[] b = new byte[n * shape.pixels()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) rng.nextInt(256);
      b[i] = (byte) (a[i] + rng.nextInt(16));
    }
    var clarity = new Clarity();
    try (var psnrSsim = new PsnrSsim(dev)) {
      clarity.sums(shape, java.util.Arrays.copyOf(a, 100 * shape.pixels()), 100);
      long t0 = System.nanoTime();
      clarity.sums(shape, a, n);
      double sc = (System.nanoTime() - t0) / 1e9;
      psnrSsim.values(shape, java.util.Arrays.copyOf(a, 100 * shape.pixels()),
          java.util.Arrays.copyOf(b, 100 * shape.pixels()), 100);
      t0 = System.nanoTime();
      psnrSsim.values(shape, a, b, n);
      double sp = (System.nanoTime() - t0) / 1e9;
      out.printf("metric %-32s %10.0f images/s%n", "clarity, every reading (64x64x3)", n / sc);
      out.printf("metric %-32s %10.0f pairs/s%n", "PSNR + SSIM (64x64x3)", n / sp);
    }
    int rows = 4096;
    int dim = 2048;
    double[] f = new double[rows * dim];
    double[] g = new double[rows * dim];
    for (int i = 0; i < f.length; i++) {
      f[i] = rng.nextGaussian();
      g[i] = rng.nextGaussian() * 1.1 + 0.05;
    }
    long t0 = System.nanoTime();
    var sf = FeatureStats.of(new FeatureMatrix(rows, dim, f), dev);
    var sg = FeatureStats.of(new FeatureMatrix(rows, dim, g), dev);
    double stats = (System.nanoTime() - t0) / 2e9;
    t0 = System.nanoTime();
    Fid.compute(sf, sg);
    double fid = (System.nanoTime() - t0) / 1e9;
    out.printf("metric %-32s %10.2f s%n", "mean + covariance, 4096 x 2048", stats);
    out.printf("metric %-32s %10.2f s%n", "FID from two 2048-d statistics", fid);
  }
}
