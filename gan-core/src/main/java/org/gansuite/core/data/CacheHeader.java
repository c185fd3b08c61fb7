package org.gansuite.core.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Header of a data cache file. Layout, big-endian:
 *
 * <pre>
 *   0  8  magic "GANSDATA"
 *   8  4  version (1)
 *  12  4  image count
 *  16  4  height, 20 4 width, 24 4 channels
 *  28  4  classes (0 = no labels)
 *  32  4  CRC-32 of the label section
 *  36 32  SHA-256 of the pixels in index order (the content hash of {@link DatasetId})
 *  68 32  SHA-256 fingerprint of the source (file names, sizes, times, options)
 * 100  4  length L of the description, then L bytes of UTF-8 description
 * 104+L 4 CRC-32 of the header bytes before it
 * </pre>
 *
 * Then {@code count * h * w * c} pixel bytes (HWC per image, image after image) and, when labeled,
 * {@code count} big-endian int32 labels.
 */
record CacheHeader(int count, ImageShape shape, int classes, int labelsCrc, String contentHash, String fingerprint,
    String description) {

  static final byte[] MAGIC = "GANSDATA".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int MAX_DESCRIPTION = 1 << 16;
  /** Bytes before the description. */
  static final int FIXED = 104;

  CacheHeader {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive, got " + count);
    }
    if (classes < 0) {
      throw new IllegalArgumentException("classes must be >= 0, got " + classes);
    }
  }

  private byte[] descriptionBytes() {
    byte[] d = description.getBytes(StandardCharsets.UTF_8);
    return d.length <= MAX_DESCRIPTION ? d : java.util.Arrays.copyOf(d, MAX_DESCRIPTION);
  }

  /** Byte offset of the first pixel. */
  long dataOffset() {
    return FIXED + descriptionBytes().length + 4L;
  }

  long pixelBytes() {
    return (long) count * shape.pixels();
  }

  long fileSize() {
    return dataOffset() + pixelBytes() + (classes > 0 ? 4L * count : 0);
  }

  ByteBuffer encode() {
    byte[] desc = descriptionBytes();
    ByteBuffer b = ByteBuffer.allocate(FIXED + desc.length + 4);
    b.put(MAGIC).putInt(VERSION).putInt(count)
        .putInt(shape.height()).putInt(shape.width()).putInt(shape.channels())
        .putInt(classes).putInt(labelsCrc)
        .put(HexFormat.of().parseHex(contentHash)).put(HexFormat.of().parseHex(fingerprint))
        .putInt(desc.length).put(desc);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.flip();
  }

  /** Length of the header whose first {@link #FIXED} bytes are {@code fixed}; checks magic and version. */
  static int length(String file, ByteBuffer fixed) {
    byte[] magic = new byte[MAGIC.length];
    fixed.get(0, magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new DataFormatException(file, "not a gansuite data cache (wrong magic bytes)");
    }
    int version = fixed.getInt(8);
    if (version != VERSION) {
      throw new DataFormatException(file, "cache version " + version + ", this build reads version " + VERSION);
    }
    int len = fixed.getInt(100);
    if (len < 0 || len > MAX_DESCRIPTION) {
      throw new DataFormatException(file, "corrupt header: description length " + len);
    }
    return FIXED + len + 4;
  }

  /** Decodes a whole header (as sized by {@link #length}), checking its CRC and fields. */
  static CacheHeader decode(String file, ByteBuffer b) {
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.limit() - 4);
    if ((int) crc.getValue() != b.getInt(b.limit() - 4)) {
      throw new DataFormatException(file, "corrupt header: CRC-32 mismatch");
    }
    b.position(MAGIC.length + 4);
    int count = b.getInt();
    int h = b.getInt();
    int w = b.getInt();
    int c = b.getInt();
    int classes = b.getInt();
    int labelsCrc = b.getInt();
    byte[] hash = new byte[32];
    byte[] fp = new byte[32];
    b.get(hash).get(fp);
    byte[] desc = new byte[b.getInt()];
    b.get(desc);
    try {
      return new CacheHeader(count, new ImageShape(h, w, c), classes, labelsCrc, HexFormat.of().formatHex(hash),
          HexFormat.of().formatHex(fp), new String(desc, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new DataFormatException(file, "corrupt header: " + e.getMessage(), e);
    }
  }
}
