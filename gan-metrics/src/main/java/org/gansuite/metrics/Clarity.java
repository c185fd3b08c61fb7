package org.gansuite.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;

/**
 * The paper's clarity (清晰度) under every {@link ClarityDefinition} at once, exactly as OpenCV
 * computes each: RGB becomes 8-bit grey with OpenCV's fixed-point conversion ({@link
 * GreyConversion}, OpenCV 4's by default), the 3x3 kernels run with the reflect-101 border
 * ({@code gfedcb|abcdefgh|gfedcba}, OpenCV's default), and each statistic is taken per image.
 *
 * <p>Plain Java integer arithmetic, not a TensorFlow graph: the responses of 8-bit grey are
 * integers (multiples of 1/6 for the 1-4-1 kernel), so their sums are exact longs and every value
 * is one rounding of an exact quantity, equal to cv2's float64 responses bit for bit and to numpy's
 * reductions of them within ~1e-15. One fused pass per image (grey, three kernels, nine sums) runs
 * on every core: all twelve readings cost 1.0-1.25x the CPU time cv2 spends on one, about three
 * times the rate of the graph it replaces (gan-metrics README, "Speed"). Images are HWC, 0..255,
 * 1 or 3 channels (RGB order), at least 2 x 2.
 */
public final class Clarity {

  /** Pixels summed in int: 64 squares of at most 5100^2 (the 1-4-1 kernel's largest response) stay below 2^31. */
  private static final int SEGMENT = 64;

  private final GreyConversion conversion;

  /** Clarity with OpenCV 4's grey conversion. */
  public Clarity() {
    this(GreyConversion.OPENCV_4);
  }

  public Clarity(GreyConversion conversion) {
    this.conversion = java.util.Objects.requireNonNull(conversion, "conversion");
  }

  public GreyConversion conversion() {
    return conversion;
  }

  /** The sums of {@code count} images of one shape, packed HWC one after another. */
  public LaplacianSums sums(ImageShape shape, byte[] pixels, int count) {
    if ((long) count * shape.pixels() != pixels.length) {
      throw new IllegalArgumentException(count + " images of " + shape + " need "
          + (long) count * shape.pixels() + " bytes, got " + pixels.length);
    }
    long[] out = new long[count * LaplacianSums.STRIDE];
    sumInto(shape, pixels, count, out, 0);
    return new LaplacianSums(out);
  }

  /** The sums of every image of {@code data}, read {@code batchSize} at a time. */
  public LaplacianSums sums(ImageDataset data, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    int n = data.size();
    int per = data.shape().pixels();
    long[] out = new long[n * LaplacianSums.STRIDE];
    byte[] batch = new byte[Math.min(batchSize, n) * per];
    for (int start = 0; start < n; start += batchSize) {
      int count = Math.min(batchSize, n - start);
      for (int i = 0; i < count; i++) {
        data.read(start + i, batch, i * per);
      }
      sumInto(data.shape(), batch, count, out, start);
    }
    return new LaplacianSums(out);
  }

  /** Clarity of {@code count} images of one shape under one definition. */
  public double[] values(ImageShape shape, byte[] pixels, int count, ClarityDefinition d) {
    return sums(shape, pixels, count).values(d);
  }

  /** Mean, std, min and max clarity of a data set under the default definition. */
  public static Summary of(ImageDataset data) {
    return new Clarity().sums(data, 1024).summary(ClarityDefinition.DEFAULT);
  }

  /** Per-image clarity of the PNG/JPEG images of {@code folder} under every definition. */
  public static ImageFolderScores.ClarityScores ofFolder(Path folder) throws IOException {
    return ImageFolderScores.clarity(folder);
  }

  /**
   * Sums the first {@code count} images of {@code pixels} into {@code out} from image {@code first} on. Images are split into
   * contiguous parts, a few per core; each image's sums are integers, so the result does not
   * depend on the split.
   */
  void sumInto(ImageShape shape, byte[] pixels, int count, long[] out, int first) {
    if (shape.height() < 2 || shape.width() < 2) {
      throw new IllegalArgumentException("clarity needs images of at least 2 x 2 pixels, got " + shape);
    }
    int parts = Math.max(1, Math.min(count, 4 * ForkJoinPool.getCommonPoolParallelism()));
    IntStream.range(0, parts).parallel().forEach(p -> {
      int[] grey = new int[(shape.height() + 2) * (shape.width() + 2)];
      int to = (int) ((long) count * (p + 1) / parts);
      for (int i = (int) ((long) count * p / parts); i < to; i++) {
        sumImage(shape, pixels, i * shape.pixels(), grey, out, (first + i) * LaplacianSums.STRIDE);
      }
    });
  }

  /**
   * One image: grey values into {@code g} with a one-pixel reflect-101 frame, then the three
   * kernels' responses from the centre, the sum of the 4 edge neighbours and the sum of the 4
   * corner neighbours, summed into {@code out[at..]} in {@link LaplacianSums}' layout.
   */
  private void sumImage(ImageShape s, byte[] px, int offset, int[] g, long[] out, int at) {
    int h = s.height();
    int w = s.width();
    int pw = w + 2;
    if (s.channels() == 1) {
      for (int y = 0; y < h; y++) {
        int src = offset + y * w;
        int dst = (y + 1) * pw + 1;
        for (int x = 0; x < w; x++) {
          g[dst + x] = px[src + x] & 0xFF;
        }
      }
    } else {
      int[] wt = conversion.weights();
      int wr = wt[0];
      int wg = wt[1];
      int wb = wt[2];
      int shift = conversion.shift();
      int half = 1 << (shift - 1);
      for (int y = 0; y < h; y++) {
        int src = offset + 3 * y * w;
        int dst = (y + 1) * pw + 1;
        for (int x = 0; x < w; x++) {
          int o = src + 3 * x;
          g[dst + x] = ((px[o] & 0xFF) * wr + (px[o + 1] & 0xFF) * wg + (px[o + 2] & 0xFF) * wb + half) >> shift;
        }
      }
    }
    // Reflect-101: column -1 is column 1 and column w is column w-2; then whole rows likewise,
    // which fills the corners as OpenCV does (each axis reflected on its own).
    for (int y = 1; y <= h; y++) {
      g[y * pw] = g[y * pw + 2];
      g[y * pw + w + 1] = g[y * pw + w - 1];
    }
    System.arraycopy(g, 2 * pw, g, 0, pw);
    System.arraycopy(g, (h - 1) * pw, g, (h + 1) * pw, pw);

    var k = ClarityDefinition.Kernel.values();
    int c0 = k[0].centre(), x0 = k[0].cross(), d0 = k[0].diagonal();
    int c1 = k[1].centre(), x1 = k[1].cross(), d1 = k[1].diagonal();
    int c2 = k[2].centre(), x2 = k[2].cross(), d2 = k[2].diagonal();
    long s0 = 0, q0 = 0, a0 = 0, s1 = 0, q1 = 0, a1 = 0, s2 = 0, q2 = 0, a2 = 0;
    for (int y = 1; y <= h; y++) {
      int row = y * pw;
      // Segments of SEGMENT pixels keep the inner sums in int (a square is at most 5100^2); they go
      // into longs between segments.
      for (int from = row + 1; from <= row + w; from += SEGMENT) {
        int to = Math.min(row + w, from + SEGMENT - 1);
        // Sliding window: each step loads only the next column (up, centre, down); the edge sum is
        // the vertical pair plus left and right, the corner sum the two side columns minus left and right.
        int left = g[from - 1];
        int centre = g[from];
        int sideL = g[from - 1 - pw] + g[from - 1 + pw];
        int pair = g[from - pw] + g[from + pw];
        int is0 = 0, iq0 = 0, ia0 = 0, is1 = 0, iq1 = 0, ia1 = 0, is2 = 0, iq2 = 0, ia2 = 0;
        for (int i = from; i <= to; i++) {
          int right = g[i + 1];
          int sideR = g[i + 1 - pw] + g[i + 1 + pw];
          int cross = pair + left + right;
          int diagonal = sideL + sideR;
          int l0 = c0 * centre + x0 * cross + d0 * diagonal;
          int l1 = c1 * centre + x1 * cross + d1 * diagonal;
          int l2 = c2 * centre + x2 * cross + d2 * diagonal;
          is0 += l0;
          iq0 += l0 * l0;
          ia0 += Math.abs(l0);
          is1 += l1;
          iq1 += l1 * l1;
          ia1 += Math.abs(l1);
          is2 += l2;
          iq2 += l2 * l2;
          ia2 += Math.abs(l2);
          left = centre;
          centre = right;
          sideL = pair;
          pair = sideR;
        }
        s0 += is0;
        q0 += iq0;
        a0 += ia0;
        s1 += is1;
        q1 += iq1;
        a1 += ia1;
        s2 += is2;
        q2 += iq2;
        a2 += ia2;
      }
    }
    out[at] = (long) h * w;
    long[] block = {s0, q0, a0, s1, q1, a1, s2, q2, a2};
    System.arraycopy(block, 0, out, at + 1, block.length);
  }
}
