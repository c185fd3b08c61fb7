package org.gansuite.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.Imaging;
import org.gansuite.core.data.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

  @TempDir Path dir;

  /** Writes a JPEG with the JDK's writer, progressive or baseline, at quality 0.95. */
  static void writeJpeg(BufferedImage image, Path file, boolean progressive) throws IOException {
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.95f);
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  static BufferedImage flat(int w, int h, int rgb) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  @Test
  void greyPngKeepsStoredValues() throws IOException {
    BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 128, 250});
    Path file = dir.resolve("g.png");
    ImageIO.write(grey, "png", file.toFile());
    assertArrayEquals(new byte[] {0, (byte) 128, (byte) 250}, ImageDecoder.pixels(ImageDecoder.read(file), 1));
    assertArrayEquals(new byte[] {0, 0, 0, (byte) 128, (byte) 128, (byte) 128, (byte) 250, (byte) 250, (byte) 250},
        ImageDecoder.pixels(ImageDecoder.read(file), 3));
  }

  @Test
  void everyGreyValueSurvivesBothDecoders() throws IOException {
    BufferedImage grey = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
    int[] ramp = new int[256];
    byte[] expected = new byte[256];
    for (int i = 0; i < 256; i++) {
      ramp[i] = i;
      expected[i] = (byte) i;
    }
    grey.getRaster().setSamples(0, 0, 256, 1, 0, ramp);
    Path file = dir.resolve("ramp.png");
    ImageIO.write(grey, "png", file.toFile());
    assertArrayEquals(expected, ImageDecoder.pixels(ImageDecoder.read(file), 1), "Commons Imaging path");
    assertArrayEquals(expected, ImageDecoder.pixels(ImageIO.read(file.toFile()), 1), "ImageIO raster");
  }

  @Test
  void rgbToGreyUsesOpenCvWeights() {
    BufferedImage rgb = flat(1, 1, (200 << 16) | (100 << 8) | 50);
    // (200*4899 + 100*9617 + 50*1868 + 8192) >> 14 = 2043692 >> 14 = 124
    assertArrayEquals(new byte[] {124}, ImageDecoder.pixels(rgb, 1));
  }

  @Test
  void baselineJpegDecodesCloseToTheColour() throws IOException {
    Path file = dir.resolve("flat.jpg");
    writeJpeg(flat(16, 16, (180 << 16) | (90 << 8) | 40), file, false);
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(16, Imaging.getBufferedImage(bytes).getWidth(), "Commons Imaging reads baseline JPEG too");
    byte[] px = ImageDecoder.pixels(ImageDecoder.read(file), 3);
    int[] expected = {180, 90, 40};
    for (int i = 0; i < px.length; i++) {
      int v = px[i] & 0xFF;
      int want = expected[i % 3];
      assertTrue(v >= want - 3 && v <= want + 3, "value " + v + " at " + i + ", want " + want + " +- 3");
    }
  }

  @Test
  void progressiveJpegFallsBackToImageIo() throws IOException {
    Path file = dir.resolve("progressive.jpg");
    writeJpeg(flat(16, 8, (20 << 16) | (200 << 8) | 120), file, true);
    assertThrows(Exception.class, () -> Imaging.getBufferedImage(Files.readAllBytes(file)),
        "Commons Imaging has no progressive JPEG decoder");
    BufferedImage image = ImageDecoder.read(file);
    assertEquals(16, image.getWidth());
    assertEquals(8, image.getHeight());
    byte[] px = ImageDecoder.pixels(image, 3);
    int[] expected = {20, 200, 120};
    for (int i = 0; i < px.length; i++) {
      int v = px[i] & 0xFF;
      assertTrue(Math.abs(v - expected[i % 3]) <= 3, "value " + v + " at " + i);
    }
  }

  @Test
  void undecodableAndMissingFilesNameTheFile() throws IOException {
    Path garbage = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4});
    DataFormatException e = assertThrows(DataFormatException.class, () -> ImageDecoder.read(garbage));
    assertTrue(e.getMessage().startsWith(garbage + ": cannot decode image"), e.getMessage());
    assertEquals(garbage.toString(), e.file());
    Path missing = dir.resolve("missing.png");
    e = assertThrows(DataFormatException.class, () -> ImageDecoder.read(missing));
    assertEquals(missing + ": image file not found", e.getMessage());
  }
}
