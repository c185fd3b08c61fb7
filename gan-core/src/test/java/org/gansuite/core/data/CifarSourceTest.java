package org.gansuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarSourceTest {

  @TempDir Path dir;

  @Test
  void decodesAllFiveBatchesPlanarToInterleavedWithLabels() throws IOException {
    DataFiles.cifarTrain(dir, 3);
    ImageDataset data = DataCache.prepareInMemory(new CifarSource(dir, CifarSplit.TRAIN), 1);
    assertEquals("cifar10-train", data.id().name());
    assertEquals(15, data.size());
    assertEquals(new ImageShape(32, 32, 3), data.shape());
    byte[] img = new byte[3072];
    for (int r = 0; r < 15; r++) {
      data.read(r, img, 0);
      for (int p = 0; p < 1024; p++) {
        for (int c = 0; c < 3; c++) {
          assertEquals(DataFiles.cifarValue(r, c, p), img[3 * p + c] & 0xFF);
        }
      }
      assertEquals(r % 10, ((LabeledDataset) data).label(r));
    }
  }

  @Test
  void firstPixelsOfAHandWrittenRecord() throws IOException {
    byte[] record = new byte[3073];
    record[0] = 6;
    record[1] = 10; // R of pixel (0,0)
    record[2] = 11; // R of pixel (0,1)
    record[1 + 1024] = 20; // G of (0,0)
    record[1 + 2048] = 30; // B of (0,0)
    record[1 + 2048 + 1023] = (byte) 255; // B of (31,31)
    Files.write(dir.resolve("test_batch.bin"), record);
    LabeledDataset data = (LabeledDataset) DataCache.prepareInMemory(new CifarSource(dir, CifarSplit.TEST), 1);
    byte[] img = new byte[3072];
    data.read(0, img, 0);
    assertArrayEquals(new byte[] {10, 20, 30, 11, 0, 0}, java.util.Arrays.copyOf(img, 6));
    assertEquals(255, img[3071] & 0xFF);
    assertEquals(6, data.label(0));
    assertEquals("cifar10-test", data.id().name());
  }

  @Test
  void rejectsWrongRecordSizeMissingFileAndBadLabel() throws IOException {
    DataFiles.cifarTrain(dir, 2);
    Path third = dir.resolve("data_batch_3.bin");
    Files.write(third, new byte[3074 * 2]);
    DataFormatException e = assertThrows(DataFormatException.class, () -> new CifarSource(dir, CifarSplit.TRAIN));
    assertEquals(third + ": 6148 bytes is not a whole number of 3073-byte CIFAR-10 records"
        + " (a published batch file is 30730000 bytes)", e.getMessage());

    Files.delete(third);
    e = assertThrows(DataFormatException.class, () -> new CifarSource(dir, CifarSplit.TRAIN));
    assertEquals(third + ": CIFAR-10 batch file missing", e.getMessage());

    byte[] records = DataFiles.cifarRecords(0, 2);
    records[3073] = 10;
    Files.write(third, records);
    CifarSource source = new CifarSource(dir, CifarSplit.TRAIN);
    e = assertThrows(DataFormatException.class, () -> DataCache.prepareInMemory(source, 1));
    assertEquals(third + ": record 1 has label 10, expected 0..9: not the CIFAR-10 binary format", e.getMessage());

    Path missing = dir.resolve("none");
    e = assertThrows(DataFormatException.class, () -> new CifarSource(missing, CifarSplit.TRAIN));
    assertTrue(e.getMessage().startsWith(missing + ": "), e.getMessage());
  }
}
