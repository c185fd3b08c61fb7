package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.gansuite.core.data.DataFormatException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clarity against hand-computed images, a plain-Java reimplementation of OpenCV's steps, and real
 * OpenCV 4.6 values (cv2.Laplacian(cv2.cvtColor(rgb, COLOR_RGB2GRAY), CV_64F).var(), computed by
 * src/test/python/make_image_references.py on the committed PNGs).
 */
class ClarityTest {

  @TempDir Path dir;

  /** OpenCV's steps in plain Java: fixed-point grey, reflect-101 Laplacian, population variance. */
  static double reference(ImageShape s, byte[] px, int offset, GreyConversion c) {
    int h = s.height();
    int w = s.width();
    int[] g = new int[h * w];
    for (int i = 0; i < h * w; i++) {
      int o = offset + i * s.channels();
      g[i] = s.channels() == 1 ? px[o] & 0xFF
          : c.grey(px[o] & 0xFF, px[o + 1] & 0xFF, px[o + 2] & 0xFF);
    }
    double[] r = new double[h * w];
    double mean = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        r[y * w + x] = g[reflect(y - 1, h) * w + x] + g[reflect(y + 1, h) * w + x]
            + g[y * w + reflect(x - 1, w)] + g[y * w + reflect(x + 1, w)] - 4.0 * g[y * w + x];
        mean += r[y * w + x] / (h * w);
      }
    }
    double var = 0;
    for (double v : r) {
      var += (v - mean) * (v - mean) / (h * w);
    }
    return var;
  }

  private static int reflect(int i, int n) {
    return i < 0 ? -i : i >= n ? 2 * n - 2 - i : i;
  }

  @Test
  void handComputedImages() {
    try (Clarity c = new Clarity(ComputeDevice.AUTO)) {
      // One 10 in the middle of a 3x3 zero image. Reflect-101 mirrors it into the four edge
      // midpoints' outer neighbours: responses -40 (centre), 20 (x4), 0 (corners).
      byte[] dot = new byte[9];
      dot[4] = 10;
      double mean = 40.0 / 9;
      double expected = (1600 + 4 * 400) / 9.0 - mean * mean; // 27200 / 81
      assertEquals(27200.0 / 81, expected, 1e-12);
      assertEquals(expected, c.values(new ImageShape(3, 3, 1), dot, 1)[0], 1e-12);
      // Constant images have a zero Laplacian.
      byte[] flat = new byte[4 * 5 * 3];
      java.util.Arrays.fill(flat, (byte) 200);
      assertEquals(0.0, c.values(new ImageShape(4, 5, 3), flat, 1)[0], 0.0);
      // Pure red 255 is grey (255*9798 + 16384) >> 15 = 76: the dot above scaled by 7.6.
      byte[] red = new byte[27];
      red[12] = (byte) 255;
      assertEquals(27200.0 / 81 * 7.6 * 7.6, c.values(new ImageShape(3, 3, 3), red, 1)[0], 1e-9);
    }
  }

  @Test
  void equalsPlainJavaReferenceAndDoesNotDependOnBatchSize() {
    SplittableRandom rng = new SplittableRandom(11);
    ImageShape shape = new ImageShape(9, 13, 3);
    byte[] px = new byte[7 * shape.pixels()];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) rng.nextInt(256);
    }
    InMemoryDataset data = new InMemoryDataset("random", shape, px);
    try (Clarity c = new Clarity(ComputeDevice.AUTO);
        Clarity c14 = new Clarity(ComputeDevice.AUTO, GreyConversion.OPENCV_14BIT)) {
      double[] one = c.values(data, 1);
      double[] fourteen = c14.values(data, 7);
      double[] three = c.values(data, 3);
      double[] all = c.values(data, 7);
      for (int i = 0; i < 7; i++) {
        double ref = reference(shape, px, i * shape.pixels(), GreyConversion.OPENCV_4);
        assertEquals(ref, one[i], 1e-9 * ref);
        double ref14 = reference(shape, px, i * shape.pixels(), GreyConversion.OPENCV_14BIT);
        assertEquals(ref14, fourteen[i], 1e-9 * ref14);
      }
      assertArrayEquals(one, three, 0.0);
      assertArrayEquals(one, all, 0.0);
    }
  }

  @Test
  void equalsOpenCv() throws IOException {
    ImageFolderScores.ClarityScores s = Clarity.ofFolder(References.resource("images/a"));
    assertEquals(5, s.names().size());
    double sum = 0;
    for (int i = 0; i < s.names().size(); i++) {
      double cv = References.expected("image_expected.properties", "clarity." + s.names().get(i));
      assertEquals(cv, s.values()[i], 1e-9 * Math.max(1, cv), s.names().get(i));
      sum += cv;
    }
    assertEquals(sum / 5, s.summary().mean(), 1e-9 * sum);
    assertEquals(sum / 5, (double) s.toJson().get("clarity_mean"), 1e-9 * sum);
  }

  /** JPEGs decode to libjpeg-turbo's pixels (gan-core's ImageDecoder reads JPEG with ImageIO first). */
  @Test
  void jpegEqualsOpenCv() throws IOException {
    ImageFolderScores.ClarityScores s = Clarity.ofFolder(References.resource("images/jpeg"));
    assertEquals(3, s.names().size());
    for (int i = 0; i < s.names().size(); i++) {
      double cv = References.expected("jpeg_expected.properties", "clarity." + s.names().get(i));
      assertEquals(cv, s.values()[i], 1e-9 * cv, s.names().get(i));
    }
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
  void refusesTinyImages() {
    try (Clarity c = new Clarity(ComputeDevice.AUTO)) {
      assertThrows(IllegalArgumentException.class, () -> c.values(new ImageShape(1, 5, 1), new byte[5], 1));
    }
  }
}
