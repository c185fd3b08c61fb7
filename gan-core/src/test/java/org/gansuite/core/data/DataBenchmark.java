package org.gansuite.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import org.gansuite.core.image.ImageDecoder;

/**
 * Throughput of data preparation and of streaming an epoch, on generated data: 50,000 CIFAR-10
 * records in five published-size batch files, and 5,000 CelebA-sized JPEGs (178x218, quality 90)
 * prepared with the CelebA crop and Lanczos resize. Not a unit test (not run by {@code mvn test}):
 *
 * <pre>
 * mvn -q -o -pl gan-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.gansuite.core.data.DataBenchmark [-Dexec.args="THREADS"]
 * </pre>
 */
public final class DataBenchmark {

  private static final int BATCH = 64;

  private DataBenchmark() {}

  public static void main(String[] args) throws IOException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
    Path root = Files.createTempDirectory("gansuite-data-bench");
    try {
      System.out.printf(Locale.ROOT, "threads=%d, %s, Java %s%n", threads, System.getProperty("os.arch"),
          System.getProperty("java.version"));
      DataCache cache = new DataCache(root.resolve("cache"), DataCache.Verify.AUTO, threads);

      Path cifar = DataFiles.cifarTrain(root.resolve("cifar"), 10_000);
      CifarSource cifarSource = new CifarSource(cifar, CifarSplit.TRAIN);
      long t0 = System.nanoTime();
      ImageDataset cifarData = cache.open(cifarSource);
      report("CIFAR-10 cache preparation (50,000 records)", cifarData.size(), t0);
      t0 = System.nanoTime();
      cache.open(new CifarSource(cifar, CifarSplit.TRAIN));
      report("CIFAR-10 reopen of a fresh cache (full SHA-256 check)", cifarData.size(), t0);
      epoch("CIFAR-10", cifarData);

      Path jpegs = writeJpegs(root.resolve("img_align_celeba"), 5_000);
      FolderSource folder = new FolderSource(jpegs, "celeba-64", FolderOptions.CELEBA);
      decoderComparison(folder.files().subList(0, 500));
      t0 = System.nanoTime();
      ImageDataset celeba = cache.open(folder);
      report("JPEG folder cache preparation (5,000 x 178x218 -> crop 108, Lanczos 64)", celeba.size(), t0);
      epoch("JPEG folder", celeba);
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** One sequential epoch in batches of 64: raw bytes, then bytes plus the [-1, 1] float mapping. */
  private static void epoch(String name, ImageDataset data) {
    int n = data.shape().pixels();
    byte[] batch = new byte[BATCH * n];
    float[] floats = new float[BATCH * n];
    for (boolean convert : new boolean[] {false, true}) {
      long t0 = System.nanoTime();
      long maxBatchNanos = 0;
      long checksum = 0;
      for (int start = 0; start < data.size(); start += BATCH) {
        long b0 = System.nanoTime();
        int count = Math.min(BATCH, data.size() - start);
        for (int i = 0; i < count; i++) {
          data.read(start + i, batch, i * n);
        }
        if (convert) {
          Pixels.toUnit(batch, 0, floats, 0, count * n);
          checksum += (long) floats[0];
        }
        checksum += batch[0];
        maxBatchNanos = Math.max(maxBatchNanos, System.nanoTime() - b0);
      }
      report(name + " epoch, batches of 64" + (convert ? " + float [-1,1]" : "") + " (slowest batch "
          + String.format(Locale.ROOT, "%.3f ms", maxBatchNanos / 1e6) + ", checksum " + checksum + ")",
          data.size(), t0);
    }
  }

  private static void decoderComparison(List<Path> files) throws IOException {
    long t0 = System.nanoTime();
    for (Path f : files) {
      ImageDecoder.read(f);
    }
    report("  decode only, Commons Imaging, 1 thread", files.size(), t0);
    t0 = System.nanoTime();
    for (Path f : files) {
      ImageIO.read(f.toFile());
    }
    report("  decode only, JDK ImageIO, 1 thread", files.size(), t0);
  }

  private static Path writeJpegs(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.9f);
    BufferedImage image = new BufferedImage(178, 218, BufferedImage.TYPE_INT_RGB);
    long t0 = System.nanoTime();
    for (int k = 0; k < count; k++) {
      for (int y = 0; y < 218; y++) {
        for (int x = 0; x < 178; x++) {
          // Smooth gradients plus a per-image phase: compresses like a photograph, not like noise.
          int r = (x + k) & 0xFF;
          int g = (y * 2 + k * 3) & 0xFF;
          int b = ((x * y) / 64 + k * 7) & 0xFF;
          image.setRGB(x, y, (r << 16) | (g << 8) | b);
        }
      }
      try (ImageOutputStream out = ImageIO.createImageOutputStream(dir.resolve(String.format("%06d.jpg", k + 1)).toFile())) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(image, null, null), param);
      }
    }
    writer.dispose();
    report("  (writing the JPEGs with ImageIO)", count, t0);
    return dir;
  }

  private static void report(String what, int images, long startNanos) {
    double s = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(Locale.ROOT, "%-100s %8.3f s %12.0f images/s%n", what, s, images / s);
  }
}
