package org.gansuite.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWriterTest {

  @TempDir Path dir;

  @Test
  void gridPlacesCellsRowMajorWithBlackPadding() throws IOException {
    ImageShape shape = new ImageShape(1, 2, 3);
    // Three 1x2 RGB images.
    byte[] images = {
        1, 2, 3, 4, 5, 6,
        10, 20, 30, 40, 50, 60,
        (byte) 200, (byte) 210, (byte) 220, (byte) 230, (byte) 240, (byte) 250};
    Path file = dir.resolve("grid.png");
    ImageWriter.writeGrid(file, images, 3, shape, 2, 1);
    BufferedImage grid = ImageDecoder.read(file);
    // 2 columns x 2 rows of 1x2 cells, 1 pixel gaps and border: 7 wide, 5 high.
    assertEquals(7, grid.getWidth());
    assertEquals(5, grid.getHeight());
    byte[] px = ImageDecoder.pixels(grid, 3);
    byte[] expected = new byte[5 * 7 * 3];
    put(expected, 1, 1, 1, 2, 3);
    put(expected, 1, 2, 4, 5, 6);
    put(expected, 1, 4, 10, 20, 30);
    put(expected, 1, 5, 40, 50, 60);
    put(expected, 3, 1, 200, 210, 220);
    put(expected, 3, 2, 230, 240, 250);
    assertArrayEquals(expected, px);
    assertNoTempFiles();
  }

  private static void put(byte[] img, int y, int x, int r, int g, int b) {
    int p = (y * 7 + x) * 3;
    img[p] = (byte) r;
    img[p + 1] = (byte) g;
    img[p + 2] = (byte) b;
  }

  @Test
  void greyFolderRoundTripsExactly() throws IOException {
    ImageShape shape = new ImageShape(2, 3, 1);
    byte[] images = {0, (byte) 128, (byte) 255, 7, 64, (byte) 190, 1, 2, 3, 4, 5, 6};
    InMemoryDataset data = new InMemoryDataset("t", shape, images);
    List<Path> files = ImageWriter.writeFolder(dir.resolve("out"), data, 2);
    assertEquals(List.of(dir.resolve("out/000000.png"), dir.resolve("out/000001.png")), files);
    for (int i = 0; i < 2; i++) {
      byte[] back = ImageDecoder.pixels(ImageDecoder.read(files.get(i)), 1);
      assertArrayEquals(java.util.Arrays.copyOfRange(images, i * 6, i * 6 + 6), back, files.get(i).toString());
    }
    List<Path> numbered = ImageWriter.writeFolder(dir.resolve("b"), images, 2, shape, 40);
    assertEquals(dir.resolve("b/000041.png"), numbered.get(1));
  }

  private void assertNoTempFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("grid.png")), files.toList());
    }
  }
}
