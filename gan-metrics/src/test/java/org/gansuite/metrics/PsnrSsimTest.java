package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PSNR/SSIM against hand-computed cases and scikit-image 0.19 with tf.image.ssim's settings
 * (values from src/test/python/make_image_references.py on the committed PNG pairs).
 */
class PsnrSsimTest {

  @TempDir Path dir;

  @Test
  void constantImagesByHand() {
    ImageShape shape = new ImageShape(12, 15, 3);
    byte[] a = new byte[shape.pixels()];
    byte[] b = new byte[shape.pixels()];
    Arrays.fill(a, (byte) 100);
    Arrays.fill(b, (byte) 110);
    try (PsnrSsim m = new PsnrSsim(ComputeDevice.AUTO)) {
      PsnrSsim.Values v = m.values(shape, a, b, 1);
      // MSE = 10^2: PSNR = 10 log10(65025 / 100).
      assertEquals(10 * Math.log10(65025.0 / 100), v.psnr()[0], 1e-12);
      // No variance: contrast-structure term is c2 / c2 = 1, luminance (2ab + c1) / (a^2 + b^2 + c1).
      double c1 = 0.01 * 255 * 0.01 * 255;
      assertEquals((2 * 100 * 110 + c1) / (100 * 100 + 110 * 110 + c1), v.ssim()[0], 1e-12);
      PsnrSsim.Values same = m.values(shape, a, a.clone(), 1);
      assertEquals(Double.POSITIVE_INFINITY, same.psnr()[0]);
      assertEquals(1.0, same.ssim()[0], 1e-15);
    }
  }

  @Test
  void doesNotDependOnBatchSize() {
    ImageShape shape = new ImageShape(16, 14, 1);
    SplittableRandom rng = new SplittableRandom(3);
    byte[] a = new byte[4 * shape.pixels()];
    byte[] b = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) rng.nextInt(256);
      b[i] = (byte) Math.max(0, Math.min(255, (a[i] & 0xFF) + rng.nextInt(41) - 20));
    }
    try (PsnrSsim m = new PsnrSsim(ComputeDevice.AUTO)) {
      PsnrSsim.Values all = m.values(shape, a, b, 4);
      for (int i = 0; i < 4; i++) {
        int n = shape.pixels();
        PsnrSsim.Values one = m.values(shape, Arrays.copyOfRange(a, i * n, (i + 1) * n),
            Arrays.copyOfRange(b, i * n, (i + 1) * n), 1);
        assertEquals(all.psnr()[i], one.psnr()[0], 1e-12);
        assertEquals(all.ssim()[i], one.ssim()[0], 1e-14);
      }
    }
  }

  @Test
  void equalsScikitImageOnFolders() throws IOException {
    ImageFolderScores.PairScores s = ImageFolderScores.psnrSsim(
        References.resource("images/b"), References.resource("images/a"), ComputeDevice.AUTO);
    assertEquals(5, s.names().size());
    for (int i = 0; i < 5; i++) {
      String name = s.names().get(i);
      double ssim = References.expected("image_expected.properties", "ssim." + name);
      assertEquals(ssim, s.ssim()[i], 1e-10, name);
      if (name.equals("img4.png")) {
        assertEquals(Double.POSITIVE_INFINITY, s.psnr()[i]); // identical pair
      } else {
        double psnr = References.expected("image_expected.properties", "psnr." + name);
        assertEquals(psnr, s.psnr()[i], 1e-10, name);
      }
    }
    assertEquals(1, s.identical());
    assertEquals(4, s.psnrSummary().n());
    assertTrue(s.toJson().keySet().containsAll(
        java.util.List.of("psnr_mean", "psnr_std", "psnr_min", "psnr_max", "ssim_mean", "ssim_std", "ssim_min", "ssim_max", "n")));
  }

  @Test
  void mismatchedFoldersAreRefusedWithNames() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Path src = References.resource("images/a");
    Files.copy(src.resolve("img0.png"), a.resolve("x.png"));
    Files.copy(src.resolve("img0.png"), b.resolve("y.png"));
    var e = assertThrows(IllegalArgumentException.class, () -> ImageFolderScores.psnrSsim(a, b, ComputeDevice.AUTO));
    assertTrue(e.getMessage().contains("x.png") && e.getMessage().contains("y.png"), e.getMessage());
    Files.delete(b.resolve("y.png"));
    Files.copy(src.resolve("img1.png"), b.resolve("x.png"));
    e = assertThrows(IllegalArgumentException.class, () -> ImageFolderScores.psnrSsim(a, b, ComputeDevice.AUTO));
    assertTrue(e.getMessage().contains("x.png") && e.getMessage().contains("24x31x3"), e.getMessage());
  }

  @Test
  void refusesImagesSmallerThanTheWindow() {
    ImageShape shape = new ImageShape(10, 20, 1);
    try (PsnrSsim m = new PsnrSsim(ComputeDevice.AUTO)) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> m.values(shape, new byte[200], new byte[200], 1));
      assertTrue(e.getMessage().contains("11 x 11"), e.getMessage());
    }
  }

  @Test
  void separableWindowEqualsTfSoftmaxWindow() {
    double[] g = PsnrSsim.window(1);
    // tf.image.ssim's _fspecial_gauss: softmax over -0.5 ((i-5)^2 + (j-5)^2) / 1.5^2
    double z = 0;
    double[] logits = new double[121];
    for (int i = 0; i < 11; i++) {
      for (int j = 0; j < 11; j++) {
        logits[i * 11 + j] = -0.5 * ((i - 5) * (i - 5) + (j - 5) * (j - 5)) / 2.25;
        z += Math.exp(logits[i * 11 + j]);
      }
    }
    for (int i = 0; i < 11; i++) {
      for (int j = 0; j < 11; j++) {
        assertEquals(Math.exp(logits[i * 11 + j]) / z, g[i] * g[j], 1e-16);
      }
    }
    assertArrayEquals(new double[] {g[0], g[0], g[0]}, Arrays.copyOf(PsnrSsim.window(3), 3), 0.0);
  }
}
