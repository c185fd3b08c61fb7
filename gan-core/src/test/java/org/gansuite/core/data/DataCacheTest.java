package org.gansuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCacheTest {

  @TempDir Path tmp;
  private Path source;
  private Path cacheDir;

  @BeforeEach
  void writeSource() throws IOException {
    source = DataFiles.cifarTrain(tmp.resolve("cifar"), 4);
    cacheDir = tmp.resolve("cache");
  }

  @Test
  void cacheHoldsTheSamePixelsLabelsAndHashAsMemory() {
    CifarSource src = new CifarSource(source, CifarSplit.TRAIN);
    DataCache cache = new DataCache(cacheDir, DataCache.Verify.FULL, 2);
    assertEquals(DataCache.Status.MISSING, cache.check(src).status());
    LabeledDataset cached = (LabeledDataset) cache.open(src);
    LabeledDataset memory = (LabeledDataset) DataCache.prepareInMemory(src, 1);
    assertEquals(memory.id(), cached.id());
    assertArrayEquals(memory.labels(), cached.labels());
    byte[] a = new byte[3072];
    byte[] b = new byte[3072];
    for (int i = 0; i < 20; i++) {
      memory.read(i, a, 0);
      cached.read(i, b, 0);
      assertArrayEquals(a, b, "image " + i);
    }
    assertEquals(DataCache.Status.FRESH, cache.check(src).status());
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void cacheFilesGetThePermissionsOfAnyNewFile() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.getFileAttributeView(cacheDir.getParent(),
        java.nio.file.attribute.PosixFileAttributeView.class) != null, "not a POSIX file system");
    CifarSource src = new CifarSource(source, CifarSplit.TRAIN);
    var cache = new DataCache(cacheDir, DataCache.Verify.HEADER, 1);
    cache.open(src);
    Path plain = cacheDir.resolve("plain");
    java.nio.file.Files.newOutputStream(plain).close();
    // Not the owner-only 0600 of a temporary file: the umask's, as for any file (0644 under umask 022).
    assertEquals(java.nio.file.Files.getPosixFilePermissions(plain), java.nio.file.Files.getPosixFilePermissions(cache.fileFor(src)));
  }

  @Test
  void concurrentReadsSeeTheRightImages() throws Exception {
    CifarSource src = new CifarSource(source, CifarSplit.TRAIN);
    ImageDataset cached = new DataCache(cacheDir, DataCache.Verify.HEADER, 1).open(src);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          byte[] img = new byte[3072];
          int checked = 0;
          for (int round = 0; round < 50; round++) {
            for (int r = 0; r < cached.size(); r++) {
              cached.read(r, img, 0);
              if ((img[3 * 5 + 1] & 0xFF) != DataFiles.cifarValue(r, 1, 5)) {
                throw new AssertionError("image " + r + " read wrong");
              }
              checked++;
            }
          }
          return checked;
        }));
      }
      for (var f : results) {
        assertEquals(50 * 20, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void changedSourceMakesTheCacheStaleAndItIsRebuilt() throws IOException {
    DataCache cache = new DataCache(cacheDir, DataCache.Verify.HEADER, 1);
    String before = cache.open(new CifarSource(source, CifarSplit.TRAIN)).id().contentHash();
    Path first = source.resolve("data_batch_1.bin");
    byte[] changed = DataFiles.cifarRecords(100, 4);
    Files.write(first, changed);
    Files.setLastModifiedTime(first, FileTime.fromMillis(Files.getLastModifiedTime(first).toMillis() + 5000));
    CifarSource src = new CifarSource(source, CifarSplit.TRAIN);
    assertEquals(DataCache.Status.STALE, cache.check(src).status());
    ImageDataset rebuilt = cache.open(src);
    assertNotEquals(before, rebuilt.id().contentHash());
    assertEquals(DataCache.prepareInMemory(src, 1).id(), rebuilt.id());
    assertEquals(DataCache.Status.FRESH, cache.check(src).status());
  }

  @Test
  void corruptPixelsAreFoundByFullVerificationAndRebuilt() throws IOException {
    CifarSource src = new CifarSource(source, CifarSplit.TRAIN);
    DataCache full = new DataCache(cacheDir, DataCache.Verify.FULL, 1);
    ImageDataset good = full.open(src);
    Path file = full.fileFor(src);
    flipLastPixelByte(file, src);
    assertEquals(DataCache.Status.FRESH, new DataCache(cacheDir, DataCache.Verify.HEADER, 1).check(src).status(),
        "a header check does not read the pixels");
    DataCache.Check check = full.check(src);
    assertEquals(DataCache.Status.CORRUPT, check.status());
    assertEquals(file + ": corrupt cache: the pixels' SHA-256 differs from the header's", check.reason());
    DataFormatException e = assertThrows(DataFormatException.class, () -> DataCache.openFile(file, "x", true));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertEquals(good.id(), full.open(src).id());
    assertEquals(DataCache.Status.FRESH, full.check(src).status());
  }

  @Test
  void truncatedOrForeignCacheFilesAreCorrupt() throws IOException {
    CifarSource src = new CifarSource(source, CifarSplit.TRAIN);
    DataCache cache = new DataCache(cacheDir, DataCache.Verify.HEADER, 1);
    cache.open(src);
    Path file = cache.fileFor(src);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - 1);
    }
    DataCache.Check check = cache.check(src);
    assertEquals(DataCache.Status.CORRUPT, check.status());
    assertTrue(check.reason().contains("truncated or overwritten"), check.reason());
    cache.open(src);
    assertEquals(DataCache.Status.FRESH, cache.check(src).status());

    Files.write(file, new byte[200]);
    DataFormatException e = assertThrows(DataFormatException.class, () -> DataCache.openFile(file, "x", false));
    assertEquals(file + ": not a gansuite data cache (wrong magic bytes)", e.getMessage());
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(0);
    }
    cache.open(src);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(20); // inside the width field: the header CRC must catch it
      raf.write(99);
    }
    e = assertThrows(DataFormatException.class, () -> DataCache.openFile(file, "x", false));
    assertEquals(file + ": corrupt header: CRC-32 mismatch", e.getMessage());
    assertFalse(cache.check(src).status() == DataCache.Status.FRESH);
  }

  private static void flipLastPixelByte(Path file, ImageSource src) throws IOException {
    long labels = 4L * src.size();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long pos = raf.length() - labels - 1;
      raf.seek(pos);
      int v = raf.read();
      raf.seek(pos);
      raf.write(v ^ 1);
    }
  }
}
