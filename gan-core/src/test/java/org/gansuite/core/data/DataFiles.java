package org.gansuite.core.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small files in the real formats, for tests (also of other modules, via the test-jar) and the benchmark. */
public final class DataFiles {

  private DataFiles() {}

  /** IDX bytes: big-endian magic, dimensions, then the payload. */
  public static byte[] idx(int magic, int[] dims, byte[] payload) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(payload);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] idxImages(int count, int rows, int cols, byte[] pixels) {
    return idx(2051, new int[] {count, rows, cols}, pixels);
  }

  public static byte[] idxLabels(int[] labels) {
    byte[] raw = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      raw[i] = (byte) labels[i];
    }
    return idx(2049, new int[] {labels.length}, raw);
  }

  public static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(bytes)) {
        out.write(data);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pixel value of CIFAR record {@code r}, channel {@code c}, position {@code p}: a known pattern. */
  public static int cifarValue(int r, int c, int p) {
    return (r * 7 + c * 85 + p * 3) & 0xFF;
  }

  /** CIFAR-10 binary records {@code first..first+count-1}, label {@code r % 10}. */
  public static byte[] cifarRecords(int first, int count) {
    byte[] out = new byte[count * 3073];
    for (int i = 0; i < count; i++) {
      int r = first + i;
      out[i * 3073] = (byte) (r % 10);
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < 1024; p++) {
          out[i * 3073 + 1 + c * 1024 + p] = (byte) cifarValue(r, c, p);
        }
      }
    }
    return out;
  }

  /** Writes data_batch_1..5.bin with {@code perFile} records each; returns the folder. */
  public static Path cifarTrain(Path dir, int perFile) throws IOException {
    Files.createDirectories(dir);
    for (int f = 0; f < 5; f++) {
      Files.write(dir.resolve("data_batch_" + (f + 1) + ".bin"), cifarRecords(f * perFile, perFile));
    }
    return dir;
  }
}
