package org.gansuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {

  @TempDir Path dir;

  /** Two 2x3 images with distinct values 1..12. */
  private static final byte[] PIXELS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 250};

  @Test
  void readsRawAndGzippedImagesAndLabelsExactly() throws IOException {
    Path raw = Files.write(dir.resolve("images"), DataFiles.idxImages(2, 2, 3, PIXELS));
    Path gz = Files.write(dir.resolve("images.gz"), DataFiles.gzip(DataFiles.idxImages(2, 2, 3, PIXELS)));
    Path labels = Files.write(dir.resolve("labels.gz"), DataFiles.gzip(DataFiles.idxLabels(new int[] {7, 0})));
    for (Path file : new Path[] {raw, gz}) {
      IdxFiles.Images images = IdxFiles.readImages(file);
      assertEquals(2, images.count());
      assertEquals(2, images.rows());
      assertEquals(3, images.cols());
      assertArrayEquals(PIXELS, images.pixels());
    }
    assertArrayEquals(new int[] {7, 0}, IdxFiles.readLabels(labels));
  }

  @Test
  void padsCentredWithTheBackgroundValue() throws IOException {
    Path file = Files.write(dir.resolve("images"), DataFiles.idxImages(2, 2, 3, PIXELS));
    ImageDataset data = IdxFiles.toDataset("t", IdxFiles.readImages(file), new int[] {3, 9}, "labels",
        new IdxOptions(5, 17));
    assertEquals(new ImageShape(5, 5, 1), data.shape());
    byte[] img = new byte[25];
    data.read(1, img, 0);
    // 2x3 in 5x5: top (5-2)/2 = 1, left (5-3)/2 = 1.
    byte b = 17;
    byte[] expected = {
        b, b, b, b, b,
        b, 7, 8, 9, b,
        b, 10, 11, (byte) 250, b,
        b, b, b, b, b,
        b, b, b, b, b};
    assertArrayEquals(expected, img);
    LabeledDataset labeled = (LabeledDataset) data;
    assertArrayEquals(new int[] {3, 9}, labeled.labels());
    assertEquals(10, labeled.classes());
  }

  @Test
  void pads28To32LikeFashionMnist() throws IOException {
    byte[] px = new byte[28 * 28];
    Arrays.fill(px, (byte) 200);
    Path file = Files.write(dir.resolve("images"), DataFiles.idxImages(1, 28, 28, px));
    ImageDataset data = IdxFiles.toDataset("t", IdxFiles.readImages(file), null, null, IdxOptions.DEFAULT);
    byte[] img = new byte[32 * 32];
    data.read(0, img, 0);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        boolean inside = y >= 2 && y < 30 && x >= 2 && x < 30;
        assertEquals(inside ? 200 : 0, img[y * 32 + x] & 0xFF, "pixel " + y + "," + x);
      }
    }
  }

  @Test
  void rejectsImagesLargerThanThePadding() throws IOException {
    Path file = Files.write(dir.resolve("big"), DataFiles.idxImages(1, 2, 3, new byte[6]));
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> IdxFiles.toDataset("t", IdxFiles.readImages(file), null, null, new IdxOptions(2, 0)));
    assertTrue(e.getMessage().startsWith(file + ": images of 2x3 do not fit the padding to 2x2"), e.getMessage());
    assertEquals(new ImageShape(2, 3, 1),
        IdxFiles.toDataset("t", IdxFiles.readImages(file), null, null, new IdxOptions(0, 0)).shape());
  }

  @Test
  void rejectsWrongMagicNamingTheFile() throws IOException {
    Path labelsAsImages = Files.write(dir.resolve("swapped"), DataFiles.idxLabels(new int[] {1}));
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.readImages(labelsAsImages));
    assertTrue(e.getMessage().startsWith(labelsAsImages.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("magic number 2049 (this is a label file), expected 2051"), e.getMessage());
    Path imagesAsLabels = Files.write(dir.resolve("swapped2"), DataFiles.idxImages(2, 2, 3, PIXELS));
    e = assertThrows(DataFormatException.class, () -> IdxFiles.readLabels(imagesAsLabels));
    assertTrue(e.getMessage().contains("magic number 2051 (this is an image file), expected 2049"), e.getMessage());
  }

  @Test
  void rejectsTruncatedAndOverlongFiles() throws IOException {
    byte[] good = DataFiles.idxImages(2, 2, 3, PIXELS);
    Path truncated = Files.write(dir.resolve("truncated"), Arrays.copyOf(good, good.length - 1));
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.readImages(truncated));
    assertEquals(truncated + ": truncated: header announces 2 images of 2x3 (12 bytes) but the data ends after 11 bytes",
        e.getMessage());
    Path header = Files.write(dir.resolve("header"), Arrays.copyOf(good, 10));
    e = assertThrows(DataFormatException.class, () -> IdxFiles.readImages(header));
    assertTrue(e.getMessage().contains("truncated header"), e.getMessage());
    Path longer = Files.write(dir.resolve("longer"), Arrays.copyOf(good, good.length + 1));
    e = assertThrows(DataFormatException.class, () -> IdxFiles.readImages(longer));
    assertTrue(e.getMessage().contains("trailing bytes"), e.getMessage());
    byte[] gz = DataFiles.gzip(good);
    Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12));
    e = assertThrows(DataFormatException.class, () -> IdxFiles.readImages(cut));
    assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
  }

  @Test
  void rejectsMissingFileAndLabelCountMismatch() throws IOException {
    Path missing = dir.resolve("nope");
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFiles.readImages(missing));
    assertEquals(missing + ": file not found", e.getMessage());
    Path file = Files.write(dir.resolve("images"), DataFiles.idxImages(2, 2, 3, PIXELS));
    e = assertThrows(DataFormatException.class, () -> IdxFiles.toDataset("t", IdxFiles.readImages(file),
        new int[] {1, 2, 3}, "labels-file", IdxOptions.DEFAULT));
    assertEquals("labels-file: 3 labels for 2 images", e.getMessage());
  }
}
