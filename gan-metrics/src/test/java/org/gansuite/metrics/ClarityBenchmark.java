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
 * java -cp ... org.gansuite.metrics.ClarityBenchmark speed FILE.u8 [repeats]   # 64x64x3 images, raw HWC bytes
 * java -cp ... org.gansuite.metrics.ClarityBenchmark values DATA_SPEC           # e.g. fashion-mnist-train
 * </pre>
 * {@code src/test/python/clarity_speed.py} writes the raw file and times OpenCV on the same images;
 * {@code src/test/python/clarity_candidates.py} gives the values with OpenCV.
 */
public final class ClarityBenchmark {

  private ClarityBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 2 && args[0].equals("speed")) {
      speed(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 7);
    } else if (args.length == 2 && args[0].equals("values")) {
      values(Datasets.open(args[1]));
    } else {
      System.err.println("usage: ClarityBenchmark speed FILE.u8 [repeats] | values DATA_SPEC");
      System.exit(2);
    }
  }

  /** Images/s and process CPU time per image of one call over every image of the file, each repeat; medians last. */
  private static void speed(Path file, int repeats) throws IOException {
    ImageShape shape = new ImageShape(64, 64, 3);
    byte[] px = Files.readAllBytes(file);
    int n = px.length / shape.pixels();
    Clarity clarity = new Clarity();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double[] rates = new double[repeats];
    double[] cpu = new double[repeats];
    double checksum = 0;
    for (int r = 0; r < repeats; r++) {
      long t = System.nanoTime();
      long c = os.getProcessCpuTime();
      LaplacianSums sums = clarity.sums(shape, px, n);
      rates[r] = n / ((System.nanoTime() - t) / 1e9);
      cpu[r] = (os.getProcessCpuTime() - c) / 1e3 / n;
      checksum = sums.summary(ClarityDefinition.DEFAULT).mean();
      System.out.printf(Locale.ROOT, "repeat %d: %.0f images/s, %.1f us CPU per image%n", r, rates[r], cpu[r]);
    }
    java.util.Arrays.sort(rates);
    java.util.Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "gansuite clarity, every reading (12), %d images 64x64x3, %d cores: median %.0f images/s, "
        + "median %.1f us CPU per image (mean var of the 4-neighbour Laplacian %.6f)%n", n,
        Runtime.getRuntime().availableProcessors(), rates[repeats / 2], cpu[repeats / 2], checksum);
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
