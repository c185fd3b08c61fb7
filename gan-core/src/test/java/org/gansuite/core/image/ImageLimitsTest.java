package org.gansuite.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.gansuite.core.data.DataFormatException;
import org.gansuite.core.testing.Bombs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images are measured by their header before decoding; damaged ones are read with a warning. */
class ImageLimitsTest {

  @TempDir Path dir;

  @Test
  void aSmallFileClaimingAHugeImageIsRefusedBeforeDecoding() throws IOException {
    byte[] bomb = Bombs.png(100_000, 100_000, 30);
    assertTrue(bomb.length < 4096, bomb.length + " bytes");
    Path file = Files.write(dir.resolve("bomb.png"), bomb);
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    var e = assertThrows(DataFormatException.class, () -> ImageDecoder.read(file));
    long grown = rt.totalMemory() - rt.freeMemory() - before;
    assertEquals(file + ": the header says 100000 x 100000 pixels (10,000,000,000), above the limit of 50,000,000; "
        + "--max-image-pixels raises it", e.getMessage());
    // Decoding would have needed 40 GB; the header read needs next to nothing.
    assertTrue(grown < 64L << 20, grown + " bytes allocated");
    Path big = Files.write(dir.resolve("big.png"), Bombs.png(20_000, 20_000, 10));
    e = assertThrows(DataFormatException.class, () -> ImageDecoder.read(big));
    assertTrue(e.getMessage().startsWith(big + ": the header says 20000 x 20000 pixels (400,000,000)"), e.getMessage());
  }

  @Test
  void theLimitIsASystemPropertyTheCommandLineSets() throws IOException {
    Path file = Files.write(dir.resolve("small.png"), Bombs.png(16, 16, 16));
    assertEquals(16, ImageDecoder.read(file).getWidth());
    System.setProperty(ImageDecoder.MAX_PIXELS_PROPERTY, "255");
    try {
      assertEquals(255, ImageDecoder.maxPixels());
      var e = assertThrows(DataFormatException.class, () -> ImageDecoder.read(file));
      assertEquals(file + ": the header says 16 x 16 pixels (256), above the limit of 255; --max-image-pixels raises it",
          e.getMessage());
      System.setProperty(ImageDecoder.MAX_PIXELS_PROPERTY, "256");
      assertEquals(16, ImageDecoder.read(file).getHeight());
    } finally {
      System.clearProperty(ImageDecoder.MAX_PIXELS_PROPERTY);
    }
    assertEquals(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.maxPixels());
  }

  @Test
  void aTruncatedJpegIsReadWithAWarningNamingIt() throws IOException {
    Path whole = dir.resolve("whole.jpg");
    var noise = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var random = new java.util.SplittableRandom(3);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        noise.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    ImageDecoderTest.writeJpeg(noise, whole, false);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
    List<String> warnings = new ArrayList<>();
    Logger logger = Logger.getLogger(ImageDecoder.class.getName());
    Handler h = new Handler() {
      @Override public void publish(LogRecord r) { warnings.add(r.getMessage()); }
      @Override public void flush() {}
      @Override public void close() {}
    };
    logger.addHandler(h);
    try {
      var image = ImageDecoder.read(cut);
      assertEquals(64, image.getWidth());
      assertEquals(64, image.getHeight());
      // The rows before the cut are as in the whole file, which gives gives the same pixels there and no warning.
      byte[] px = ImageDecoder.pixels(image, 3);
      byte[] ref = ImageDecoder.pixels(ImageDecoder.read(whole), 3);
      assertArrayEquals(Arrays.copyOf(ref, 64 * 3 * 8), Arrays.copyOf(px, 64 * 3 * 8));
    } finally {
      logger.removeHandler(h);
    }
    assertEquals(List.of(cut + ": damaged or truncated image, read as far as it goes (Truncated File - Missing EOI marker; "
        + "Corrupt JPEG data: premature end of data segment)"),
        warnings);
  }
}
