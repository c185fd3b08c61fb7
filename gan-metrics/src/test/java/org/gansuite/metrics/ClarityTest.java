package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gansuite.core.data.DataFormatException;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.metrics.ClarityDefinition.Kernel;
import org.gansuite.metrics.ClarityDefinition.Statistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clarity under every definition against hand-computed images, a plain-Java floating-point
 * reimplementation of OpenCV's steps, and real OpenCV 4.6 values: the default on the images of
 * src/test/python/make_image_references.py and make_jpeg_references.py, every definition on those
 * of make_clarity_references.py (cv2.Laplacian / cv2.filter2D with CV_64F, then numpy's var, std,
 * mean of |R| and of R^2).
 */
class ClarityTest {

  @TempDir Path dir;

  /**
   * OpenCV's steps in plain Java doubles, independent of the integer sums: fixed-point grey, the
   * kernel's weights divided by its divisor with reflect-101 borders, then the statistic in two passes.
   */
  static double reference(ImageShape s, byte[] px, int offset, GreyConversion c, ClarityDefinition d) {
    int h = s.height();
    int w = s.width();
    int[] g = new int[h * w];
    for (int i = 0; i < h * w; i++) {
      int o = offset + i * s.channels();
      g[i] = s.channels() == 1 ? px[o] & 0xFF
          : c.grey(px[o] & 0xFF, px[o + 1] & 0xFF, px[o + 2] & 0xFF);
    }
    int[][] k = d.kernel().weights();
    double divisor = d.kernel() == Kernel.ONE_FOUR_ONE ? 6 : 1;
    double[] r = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            v += k[dy + 1][dx + 1] / divisor * g[reflect(y + dy, h) * w + reflect(x + dx, w)];
          }
        }
        r[y * w + x] = v;
      }
    }
    double mean = 0;
    double abs = 0;
    double energy = 0;
    for (double v : r) {
      mean += v / r.length;
      abs += Math.abs(v) / r.length;
      energy += v * v / r.length;
    }
    double var = 0;
    for (double v : r) {
      var += (v - mean) * (v - mean) / r.length;
    }
    return switch (d.statistic()) {
      case VAR -> var;
      case STD -> Math.sqrt(var);
      case MEAN_ABS -> abs;
      case ENERGY -> energy;
    };
  }

  private static int reflect(int i, int n) {
    return i < 0 ? -i : i >= n ? 2 * n - 2 - i : i;
  }

  private static ClarityDefinition def(Statistic s, Kernel k) {
    return new ClarityDefinition(s, k);
  }

  @Test
  void handComputedImages() {
    Clarity c = new Clarity();
    // One 10 in the middle of a 3x3 zero image; reflect-101 mirrors it into the outer neighbours of
    // the edge midpoints and, for the kernels with corners, of the corners.
    // 4-neighbour: -40 (centre), 20 (x4), 0 (corners).
    // 8-neighbour: -80, 20 (x4), 40 (x4: each corner sees the dot four times).
    // 1-4-1 (x6):  -200, 80 (x4), 40 (x4), divided by 6.
    byte[] dot = new byte[9];
    dot[4] = 10;
    LaplacianSums sums = c.sums(new ImageShape(3, 3, 1), dot, 1);
    double[][] expected = {
        {27200.0 / 81, Math.sqrt(27200.0 / 81), 120.0 / 9, 3200.0 / 9},
        {104000.0 / 81, Math.sqrt(104000.0 / 81), 320.0 / 9, 1600},
        {142400.0 / 729, Math.sqrt(142400.0 / 729), 340.0 / 27, 2000.0 / 9}};
    for (Kernel k : Kernel.values()) {
      for (Statistic s : Statistic.values()) {
        double e = expected[k.ordinal()][s.ordinal()];
        assertEquals(e, sums.value(0, def(s, k)), 1e-12 * e, s + " " + k);
      }
    }
    // Constant images have a zero Laplacian under every kernel.
    byte[] flat = new byte[4 * 5 * 3];
    java.util.Arrays.fill(flat, (byte) 200);
    LaplacianSums zero = c.sums(new ImageShape(4, 5, 3), flat, 1);
    ClarityDefinition.ALL.forEach(d -> assertEquals(0.0, zero.value(0, d), 0.0, d.toString()));
    // Pure red 255 is grey (255*9798 + 16384) >> 15 = 76: the dot above scaled by 7.6.
    byte[] red = new byte[27];
    red[12] = (byte) 255;
    assertEquals(27200.0 / 81 * 7.6 * 7.6, c.sums(new ImageShape(3, 3, 3), red, 1).value(0, ClarityDefinition.DEFAULT),
        1e-9);
  }

  @Test
  void equalsPlainJavaReferenceAndDoesNotDependOnBatchSize() {
    SplittableRandom rng = new SplittableRandom(11);
    // 9 x 13 colour, and grey rows wider than the 64-pixel segments the sums are taken in.
    for (ImageShape shape : new ImageShape[] {new ImageShape(9, 13, 3), new ImageShape(5, 150, 1)}) {
      byte[] px = new byte[7 * shape.pixels()];
      for (int i = 0; i < px.length; i++) {
        px[i] = (byte) rng.nextInt(256);
      }
      InMemoryDataset data = new InMemoryDataset("random", shape, px);
      LaplacianSums one = new Clarity().sums(data, 1);
      LaplacianSums fourteen = new Clarity(GreyConversion.OPENCV_14BIT).sums(data, 7);
      LaplacianSums three = new Clarity().sums(data, 3);
      LaplacianSums all = new Clarity().sums(shape, px, 7);
      for (ClarityDefinition d : ClarityDefinition.ALL) {
        for (int i = 0; i < 7; i++) {
          double ref = reference(shape, px, i * shape.pixels(), GreyConversion.OPENCV_4, d);
          assertEquals(ref, one.value(i, d), 1e-12 * ref, d + " " + shape);
          double ref14 = reference(shape, px, i * shape.pixels(), GreyConversion.OPENCV_14BIT, d);
          assertEquals(ref14, fourteen.value(i, d), 1e-12 * ref14, d + " " + shape);
        }
        assertArrayEquals(one.values(d), three.values(d), 0.0);
        assertArrayEquals(one.values(d), all.values(d), 0.0);
      }
    }
  }

  @Test
  void equalsOpenCv() throws IOException {
    ImageFolderScores.ClarityScores s = Clarity.ofFolder(References.resource("images/a"));
    assertEquals(5, s.names().size());
    double[] values = s.values(ClarityDefinition.DEFAULT);
    double sum = 0;
    for (int i = 0; i < s.names().size(); i++) {
      double cv = References.expected("image_expected.properties", "clarity." + s.names().get(i));
      assertEquals(cv, values[i], 1e-12 * Math.max(1, cv), s.names().get(i));
      sum += cv;
    }
    assertEquals(sum / 5, s.summary(ClarityDefinition.DEFAULT).mean(), 1e-12 * sum);
    assertEquals(sum / 5, (double) s.toJson(ClarityDefinition.DEFAULT).get("clarity_mean"), 1e-12 * sum);
  }

  /** Every definition on photographs, grey and colour images, noise wider than a segment, extremes and 2 x 2. */
  @Test
  void everyDefinitionEqualsOpenCv() throws IOException {
    ImageFolderScores.ClarityScores s = Clarity.ofFolder(References.resource("images/clarity"));
    assertEquals(7, s.names().size());
    for (ClarityDefinition d : ClarityDefinition.ALL) {
      double[] values = s.values(d);
      double sum = 0;
      for (int i = 0; i < values.length; i++) {
        String name = s.names().get(i);
        double cv = References.expected("clarity_expected.properties", d.key() + "." + name);
        assertEquals(cv, values[i], 1e-12 * Math.max(1, cv), d + " " + name);
        sum += cv;
      }
      var json = s.toJson(new ClarityDefinition(Statistic.STD, Kernel.EIGHT));
      assertEquals(sum / values.length, (double) json.get("clarity_" + d.key() + "_mean"), 1e-12 * sum, d.toString());
    }
    double std8 = References.expected("clarity_expected.properties", "std_k8.astronaut_32.png");
    assertEquals(std8, s.values(new ClarityDefinition(Statistic.STD, Kernel.EIGHT))[0], 1e-12 * std8);
  }

  /** JPEGs decode to libjpeg-turbo's pixels (gan-core's ImageDecoder reads JPEG with ImageIO first). */
  @Test
  void jpegEqualsOpenCv() throws IOException {
    ImageFolderScores.ClarityScores s = Clarity.ofFolder(References.resource("images/jpeg"));
    assertEquals(3, s.names().size());
    for (int i = 0; i < s.names().size(); i++) {
      double cv = References.expected("jpeg_expected.properties", "clarity." + s.names().get(i));
      assertEquals(cv, s.values(ClarityDefinition.DEFAULT)[i], 1e-12 * cv, s.names().get(i));
    }
  }

  /** Sums past the range of a long (images of tens of millions of pixels) take the BigInteger path. */
  @Test
  void varianceOfHugeSumsIsExact() {
    long n = 40_000_000L;
    long sum = 3_000_000_001L;
    long squares = 900_000_000_000_000L; // n * squares overflows a long
    MathContext mc = MathContext.DECIMAL128;
    BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), mc);
    double expected = BigDecimal.valueOf(squares).divide(BigDecimal.valueOf(n), mc).subtract(mean.multiply(mean)).doubleValue();
    assertEquals(expected, Statistic.VAR.of(n, sum, squares, 0, 1), 1e-15 * expected);
    assertEquals(expected / 36, Statistic.VAR.of(n, sum, squares, 0, 6), 1e-15 * expected);
    assertEquals(Math.sqrt(expected) / 6, Statistic.STD.of(n, sum, squares, 0, 6), 1e-15 * Math.sqrt(expected));
  }

  @Test
  void namesParseAndErrorsListTheChoices() {
    assertEquals(Statistic.MEAN_ABS, Statistic.parse("Mean-Abs"));
    assertEquals(Kernel.ONE_FOUR_ONE, Kernel.parse("141"));
    assertEquals("mean_abs_k141", def(Statistic.MEAN_ABS, Kernel.ONE_FOUR_ONE).key());
    assertEquals("--clarity energy --clarity-kernel 8", def(Statistic.ENERGY, Kernel.EIGHT).options());
    var e = assertThrows(IllegalArgumentException.class, () -> Statistic.parse("variance"));
    assertTrue(e.getMessage().contains("'variance'") && e.getMessage().contains("var, std, mean-abs, energy"),
        e.getMessage());
    var k = assertThrows(IllegalArgumentException.class, () -> Kernel.parse("5"));
    assertTrue(k.getMessage().contains("'5'") && k.getMessage().contains("4, 8, 141"), k.getMessage());
    assertEquals(12, ClarityDefinition.ALL.size());
    assertEquals(ClarityDefinition.DEFAULT, ClarityDefinition.ALL.get(0));
  }

  @Test
  void badFoldersAndFilesAreNamed() throws IOException {
    Path missing = dir.resolve("nope");
    var e1 = assertThrows(NoSuchFileException.class, () -> Clarity.ofFolder(missing));
    assertTrue(e1.getMessage().contains("nope"), e1.getMessage());
    Files.createDirectories(dir.resolve("empty"));
    var e2 = assertThrows(IllegalArgumentException.class, () -> Clarity.ofFolder(dir.resolve("empty")));
    assertTrue(e2.getMessage().contains("empty") && e2.getMessage().contains("no .png"), e2.getMessage());
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("broken.png"), "this is not a PNG");
    var e3 = assertThrows(DataFormatException.class, () -> Clarity.ofFolder(bad));
    assertTrue(e3.getMessage().contains("broken.png"), e3.getMessage());
  }

  @Test
  void greyConversionsByHand() {
    // Blue 250: 250*3735 + 16384 = 950134, >> 15 = 28 (OpenCV 4); the 14-bit form gives
    // 250*1868 + 8192 = 475192, >> 14 = 29.
    assertEquals(28, GreyConversion.OPENCV_4.grey(0, 0, 250));
    assertEquals(29, GreyConversion.OPENCV_14BIT.grey(0, 0, 250));
    assertEquals(255, GreyConversion.OPENCV_4.grey(255, 255, 255));
    assertEquals(255, GreyConversion.OPENCV_14BIT.grey(255, 255, 255));
  }

  @Test
  void refusesTinyImagesAndShortBuffers() {
    Clarity c = new Clarity();
    var e = assertThrows(IllegalArgumentException.class, () -> c.sums(new ImageShape(1, 5, 1), new byte[5], 1));
    assertTrue(e.getMessage().contains("2 x 2"), e.getMessage());
    var f = assertThrows(IllegalArgumentException.class, () -> c.sums(new ImageShape(2, 2, 3), new byte[11], 1));
    assertTrue(f.getMessage().contains("12 bytes"), f.getMessage());
  }
}
