package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;

/**
 * Reads the event file back as TensorBoard does: TFRecord framing (length, masked CRC-32C of the
 * length, payload, masked CRC-32C of the payload) around serialized Event protos.
 */
class TensorBoardWriterTest {

  @TempDir Path dir;

  /** A folder that cannot hold the events (here a plain file) is one line naming it, not TF's trace. */
  @Test
  void aFolderItCannotWriteIsAnIoErrorNamingIt() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    var e = assertThrows(UncheckedIOException.class, () -> new TensorBoardWriter(notAFolder).close());
    String message = e.getCause().getMessage();
    assertTrue(message.startsWith("cannot write TensorBoard events in " + notAFolder + ": "), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void writesScalarsAndImagesTensorBoardCanRead() throws IOException {
    try (var w = new TensorBoardWriter(dir)) {
      w.scalar("d/loss", 3, 0.25f);
      w.scalar("d/loss", 4, 0.5f);
      w.images("samples", 4, new byte[] {0, (byte) 255, 10, 20}, 1, 2, 2, 1);
    }
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents")).toList();
    }
    assertEquals(1, files.size());
    List<Event> events = read(files.get(0));
    List<String> seen = new ArrayList<>();
    for (Event e : events) {
      for (var v : e.getSummary().getValueList()) {
        if (v.hasImage()) {
          seen.add(e.getStep() + " " + v.getTag() + " image " + v.getImage().getWidth() + "x" + v.getImage().getHeight());
        } else {
          float value = v.hasTensor() ? v.getTensor().getFloatVal(0) : v.getSimpleValue();
          seen.add(e.getStep() + " " + v.getTag() + " " + value);
        }
      }
    }
    assertTrue(seen.contains("3 d/loss 0.25"), seen.toString());
    assertTrue(seen.contains("4 d/loss 0.5"), seen.toString());
    assertTrue(seen.stream().anyMatch(x -> x.matches("4 samples.* image 2x2")), seen.toString());
  }

  private static List<Event> read(Path file) throws IOException {
    List<Event> out = new ArrayList<>();
    try (var in = new DataInputStream(Files.newInputStream(file))) {
      while (true) {
        byte[] header = new byte[8];
        try {
          in.readFully(header);
        } catch (EOFException e) {
          return out;
        }
        long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(masked(header, 8), Integer.toUnsignedLong(Integer.reverseBytes(in.readInt())));
        byte[] data = new byte[(int) length];
        in.readFully(data);
        assertEquals(masked(data, data.length), Integer.toUnsignedLong(Integer.reverseBytes(in.readInt())));
        out.add(Event.parseFrom(data));
      }
    }
  }

  /** TFRecord's masked CRC-32C. */
  private static long masked(byte[] b, int n) {
    var crc = new CRC32C();
    crc.update(b, 0, n);
    long c = crc.getValue();
    return ((((c >>> 15) | (c << 17)) & 0xFFFFFFFFL) + 0xa282ead8L) & 0xFFFFFFFFL;
  }
}
