package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.metrics.ClarityDefinition.Kernel;
import org.junit.jupiter.api.Test;

/**
 * {@link Clarity}'s exact integer sums (its tiled, vectorised pass) against a plain transcription of
 * the definition, compared as integers: grey by {@link GreyConversion#grey}, each kernel's 3 x 3
 * weights over the reflect-101 grey image pixel by pixel, sum, squares and absolute values in
 * longs. Random images of random shapes and batches, the smallest and odd shapes, shapes that put
 * one image per tile or drain the column sums mid-image, and the largest responses (0/255 patterns,
 * all 255) on images tall enough to overflow an int column sum that was not drained.
 */
class ClarityExactTest {

  /** The sums of one image, in {@link LaplacianSums}' layout, the plain way. */
  static long[] plainSums(ImageShape s, byte[] px, int offset, GreyConversion c) {
    int h = s.height();
    int w = s.width();
    int[] g = new int[h * w];
    for (int i = 0; i < h * w; i++) {
      int o = offset + i * s.channels();
      g[i] = s.channels() == 1 ? px[o] & 0xFF : c.grey(px[o] & 0xFF, px[o + 1] & 0xFF, px[o + 2] & 0xFF);
    }
    long[] out = new long[LaplacianSums.STRIDE];
    out[0] = (long) h * w;
    for (Kernel k : Kernel.values()) {
      int[][] wt = k.weights();
      int at = 1 + 3 * k.ordinal();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          long r = 0;
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              r += wt[dy + 1][dx + 1] * g[reflect101(y + dy, h) * w + reflect101(x + dx, w)];
            }
          }
          out[at] += r;
          out[at + 1] += r * r;
          out[at + 2] += Math.abs(r);
        }
      }
    }
    return out;
  }

  private static int reflect101(int i, int n) {
    return i < 0 ? -i : i >= n ? 2 * n - 2 - i : i;
  }

  /** Clarity's sums of {@code count} images against the plain ones, through both entry points. */
  private static void check(ImageShape shape, byte[] px, int count, GreyConversion c, String what) {
    long[] expected = new long[count * LaplacianSums.STRIDE];
    for (int i = 0; i < count; i++) {
      System.arraycopy(plainSums(shape, px, i * shape.pixels(), c), 0, expected, i * LaplacianSums.STRIDE,
          LaplacianSums.STRIDE);
    }
    Clarity clarity = new Clarity(c);
    // Written after two blocks of other images, as a data set's later batches are.
    long[] out = new long[(count + 2) * LaplacianSums.STRIDE];
    Arrays.fill(out, -7);
    clarity.sumInto(shape, px, count, out, 2);
    assertArrayEquals(expected, Arrays.copyOfRange(out, 2 * LaplacianSums.STRIDE, out.length),
        what + " " + shape + " x " + count + " " + c);
    assertTrue(Arrays.stream(out, 0, 2 * LaplacianSums.STRIDE).allMatch(v -> v == -7), what + ": wrote before its block");
    LaplacianSums sums = clarity.sums(new InMemoryDataset("exact", shape, px), 1 + count / 3);
    for (ClarityDefinition d : ClarityDefinition.ALL) {
      for (int i = 0; i < count; i++) {
        long[] e = Arrays.copyOfRange(expected, i * LaplacianSums.STRIDE, (i + 1) * LaplacianSums.STRIDE);
        int k = 1 + 3 * d.kernel().ordinal();
        double value = d.statistic().of(e[0], e[k], e[k + 1], e[k + 2], d.kernel().divisor());
        if (Double.compare(value, sums.value(i, d)) != 0) {
          throw new AssertionError(what + " " + shape + " image " + i + " " + d + ": " + sums.value(i, d) + " vs " + value);
        }
      }
    }
  }

  private static byte[] random(SplittableRandom rng, ImageShape shape, int count) {
    byte[] px = new byte[count * shape.pixels()];
    int kind = rng.nextInt(6);
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) switch (kind) {
        case 0, 1 -> rng.nextInt(256);
        case 2 -> rng.nextBoolean() ? 255 : 0; // the largest responses, at random
        case 3 -> 255 - rng.nextInt(3); // near-white
        case 4 -> rng.nextInt(100) < 3 ? 255 : 0; // sparse dots
        default -> (i / shape.channels()) % 7 * 40; // stripes
      };
    }
    return px;
  }

  @Test
  void randomImagesOfRandomShapesEqualThePlainSums() {
    SplittableRandom rng = new SplittableRandom(20261130);
    for (int trial = 0; trial < 300; trial++) {
      int h = 2 + (rng.nextInt(4) == 0 ? rng.nextInt(3) : rng.nextInt(50));
      int w = 2 + (rng.nextInt(4) == 0 ? rng.nextInt(3) : rng.nextInt(80));
      ImageShape shape = new ImageShape(h, w, rng.nextBoolean() ? 3 : 1);
      int count = 1 + rng.nextInt(rng.nextBoolean() ? 3 : 40);
      GreyConversion c = rng.nextInt(4) == 0 ? GreyConversion.OPENCV_14BIT : GreyConversion.OPENCV_4;
      check(shape, random(rng, shape, count), count, c, "trial " + trial);
    }
  }

  @Test
  void smallestOddAndWideShapes() {
    SplittableRandom rng = new SplittableRandom(5);
    int[][] shapes = {{2, 2}, {2, 3}, {3, 2}, {3, 3}, {2, 97}, {97, 2}, {5, 7}, {7, 5}, {31, 33}, {63, 65},
        {65, 63}, {1 + 2 * 127, 3}, {4, 254}, {4, 255}, {3, 300}, {2, 1000}};
    for (int[] hw : shapes) {
      for (int channels : new int[] {1, 3}) {
        ImageShape shape = new ImageShape(hw[0], hw[1], channels);
        int count = 1 + rng.nextInt(20);
        check(shape, random(rng, shape, count), count, GreyConversion.OPENCV_4, "shape");
      }
    }
  }

  /** Heights around the drains of the int column sums (every 64 rows), with the largest responses. */
  @Test
  void tallImagesWithTheLargestResponsesStayExact() {
    for (int h : new int[] {63, 64, 65, 127, 128, 129, 300}) {
      ImageShape grey = new ImageShape(h, 9, 1);
      byte[] dots = new byte[3 * grey.pixels()];
      byte[] checker = new byte[3 * grey.pixels()];
      for (int i = 0; i < 3; i++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < 9; x++) {
            int o = i * grey.pixels() + y * 9 + x;
            // A 255 dot on every other pixel of every other row: 1-4-1 response -5100 (its extreme) there.
            dots[o] = (byte) (y % 2 == 0 && x % 2 == 0 ? 255 : 0);
            checker[o] = (byte) ((x + y + i) % 2 == 0 ? 255 : 0);
          }
        }
      }
      check(grey, dots, 3, GreyConversion.OPENCV_4, "dots");
      check(grey, checker, 3, GreyConversion.OPENCV_4, "checkerboard");
      // In a column of dots the 1-4-1 responses alternate -5100 and 2040: the int sum of their
      // squares passes 2^31 after about 140 rows unless drained, as at 300. All 255: the grey
      // conversion's largest sums (the Laplacian is 0).
      ImageShape rgb = new ImageShape(h, 9, 3);
      byte[] white = new byte[2 * rgb.pixels()];
      Arrays.fill(white, (byte) 255);
      check(rgb, white, 2, GreyConversion.OPENCV_4, "all 255");
      byte[] rgbDots = new byte[2 * rgb.pixels()];
      for (int i = 0; i < rgbDots.length; i += 3) {
        int p = (i / 3) % (h * 9);
        int y = p / 9;
        int x = p % 9;
        byte v = (byte) (y % 2 == 0 && x % 2 == 0 ? 255 : 0);
        rgbDots[i] = v;
        rgbDots[i + 1] = v;
        rgbDots[i + 2] = v;
      }
      check(rgb, rgbDots, 2, GreyConversion.OPENCV_14BIT, "white dots");
    }
  }

  /** cv2 takes 1 x N and N x 1 images (reflect-101 of a single row is itself); the suite refuses them. */
  @Test
  void refusesImagesOfOneRowOrColumn() {
    Clarity c = new Clarity();
    for (ImageShape s : new ImageShape[] {new ImageShape(1, 9, 3), new ImageShape(9, 1, 1), new ImageShape(1, 1, 1)}) {
      var e = assertThrows(IllegalArgumentException.class, () -> c.sums(s, new byte[s.pixels()], 1));
      assertTrue(e.getMessage().contains("2 x 2"), e.getMessage());
    }
  }
}
