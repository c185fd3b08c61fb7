package org.gansuite.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gansuite.core.data.Datasets;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;

/**
 * Clarity's speed and the candidate values of a data set (not a test). Run after {@code
 * test-compile} with the test class path:
 * <pre>
 * java -cp ... org.gansuite.metrics.ClarityBenchmark speed FILE.u8 [repeats] [size]   # size x size x 3 images (default 64), raw HWC bytes
 * java -cp ... org.gansuite.metrics.ClarityBenchmark values DATA_SPEC           # e.g. fashion-mnist-train
 * </pre>
 * {@code src/test/python/clarity_speed.py} writes the raw file and times OpenCV on the same images;
 * {@code src/test/python/clarity_candidates.py} gives the values with OpenCV.
 */
public final class ClarityBenchmark {

  private ClarityBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 2 && args[0].equals("speed")) {
      speed(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 7,
          args.length > 3 ? Integer.parseInt(args[3]) : 64);
    } else if (args.length == 2 && args[0].equals("values")) {
      values(Datasets.open(args[1]));
    } else {
      System.err.println("usage: ClarityBenchmark speed FILE.u8 [repeats] [size] | values DATA_SPEC");
      System.exit(2);
    }
  }

  /**
   * Images/s (wall) and process CPU time per image of the two ways the suite calls clarity on the images of the file:
   * {@code sums(shape, bytes, n)} over all of them in one call (folders, the packed path), and {@code sums(dataset,
   * 100)} over an in-memory data set, 100 images per call as {@code Scoring} evaluates generated images (each image
   * copied into the batch, as every {@code ImageDataset} is read). Each repeat runs whole passes for at least half a
   * second, after two seconds of warm-up; medians over the repeats.
   */
  private static void speed(Path file, int repeats, int size) throws IOException {
    ImageShape shape = new ImageShape(size, size, 3);
    byte[] px = Files.readAllBytes(file);
    if (px.length == 0 || px.length % shape.pixels() != 0) {
      throw new IllegalArgumentException(file + " is not a whole number of " + shape + " images");
    }
    int n = px.length / shape.pixels();
    Clarity clarity = new Clarity();
    var data = new org.gansuite.core.data.InMemoryDataset("clarity-speed", shape, px);
    System.out.printf(Locale.ROOT, "%s, %d images %dx%dx3, %d cores (common pool parallelism %d), %s %s%n", file, n,
        size, size, Runtime.getRuntime().availableProcessors(),
        java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(), System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"));
    double checksum = 0;
    for (boolean suitePath : new boolean[] {false, true}) {
      java.util.function.Supplier<LaplacianSums> pass = suitePath
          ? () -> clarity.sums(data, 100)
          : () -> clarity.sums(shape, px, n);
      long warm = System.nanoTime();
      while (System.nanoTime() - warm < 2_000_000_000L) {
        pass.get();
      }
      double[] rates = new double[repeats];
      double[] cpu = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        long t = System.nanoTime();
        long c = processCpuNanos();
        long images = 0;
        do {
          checksum = pass.get().summary(ClarityDefinition.DEFAULT).mean();
          images += n;
        } while (System.nanoTime() - t < 500_000_000L);
        rates[r] = images / ((System.nanoTime() - t) / 1e9);
        cpu[r] = (processCpuNanos() - c) / 1e3 / images;
      }
      java.util.Arrays.sort(rates);
      java.util.Arrays.sort(cpu);
      System.out.printf(Locale.ROOT, "gansuite clarity, every reading (12), %s: median %.0f images/s (min %.0f, max %.0f), "
          + "median %.2f us CPU per image (mean var of the 4-neighbour Laplacian %.6f)%n",
          suitePath ? "data set read 100 per call" : "one call on packed bytes", rates[repeats / 2], rates[0],
          rates[repeats - 1], cpu[repeats / 2], checksum);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void values(ImageDataset data) {
    long t = System.nanoTime();
    LaplacianSums sums = new Clarity().sums(data, 4096);
    System.out.printf(Locale.ROOT, "%s: %d images %s in %.1f s%n", data.id().name(), data.size(), data.shape(),
        (System.nanoTime() - t) / 1e9);
    sums.summaries().forEach((d, s) -> System.out.printf(Locale.ROOT, "%-14s mean %12.4f  std %12.4f%n", d.key(),
        s.mean(), s.std()));
  }
}
