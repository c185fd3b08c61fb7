package org.gansuite.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Hostile files for tests: a PNG whose header claims more pixels than its few bytes hold. */
public final class Bombs {

  private Bombs() {}

  /**
   * An 8-bit grey PNG whose IHDR says {@code width x height}, followed by the first
   * {@code rows} rows of zeros (filter byte included), deflated: a few KB can claim gigapixels.
   */
  public static byte[] png(int width, int height, int rows) {
    try {
      var raw = new ByteArrayOutputStream();
      try (var z = new DeflaterOutputStream(raw, new Deflater(9))) {
        byte[] row = new byte[width + 1];
        for (int i = 0; i < rows; i++) {
          z.write(row);
        }
      }
      var out = new ByteArrayOutputStream();
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      var ihdr = new ByteArrayOutputStream();
      var d = new DataOutputStream(ihdr);
      d.writeInt(width);
      d.writeInt(height);
      d.write(new byte[] {8, 0, 0, 0, 0});
      chunk(out, "IHDR", ihdr.toByteArray());
      chunk(out, "IDAT", raw.toByteArray());
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    var d = new DataOutputStream(out);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    var crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
