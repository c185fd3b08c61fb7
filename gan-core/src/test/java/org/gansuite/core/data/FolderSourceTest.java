package org.gansuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansuite.core.image.ImageWriter;
import org.gansuite.core.io.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {

  @TempDir Path dir;

  /** RGB image {@code seed} of h x w: every byte distinct enough to catch a wrong offset. */
  private static byte[] rgb(int h, int w, int seed) {
    byte[] px = new byte[h * w * 3];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (seed * 31 + i * 7);
    }
    return px;
  }

  private Path folderOf(String name, int h, int w, int count) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (int i = 0; i < count; i++) {
      // Written out of order: the data set must follow file names, not creation order.
      int k = count - 1 - i;
      ImageWriter.writePng(folder.resolve("img" + k + ".png"), rgb(h, w, k), 0, new ImageShape(h, w, 3));
    }
    Files.writeString(folder.resolve("notes.txt"), "not an image");
    return folder;
  }

  @Test
  void readsPngsInNameOrderExactly() throws IOException {
    Path folder = folderOf("pngs", 4, 5, 3);
    FolderSource source = new FolderSource(folder, "pngs", FolderOptions.DEFAULT);
    assertEquals(new ImageShape(4, 5, 3), source.shape());
    assertEquals(3, source.size());
    ImageDataset data = DataCache.prepareInMemory(source, 2);
    byte[] img = new byte[60];
    for (int i = 0; i < 3; i++) {
      data.read(i, img, 0);
      assertArrayEquals(rgb(4, 5, i), img, "image " + i);
    }
    ImageDataset cached = new DataCache(dir.resolve("cache"), DataCache.Verify.FULL, 2).open(source);
    assertEquals(data.id(), cached.id());
  }

  @Test
  void addedImageMakesTheFolderCacheStale() throws IOException {
    Path folder = folderOf("grow", 4, 5, 2);
    DataCache cache = new DataCache(dir.resolve("cache"), DataCache.Verify.HEADER, 1);
    assertEquals(2, cache.open(new FolderSource(folder, "g", FolderOptions.DEFAULT)).size());
    ImageWriter.writePng(folder.resolve("img9.png"), rgb(4, 5, 9), 0, new ImageShape(4, 5, 3));
    FolderSource grown = new FolderSource(folder, "g", FolderOptions.DEFAULT);
    assertEquals(DataCache.Status.STALE, cache.check(grown).status());
    ImageDataset data = cache.open(grown);
    assertEquals(3, data.size());
    byte[] img = new byte[60];
    data.read(2, img, 0);
    assertArrayEquals(rgb(4, 5, 9), img);
  }

  @Test
  void cropsExactlyAndConvertsToGrey() throws IOException {
    Path folder = folderOf("crop", 4, 5, 1);
    FolderOptions opts = FolderOptions.builder().optCrop(1, 2, 2, 3).build();
    ImageDataset data = DataCache.prepareInMemory(new FolderSource(folder, "c", opts), 1);
    assertEquals(new ImageShape(2, 3, 3), data.shape());
    byte[] src = rgb(4, 5, 0);
    byte[] expected = new byte[18];
    for (int y = 0; y < 2; y++) {
      System.arraycopy(src, ((1 + y) * 5 + 2) * 3, expected, y * 9, 9);
    }
    byte[] img = new byte[18];
    data.read(0, img, 0);
    assertArrayEquals(expected, img);

    ImageDataset grey = DataCache.prepareInMemory(
        new FolderSource(folder, "g", FolderOptions.builder().optChannels(1).build()), 1);
    byte[] g = new byte[20];
    grey.read(0, g, 0);
    for (int p = 0; p < 20; p++) {
      int r = src[3 * p] & 0xFF;
      int gr = src[3 * p + 1] & 0xFF;
      int b = src[3 * p + 2] & 0xFF;
      assertEquals((r * 4899 + gr * 9617 + b * 1868 + 8192) >> 14, g[p] & 0xFF, "pixel " + p);
    }
  }

  @Test
  void celebaPresetMatchesPillowCropAndLanczos() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("img_align_celeba"));
    // The pattern of ResamplerTest, 178 wide x 218 high as CelebA's aligned images.
    byte[] px = new byte[218 * 178 * 3];
    int i = 0;
    for (int y = 0; y < 218; y++) {
      for (int x = 0; x < 178; x++) {
        for (int c = 0; c < 3; c++) {
          px[i++] = (byte) ((y * 37 + x * 11 + c * 101 + x * y * 7) % 256);
        }
      }
    }
    ImageWriter.writePng(folder.resolve("000001.png"), px, 0, new ImageShape(218, 178, 3));
    ImageDataset data = Datasets.celeba(dir, DataOptions.builder().optCacheDir(null).build());
    assertEquals("celeba-64", data.id().name());
    assertEquals(new ImageShape(64, 64, 3), data.shape());
    byte[] out = new byte[64 * 64 * 3];
    data.read(0, out, 0);
    // SHA-256 of Pillow 9.4's im.crop((35, 55, 143, 163)).resize((64, 64), Image.LANCZOS).tobytes()
    assertEquals("47a790878514c9e3d6bfb33d2e1c3af6a8909c8e91709bff042ad4c9f00b51ef",
        Sha256.of(out));
  }

  @Test
  void resizeAcceptsMixedSizes() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("mixed"));
    ImageWriter.writePng(folder.resolve("a.png"), new byte[] {(byte) 90, (byte) 90, (byte) 90, (byte) 90,
        (byte) 90, (byte) 90}, 0, new ImageShape(1, 2, 3));
    byte[] big = new byte[4 * 4 * 3];
    java.util.Arrays.fill(big, (byte) 30);
    ImageWriter.writePng(folder.resolve("b.png"), big, 0, new ImageShape(4, 4, 3));
    ImageDataset data = DataCache.prepareInMemory(
        new FolderSource(folder, "m", FolderOptions.builder().optResize(2, 2).build()), 1);
    byte[] img = new byte[12];
    data.read(0, img, 0);
    assertArrayEquals(filled(12, 90), img);
    data.read(1, img, 0);
    assertArrayEquals(filled(12, 30), img);
  }

  private static byte[] filled(int n, int v) {
    byte[] out = new byte[n];
    java.util.Arrays.fill(out, (byte) v);
    return out;
  }

  @Test
  void badFoldersAndFilesNameTheCulprit() throws IOException {
    Path missing = dir.resolve("missing");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new FolderSource(missing, "x", FolderOptions.DEFAULT));
    assertEquals(missing + ": image folder not found", e.getMessage());

    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("readme.txt"), "x");
    e = assertThrows(DataFormatException.class, () -> new FolderSource(empty, "x", FolderOptions.DEFAULT));
    assertEquals(empty + ": no JPEG or PNG images (*.jpg, *.jpeg, *.png) in the folder", e.getMessage());

    Path mixed = folderOf("mixed", 4, 5, 2);
    Path odd = mixed.resolve("img2.png");
    ImageWriter.writePng(odd, rgb(5, 4, 2), 0, new ImageShape(5, 4, 3));
    FolderSource source = new FolderSource(mixed, "x", FolderOptions.DEFAULT);
    e = assertThrows(DataFormatException.class, () -> DataCache.prepareInMemory(source, 2));
    assertEquals(odd + ": image is 5x4 (after any crop), the folder's first is 4x5; mixed sizes need a resize option",
        e.getMessage());

    Path broken = folderOf("broken", 4, 5, 2);
    Path bad = Files.write(broken.resolve("img1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});
    Path cacheDir = dir.resolve("cache");
    FolderSource brokenSource = new FolderSource(broken, "x", FolderOptions.DEFAULT);
    e = assertThrows(DataFormatException.class,
        () -> new DataCache(cacheDir, DataCache.Verify.AUTO, 2).open(brokenSource));
    assertTrue(e.getMessage().startsWith(bad + ": cannot decode image"), e.getMessage());
    try (var files = Files.list(cacheDir)) {
      assertEquals(0, files.count(), "no partial cache is left");
    }

    FolderOptions tooBig = FolderOptions.builder().optCrop(2, 0, 3, 5).build();
    FolderSource cropSource = new FolderSource(folderOf("small", 4, 5, 1), "x", tooBig);
    e = assertThrows(DataFormatException.class, () -> DataCache.prepareInMemory(cropSource, 1));
    assertTrue(e.getMessage().endsWith("img0.png: image is 5 wide x 4 high, too small for the crop 3x5@2,0"),
        e.getMessage());
  }
}
