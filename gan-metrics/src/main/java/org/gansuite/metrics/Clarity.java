package org.gansuite.metrics;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * reductions of them within ~1e-15. One pass gives all twelve readings: grey rows made as it
 * reaches them, the three kernels and their nine sums, over several images side by side in int
 * loops that HotSpot vectorises, on every core; it outruns OpenCV computing the default reading
 * alone (gan-metrics README, "Speed"). Images are HWC, 0..255, 1 or 3 channels (RGB order), at
 * least 2 x 2.
 */
public final class Clarity {

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
   * contiguous parts, a few per core, each with its own working arrays; each image's sums are
   * integers, so the result does not depend on the split.
   */
  void sumInto(ImageShape shape, byte[] pixels, int count, long[] out, int first) {
    if (shape.height() < 2 || shape.width() < 2) {
      throw new IllegalArgumentException("clarity needs images of at least 2 x 2 pixels, got " + shape);
    }
    int parts = Math.max(1, Math.min(count, 4 * ForkJoinPool.getCommonPoolParallelism()));
    IntStream.range(0, parts).parallel().forEach(p -> {
      int from = (int) ((long) count * p / parts);
      int to = (int) ((long) count * (p + 1) / parts);
      Tile tile = new Tile(shape, conversion, to - from);
      for (int i = from; i < to; i += tile.images) {
        int n = Math.min(tile.images, to - i);
        tile.sum(pixels, i * shape.pixels(), n, out, (first + i) * LaplacianSums.STRIDE);
      }
    });
  }

  /**
   * The working arrays of one thread, and the pass over up to {@link #images} images of one shape
   * at a time, laid side by side: row y of the tile is row y of each image with its own one-pixel
   * reflect-101 frame (column -1 is column 1, column w is column w-2), {@code images * (w + 2)}
   * values, so that every loop of the pass runs over a few hundred values rather than one image's
   * 32 or 64. Grey rows are made as the pass reaches them, three at a time in a ring, each with its
   * horizontal neighbour sums {@code hp[i] = grey[i-1] + grey[i+1]}; rows -1 and h are rows 1 and
   * h-2 (reflect-101, which fills the corners as OpenCV does).
   *
   * <p>Row by row, short straight loops over int arrays that all read and write element i (no
   * branch, no value carried from one element to the next, no shifted index), which HotSpot's C2
   * compiles to AVX2 vector instructions (HotSpot 17 leaves a loop scalar when its arrays are read
   * at different offsets, hence the separate {@code hp} rows, or when one loop touches ten arrays,
   * hence four loops): e = the 4 edge neighbours - 4 centre and f = the
   * 4 corner neighbours - 4 centre, from which the three kernels' responses are e (4), e + f (8)
   * and 4e + f (1-4-1, times 6); and per column int sums of e and f and of the squares and absolute
   * values of the three responses. Every {@link #ROWS} rows and at the end, each image's columns go
   * into its long sums. The frame columns get values too (from the neighbouring image); they are
   * never summed.
   */
  private static final class Tile {

    /**
     * Rows added into the int column sums between two drains into longs: a column's sum of
     * squares of the 1-4-1 kernel's response (at most 5100^2 each) stays below 2^31 for up to 82 rows.
     */
    static final int ROWS = 64;

    /** Values per tile row that it fills with images (at least one image). */
    static final int ROW_TARGET = 256;

    static {
      // The kernels' weights are written out in the pass below; this pins them to the definitions.
      var k = ClarityDefinition.Kernel.values();
      if (k.length != 3
          || k[0].centre() != -4 || k[0].cross() != 1 || k[0].diagonal() != 0
          || k[1].centre() != -8 || k[1].cross() != 1 || k[1].diagonal() != 1
          || k[2].centre() != -20 || k[2].cross() != 4 || k[2].diagonal() != 1) {
        throw new AssertionError("Clarity's pass does not match ClarityDefinition.Kernel");
      }
    }

    /** Bytes 0 and 3 of a long: one channel of two adjacent RGB pixels. */
    private static final long LANES = 0xFF0000FFL;

    private static final VarHandle LITTLE_ENDIAN_LONG =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Images per tile. */
    final int images;
    private final int h;
    private final int w;
    private final int pw;
    private final int channels;
    private final int wr;
    private final int wg;
    private final int wb;
    private final int shift;
    /** Grey rows y-1, y, y+1 at y % 3, and their horizontal neighbour sums. */
    private final int[][] grey = new int[3][];
    private final int[][] hp = new int[3][];
    private final int[] shifted;
    private final int[] pairs;
    private final int[] e;
    private final int[] f;
    private final int[] sumE;
    private final int[] sumF;
    private final int[] sq0;
    private final int[] abs0;
    private final int[] sq1;
    private final int[] abs1;
    private final int[] sq2;
    private final int[] abs2;
    /** Per image of the tile: sum of e, of f, then squares and absolute values of each kernel. */
    private final long[] total;

    Tile(ImageShape shape, GreyConversion conversion, int maxImages) {
      h = shape.height();
      w = shape.width();
      pw = w + 2;
      images = Math.max(1, Math.min(maxImages, ROW_TARGET / pw));
      int stride = images * pw;
      channels = shape.channels();
      int[] wt = conversion.weights();
      wr = wt[0];
      wg = wt[1];
      wb = wt[2];
      shift = conversion.shift();
      for (int r = 0; r < 3; r++) {
        grey[r] = new int[stride];
        hp[r] = new int[stride];
      }
      shifted = new int[stride];
      pairs = new int[stride];
      e = new int[stride];
      f = new int[stride];
      sumE = new int[stride];
      sumF = new int[stride];
      sq0 = new int[stride];
      abs0 = new int[stride];
      sq1 = new int[stride];
      abs1 = new int[stride];
      sq2 = new int[stride];
      abs2 = new int[stride];
      total = new long[images * 8];
    }

    /** {@code n} (at most {@link #images}) images from {@code px[offset..]} into {@code out[at..]}, one block each. */
    void sum(byte[] px, int offset, int n, long[] out, int at) {
      int len = n * pw;
      java.util.Arrays.fill(total, 0);
      greyRow(px, offset, n, 0);
      greyRow(px, offset, n, 1);
      for (int y = 0; y < h; y++) {
        if (y > 0 && y + 1 < h) {
          greyRow(px, offset, n, y + 1);
        }
        int up = (y == 0 ? 1 : y - 1) % 3;
        int down = (y == h - 1 ? h - 2 : y + 1) % 3;
        row(grey[up], grey[y % 3], grey[down], hp[up], hp[y % 3], hp[down], len);
        if ((y + 1) % ROWS == 0 || y == h - 1) {
          drain(n);
        }
      }
      for (int j = 0; j < n; j++) {
        int t = 8 * j;
        int o = at + j * LaplacianSums.STRIDE;
        long se = total[t];
        long sf = total[t + 1];
        out[o] = (long) h * w;
        out[o + 1] = se;
        out[o + 2] = total[t + 2];
        out[o + 3] = total[t + 3];
        out[o + 4] = se + sf;
        out[o + 5] = total[t + 4];
        out[o + 6] = total[t + 5];
        out[o + 7] = 4 * se + sf;
        out[o + 8] = total[t + 6];
        out[o + 9] = total[t + 7];
      }
    }

    /** The responses of one tile row from its grey rows and neighbour sums, into the column sums. */
    private void row(int[] up, int[] mid, int[] down, int[] hpUp, int[] hpMid, int[] hpDown, int len) {
      int[] e = this.e;
      int[] f = this.f;
      for (int i = 0; i < len; i++) {
        e[i] = up[i] + down[i] + hpMid[i] - 4 * mid[i];
      }
      for (int i = 0; i < len; i++) {
        f[i] = hpUp[i] + hpDown[i] - 4 * mid[i];
      }
      int[] sumE = this.sumE;
      int[] sumF = this.sumF;
      int[] sq0 = this.sq0;
      int[] abs0 = this.abs0;
      for (int i = 0; i < len; i++) {
        int l = e[i];
        sumE[i] += l;
        sq0[i] += l * l;
        abs0[i] += Math.abs(l);
        sumF[i] += f[i];
      }
      int[] sq1 = this.sq1;
      int[] abs1 = this.abs1;
      int[] sq2 = this.sq2;
      int[] abs2 = this.abs2;
      for (int i = 0; i < len; i++) {
        int l1 = e[i] + f[i];
        int l2 = 4 * e[i] + f[i];
        sq1[i] += l1 * l1;
        abs1[i] += Math.abs(l1);
        sq2[i] += l2 * l2;
        abs2[i] += Math.abs(l2);
      }
    }

    /** Adds each image's columns of the eight column sums into its longs and zeroes the column sums. */
    private void drain(int n) {
      int[][] sums = {sumE, sumF, sq0, abs0, sq1, abs1, sq2, abs2};
      for (int k = 0; k < sums.length; k++) {
        int[] a = sums[k];
        for (int j = 0; j < n; j++) {
          long t = 0;
          for (int i = j * pw + 1, last = j * pw + w; i <= last; i++) {
            t += a[i];
          }
          total[8 * j + k] += t;
        }
        java.util.Arrays.fill(a, 0, n * pw, 0);
      }
    }

    /**
     * Row {@code y} of the {@code n} images from {@code px[offset..]} as grey values into ring
     * slot y % 3, each image's with its reflect-101 columns, then the slot's neighbour sums.
     */
    private void greyRow(byte[] px, int offset, int n, int y) {
      int[] g = grey[y % 3];
      int perImage = h * w * channels;
      long wr = this.wr;
      long wg = this.wg;
      long wb = this.wb;
      int shift = this.shift;
      int half = 1 << (shift - 1);
      long halves = half | (long) half << 24;
      for (int j = 0; j < n; j++) {
        int src = offset + j * perImage + y * w * channels;
        int dst = j * pw + 1;
        if (channels == 1) {
          for (int x = 0; x < w; x++) {
            g[dst + x] = px[src + x] & 0xFF;
          }
        } else {
          // Two pixels per 8-byte read, R0 G0 B0 R1 G1 B1 . . (little-endian): each channel's two
          // bytes masked into lanes 24 bits apart, so that three multiplications weigh both pixels;
          // a lane's weighted sum (below 2^23) never reaches the next. Pairs while the read stays
          // inside px, then one pixel at a time.
          int room = px.length - 8 - src;
          int pairEnd = room < 0 ? 0 : Math.min(w & ~1, room / 3 + 1);
          int x = 0;
          for (; x < pairEnd; x += 2) {
            long p = (long) LITTLE_ENDIAN_LONG.get(px, src + 3 * x);
            long s = (p & LANES) * wr + (p >>> 8 & LANES) * wg + (p >>> 16 & LANES) * wb + halves;
            g[dst + x] = (int) (s >>> shift) & 0xFF;
            g[dst + x + 1] = (int) (s >>> (24 + shift)) & 0xFF;
          }
          for (; x < w; x++) {
            int o = src + 3 * x;
            g[dst + x] = (int) (((px[o] & 0xFF) * wr + (px[o + 1] & 0xFF) * wg + (px[o + 2] & 0xFF) * wb + half) >> shift);
          }
        }
        g[dst - 1] = g[dst + 1];
        g[dst + w] = g[dst + w - 2];
      }
      // hp[i] = g[i-1] + g[i+1] for 1 <= i <= len-2, as pairs[j] = g[j] + g[j+2] moved one place on:
      // every loop reads and writes the same index.
      int len = n * pw;
      int[] shifted = this.shifted;
      int[] pairs = this.pairs;
      System.arraycopy(g, 2, shifted, 0, len - 2);
      for (int i = 0; i < len - 2; i++) {
        pairs[i] = g[i] + shifted[i];
      }
      System.arraycopy(pairs, 0, hp[y % 3], 1, len - 2);
    }
  }
}
